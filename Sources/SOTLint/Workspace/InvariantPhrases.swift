/// Phrases like "keeps {id} blocked" that turn an acceptance item into a declared invariant.
/// Matching ignores case, backticks, bold markers and repeated spaces.
struct InvariantPhrases: Sendable {
    private let phrases: [String]
    /// The longest word of each phrase: an item without it needs no closer look.
    private let keywords: [[UInt8]]

    /// The phrases of the `invariant-keeps-blocked` rule in `profile`.
    init(profile: Profile) {
        self.init(profile.settings(for: "invariant-keeps-blocked").strings("phrases") ?? [])
    }

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Self.squeezed($0.lowercased()) }
        keywords = self.phrases.map { phrase in
            let words = phrase.replacingAll("{id}", with: " ").split(whereSeparator: { $0 == " " })
            return Array((words.max { $0.count < $1.count } ?? "").utf8)
        }
    }

    /// IDs the item declares the phrase about, other than the declaring issue itself.
    func declaredTargets(in item: FieldItem, excluding own: String) -> [String] {
        guard item.references.contains(where: { $0.id != own }),
              keywords.contains(where: { Self.containsIgnoringCase(item.text, $0) }) else { return [] }
        let text = Self.squeezed(item.text.lowercased())
        var targets: [String] = []
        for reference in item.references where reference.id != own && !targets.contains(reference.id) {
            let lowered = reference.id.lowercased()
            if phrases.contains(where: { text.contains($0.replacingAll("{id}", with: lowered)) }) {
                targets.append(reference.id)
            }
        }
        return targets
    }

    /// ASCII case-insensitive substring test on UTF-8, without building new strings.
    static func containsIgnoringCase(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for start in 0...(bytes.count - needle.count) where lower(bytes[start]) == first {
            var matched = true
            for offset in 1..<needle.count where lower(bytes[start + offset]) != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// Backticks and bold markers are markup, not words: "Keeps **`X`** blocked" declares the same.
    static func squeezed(_ text: String) -> String {
        text.filter { $0 != "`" && $0 != "*" }.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
