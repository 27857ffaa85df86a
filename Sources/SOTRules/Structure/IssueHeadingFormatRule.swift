import SOTSource
import SOTSyntax
import SOTModel

/// `## CTO-WORK-021 - Title`: the ID, a spaced hyphen, a title.
package struct IssueHeadingFormatRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "issue-heading-format", category: .structure, defaultSeverity: .error,
        summary: "Issue headings read `## ID - Title`.",
        rationale: """
        Harnesses split issue headings on ` - ` to get the ID and the title. A colon, an en dash, a missing \
        title, doubled spaces or an ID in backticks break that. Any heading below the H1 that starts with an \
        issue ID opens an issue section; issue sections are H2, so another level is reported too.
        """,
        examples: [
            .valid("Well-formed.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A colon instead of ` - `.", ExampleText.sot("## ↓CTO-WORK-001: First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("No title.", ExampleText.sot("## ↓CTO-WORK-002\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("The ID in backticks.", ExampleText.sot("## ↓`CTO-WORK-003` - Third\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("An issue at level 3.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Works.

            ### ↓CTO-WORK-004 - Fourth

            Status: open.

            Acceptance:

            - Works.
            """)),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.filter { !$0.headingIsWellFormed }.map { section in
            let shown = section.title.isEmpty ? "\(section.id) - <title>" : "\(section.id) - \(section.title)"
            let written = String(repeating: "#", count: section.headingLevel) + " " + section.headingText
            // Only a heading with a title can be rewritten without guessing.
            let line = section.headingRange.start.line
            let fix = section.title.isEmpty ? nil : Fix("rewrite the heading", [TextEdit(
                document.source.contentStart(ofLine: line)..<document.source.contentEnd(ofLine: line), in: document.source, with: "## " + shown)])
            return Finding(document, section.headingRange, "issue heading `\(written)` should read `## \(shown)`", fix: fix)
        }
    }
}
