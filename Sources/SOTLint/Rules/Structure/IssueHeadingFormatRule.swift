/// `## CTO-WORK-021 - Title`: the ID, a spaced hyphen, a title.
struct IssueHeadingFormatRule: DocumentRule {
    static let metadata = RuleMetadata(
        id: "issue-heading-format", category: .structure, defaultSeverity: .error,
        summary: "Issue headings read `## ID - Title`.",
        rationale: """
        Harnesses split issue headings on ` - ` to get the ID and the title. A colon, an en dash, a missing \
        title or doubled spaces break that. An H2 that starts with an issue ID is an issue heading.
        """,
        examples: [
            .valid("Well-formed.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A colon instead of ` - `.", ExampleText.sot("## ↓CTO-WORK-001: First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("No title.", ExampleText.sot("## ↓CTO-WORK-002\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
        ])

    func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.filter { !$0.headingIsWellFormed }.map { section in
            let shown = section.title.isEmpty ? "\(section.id) - <title>" : "\(section.id) - \(section.title)"
            return Finding(document, section.headingRange,
                           "issue heading `\(section.id)\(section.headingRest)` should read `\(shown)`")
        }
    }
}
