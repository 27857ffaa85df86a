import SOTSource
import SOTSyntax
import SOTModel

/// A document with issue sections but no front matter would escape every SOT rule.
package struct FrontMatterMissingRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-missing", category: .frontMatter, defaultSeverity: .error,
        summary: "A document with issue sections must start with YAML front matter.",
        rationale: """
        A Markdown file is an SOT document when its front matter says `lifecycle_classification: sot`. \
        A file that has issue sections (`## CTO-WORK-001 - …`) but no front matter would silently escape \
        every SOT rule, so it is reported; so is a front matter block that does not start on the first line. \
        Other Markdown files, including those that merely mention `lifecycle_classification`, are never \
        reported.
        """,
        examples: [
            .valid("Ordinary Markdown without issue sections.", "# Notes\n\nNothing to plan here.\n"),
            .valid("Documentation that mentions the key.", "# Format\n\nSOT documents say `lifecycle_classification: sot`.\n"),
            .invalid("Front matter after a blank line is no front matter.", "↓\n---\nlifecycle_classification: sot\n---\n# Plan\n"),
            .invalid("Issue sections without front matter.", """
            ↓# Route Issues

            ## CTO-WORK-001 - First

            Status: open.
            """),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard case .absent = document.frontMatter, document.looksLikeSOT else { return [] }
        let source = document.source
        let end = SourcePosition(line: 1, column: source.lineText(1).unicodeScalars.count + 1)
        let range = SourceRange(start: SourcePosition(line: 1, column: 1), end: end)
        let firstText = (1...source.lineCount).first { !source.lineText($0).trimmingSpaces.isEmpty }
        if let line = firstText, line > 1, FrontMatterParser.isDelimiter(source.lineBytes(line), allowDots: false) {
            return [Finding(document, range, "front matter must start on the first line; remove the \(line - 1) "
                            + "blank line\(line == 2 ? "" : "s") before `---` on line \(line)")]
        }
        // Mentioning the key is not enough here: documentation about the format mentions it too.
        guard !document.sections.isEmpty else { return [] }
        return [Finding(document, range, "this document has issue sections but no front matter; start it with a `---` YAML block "
                        + "that says `\(context.profile.sot.example)`")]
    }
}
