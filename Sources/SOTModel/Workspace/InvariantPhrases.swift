import SOTSource
import SOTSyntax

/// Phrases like "keeps {id} blocked" that turn an acceptance item into a declared invariant.
/// Matching ignores case, backticks, bold markers and repeated spaces.
public struct InvariantPhrases: Sendable {
    private let phrases: [String]
    /// The longest word of each phrase: an item without it needs no closer look.
    private let keywords: [[UInt8]]

    public init(_ phrases: [String]) {
        self.phrases = phrases.map { Self.squeezed($0.lowercased()) }
        keywords = self.phrases.map { phrase in
            let words = phrase.replacingAll("{id}", with: " ").split(whereSeparator: { $0 == " " })
            return Array((words.max { $0.count < $1.count } ?? "").utf8)
        }
    }

    /// IDs the item declares the phrase about, other than the declaring issue itself. `canonical` (the
    /// profile's `canonicalID`, nil when every ID is its own) finds a mention written in another spelling
    /// (`Keeps task-24 blocked` declares about `BACK-24`).
    package func declaredTargets(in item: FieldItem, excluding own: String, canonical: ((String) -> String)? = nil) -> [String] {
        guard item.references.contains(where: { $0.id != own }) else { return [] }
        var itemText = item.text
        let mentionsKeyword = itemText.withUTF8 { bytes in
            keywords.contains(where: { ByteSearch.contains(bytes, $0, ignoringASCIICase: true) })
        }
        guard mentionsKeyword else { return [] }
        let text = Self.squeezed(item.text.lowercased())
        var targets: [String] = []
        // The item's words that name an ID in another spelling, by the ID they name (lower-cased).
        var spellings: [String: [String]] = [:]
        if let canonical {
            for word in text.split(separator: " ") {
                let written = String(word.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed())
                let known = canonical(written).lowercased()
                if known != written, !(spellings[known] ?? []).contains(written) { spellings[known, default: []].append(written) }
            }
        }
        for reference in item.references where reference.id != own && !targets.contains(reference.id) {
            let lowered = reference.id.lowercased()
            let forms = [lowered] + (spellings[lowered] ?? [])
            if phrases.contains(where: { phrase in forms.contains { text.contains(phrase.replacingAll("{id}", with: $0)) } }) {
                targets.append(reference.id)
            }
        }
        return targets
    }

    /// Backticks and bold markers are markup, not words: "Keeps **`X`** blocked" declares the same.
    package static func squeezed(_ text: String) -> String {
        text.filter { $0 != "`" && $0 != "*" }.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
