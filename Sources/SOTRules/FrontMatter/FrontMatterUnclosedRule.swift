import SOTSource
import SOTSyntax
import SOTModel

/// A `---` that is never closed swallows the whole file into the front matter.
package struct FrontMatterUnclosedRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-unclosed", category: .frontMatter, defaultSeverity: .error,
        summary: "Front matter opened with `---` must be closed with `---`.",
        rationale: """
        Without the closing `---` no tool can tell where the YAML ends, so the document's classification \
        cannot be read and the document would drop out of linting. Reported on the opening `---` when the \
        file mentions `lifecycle_classification` or has issue sections.
        """,
        examples: [
            .valid("Closed front matter.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("The closing line is missing.", """
            ↓---
            title: Example
            lifecycle_classification: sot

            # Example
            """),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard case .unclosed(let openLine) = document.frontMatter, document.looksLikeSOT || document.isSOTByPath else { return [] }
        return [Finding(document, SourceRange(line: openLine, column: 1, endLine: openLine, endColumn: 4),
                        "front matter opened here is never closed; add a line `---` after its last key")]
    }
}
