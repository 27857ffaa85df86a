import SOTSource
import SOTSyntax
import SOTModel

/// An issue without acceptance criteria cannot be validated.
package struct AcceptanceMissingRule: DocumentRule {
    package static let metadata = RuleMetadata(
        id: "acceptance-missing", category: .structure, defaultSeverity: .error,
        summary: "Every issue section has a non-empty `Acceptance:` list.",
        rationale: """
        Acceptance criteria are what `validated` and `done` are judged against, and where declared \
        invariants live. A missing list is reported on the issue's ID; an empty one on its label.
        """,
        examples: [
            .valid("A list of criteria.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("No acceptance.", ExampleText.sot("## ↓CTO-WORK-001 - First\n\nStatus: open.\n")),
            .invalid("An empty list.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\n↓Acceptance:\n\nNotes:\n\n- Later.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.compactMap { section in
            guard let field = section.field("Acceptance") else {
                return Finding(document, section.idRange, "issue `\(section.id)` has no `Acceptance:` list; add the criteria it is judged by")
            }
            guard field.isEmpty else { return nil }
            return Finding(document, field.labelRange, "the `Acceptance:` list of `\(section.id)` is empty; add at least one criterion")
        }
    }
}
