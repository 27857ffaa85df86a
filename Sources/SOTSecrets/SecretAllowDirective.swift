import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// `sot-lint-allow-secret DETECTOR reason` on the line before a secret, in any comment syntax
/// (`<!-- … -->`, `# …`, `// …`).
package struct SecretAllowDirective: Sendable {
    package static let marker = "sot-lint-allow-secret"

    package let detector: String
    /// True when words follow the detector id: a directive allows nothing without a reason.
    package let hasReason: Bool
    /// Byte range of the directive text (marker through reason).
    package let range: Range<Int>
    package let line: Int

    /// The directive that starts at `offset` (the marker's first byte) on `line`.
    package static func parse(_ source: SourceText, offset: Int, line: Int) -> SecretAllowDirective {
        let end = source.contentEnd(ofLine: line)
        let start = offset + marker.utf8.count
        var text = source.text(start..<end)
        for closer in ["-->", "*/"] {
            if let cut = text.firstRange(of: closer) { text = String(text[..<cut.lowerBound]) }
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let detector = words.first.map(String.init) ?? ""
        let hasReason = words.count > 1
        // Invalid UTF-8 decodes to longer replacement characters: the end is kept on the line (past the
        // end of the file it crashed).
        let directiveEnd = min(start + Array(text.utf8).count, end)
        var trimmedEnd = directiveEnd
        while trimmedEnd > offset, source.bytes[trimmedEnd - 1] == 0x20 || source.bytes[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
        return SecretAllowDirective(detector: detector, hasReason: hasReason, range: offset..<trimmedEnd, line: line)
    }
}
