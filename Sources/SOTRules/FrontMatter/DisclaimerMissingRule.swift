import SOTSource
import SOTSyntax
import SOTModel

/// An unpromoted planning document must say that it carries no Core authority.
package struct DisclaimerMissingRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "disclaimer-missing", category: .frontMatter, defaultSeverity: .error,
        summary: "While `core_promotion_status: not-promoted`, the preamble must carry the disclaimer.",
        rationale: """
        Agents read planning documents as instructions. Until a document is promoted, its preamble (the text \
        between the H1 and the first issue section) must say so in the words of the profile's `disclaimer`: \
        "Local planning SOT only. Not a Core Protocol. Not active Core authority." Spaces and line breaks \
        inside the sentence do not matter, and it may sit in a block quote. Reported on the H1.
        """,
        examples: [
            .valid("Disclaimer present.", ExampleText.sot("")),
            .valid("Disclaimer in a block quote, over two lines.", ExampleText.sot("").replacingAll(
                "Local planning SOT only. Not a Core Protocol. Not active Core authority.",
                with: "> Local planning SOT only.\n> Not a Core Protocol. Not active Core authority.")),
            .valid("Promoted documents need none.", ExampleText.sot("")
                .replacingAll("not-promoted", with: "promoted")
                .replacingAll("Local planning SOT only. Not a Core Protocol. Not active Core authority.", with: "Core text.")),
            .invalid("Disclaimer removed.", ExampleText.sot("")
                .replacingAll("# Example", with: "# ↓Example")
                .replacingAll("Local planning SOT only. Not a Core Protocol. Not active Core authority.", with: "Planning notes.")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT, document.frontMatter["core_promotion_status"]?.value == "not-promoted" else { return [] }
        let wanted = Self.squeezed(context.profile.disclaimer)
        // Most documents carry the sentence verbatim: a byte search settles them without re-spacing text.
        let verbatim = Array(wanted.utf8)
        guard !wanted.isEmpty, !document.preamble.contains(where: { ByteSearch.contains(Array($0.utf8), verbatim) }),
              !document.preamble.contains(where: { Self.squeezed($0).contains(wanted) }) else { return [] }
        let range = document.title?.range ?? SourceRange(line: document.frontMatter.bodyStartLine, column: 1,
                                                         endLine: document.frontMatter.bodyStartLine, endColumn: 1)
        // The fix puts the sentence in its own paragraph right after the H1.
        let fix = document.title.map { title -> Fix in
            let source = document.source
            let end = source.contentEnd(ofLine: title.range.start.line)
            let eol = source.lineEnding
            return Fix("insert the disclaimer after the H1", [TextEdit(end..<end, in: source, with: eol + eol + context.profile.disclaimer)])
        }
        return [Finding(document, range, "the preamble lacks the disclaimer \"\(context.profile.disclaimer)\" "
                        + "required while `core_promotion_status: not-promoted`", fix: fix)]
    }

    package static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
