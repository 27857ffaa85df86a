import SOTSource
import SOTSyntax
import SOTModel

/// An issue without acceptance criteria cannot be validated.
package struct AcceptanceMissingRule: DocumentRule, BuiltInRule {
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
            // Where the document's layout reads the criteria from, as a user would look for them.
            let place = document.layout?.fields.first { context.profile.canonicalField($0.label) == "Acceptance" || $0.label == "Acceptance" }
            let wanted = switch place?.place {
            case .section(let title)?: "`## \(title)` section with items"
            case .frontMatter(let key)?: "`\(key)` list in front matter"
            default: "`Acceptance:` list"
            }
            guard let field = section.field("Acceptance") else {
                return Finding(document, section.idRange, "issue `\(section.id)` has no \(wanted); add the criteria it is judged by")
            }
            guard field.isEmpty else { return nil }
            return Finding(document, field.labelRange, "the acceptance criteria of `\(section.id)` (\(wanted)) are empty; add at least one criterion")
        }
    }
}
