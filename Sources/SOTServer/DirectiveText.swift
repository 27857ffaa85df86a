import SOTSource
import SOTSecrets

/// The words of a line the server looks at under the cursor: rule and detector ids inside
/// `sot-lint-disable` and `sot-lint-allow-secret` directives, the word being typed, the line's text
/// before the cursor. Byte offsets into a buffer; nothing here parses Markdown.
enum DirectiveText {
    /// The directive keywords, longest first (one is a prefix of another).
    static let disableKeywords = ["sot-lint-disable-next-line", "sot-lint-disable", "sot-lint-enable"]
    static let allowKeyword = "sot-lint-allow-secret"

    /// Characters of an issue ID, a rule id or a status word.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E
    }

    /// The word around `offset` (bytes), nil when the cursor is not on or right after one.
    static func word(at offset: Int, in text: [UInt8]) -> Range<Int>? {
        guard offset <= text.count else { return nil }
        var start = offset
        while start > 0, isWordByte(text[start - 1]) { start -= 1 }
        var end = offset
        while end < text.count, isWordByte(text[end]) { end += 1 }
        return start < end ? start..<end : nil
    }

    /// Where the word that ends at `offset` starts (the part typed so far; `offset` when none).
    static func typedStart(before offset: Int, in text: [UInt8]) -> Int {
        var start = offset
        while start > 0, isWordByte(text[start - 1]) { start -= 1 }
        return start
    }

    /// The start of the line holding `offset`.
    static func lineStart(of offset: Int, in text: [UInt8]) -> Int {
        var start = min(offset, text.count)
        while start > 0, text[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// The line's text before `offset`.
    static func linePrefix(before offset: Int, in text: [UInt8]) -> String {
        String(decoding: text[lineStart(of: offset, in: text)..<offset], as: UTF8.self)
    }

    /// Whether the line holding `offset` has a directive keyword before it (inside the directive, then).
    static func isDirectiveLine(_ text: [UInt8], at offset: Int) -> Bool {
        directive(before: linePrefix(before: offset, in: text)) != nil
    }

    /// The directive a line's text before the cursor is inside, if any: the keyword and what follows it.
    static func directive(before prefix: String) -> (keyword: String, rest: Substring)? {
        for keyword in disableKeywords + [allowKeyword] {
            guard let range = prefix.range(of: keyword) else { continue }
            let rest = prefix[range.upperBound...]
            // Right after the keyword with no space yet is still the keyword being typed.
            guard rest.first == " " || rest.first == "\t" else { continue }
            // Past the comment's end the cursor is outside the directive.
            if rest.contains("-->") { return nil }
            return (keyword, rest)
        }
        return nil
    }

    /// The built-in secret detectors' ids, in catalog order.
    static let detectorIDs = Set(SecretCatalog.builtInIDs)

    /// What a built-in detector finds.
    static func detectorSummary(_ id: String) -> String? {
        guard case .success(let catalog) = SecretCatalog.builtIn else { return nil }
        return catalog.detector(id: id)?.description
    }
}
