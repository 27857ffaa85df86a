import SOTSource
import SOTSyntax
import SOTModel

/// `Acceptence:` is not `Acceptance:`; an unknown label hides its list from every rule.
package struct FieldLabelUnknownRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "field-label-unknown", category: .structure, defaultSeverity: .warning,
        summary: "Field labels of an issue section come from the profile's `fields`.",
        rationale: """
        Rules find acceptance criteria and blockers by their labels. A misspelt label silently disables \
        them. A line of the form `Label:` followed by a list, a bold `**Label:**`, or a plain `Label: text` \
        close to a known label is a field label; unknown ones are reported with the nearest known label. \
        Add a project's own labels to `fields` in `.sot-lint.yml`.
        """,
        examples: [
            .valid("Known labels, bold or plain.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\n**Acceptance:**\n\n- Works.\n\nNotes:\n\n- None.\n")),
            .invalid("A typo.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\n↓Evidance:\n\n- Logs.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.flatMap { section in
            section.fields.filter { !$0.isKnown }.map { field in
                let suggestion = Suggestion.nearest(field.rawLabel, among: context.profile.fields)
                let fix = suggestion.map {
                    Fix("rename the label to `\($0)`", [TextEdit(document.source.byteRange(field.labelRange), in: document.source, with: $0)])
                }
                return Finding(document, field.labelRange, "field label `\(field.rawLabel):` in `\(section.id)` is not known"
                               + Suggestion.didYouMean(field.rawLabel, among: context.profile.fields), fix: fix)
            }
        }
    }
}
