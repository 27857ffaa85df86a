import SOTSource
import SOTSyntax
import SOTModel

/// Every issue says where it stands.
package struct StatusMissingRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "status-missing", category: .structure, defaultSeverity: .error,
        summary: "Every issue section has a `Status:` line with a value.",
        rationale: """
        Harnesses decide what to work on from the status. A section without one is invisible to them. \
        Accepted forms: `Status: blocked.`, `**Status:** Blocked`, `Status: in progress`. Reported on the \
        issue's ID, or on the label when the value is empty.
        """,
        examples: [
            .valid("A status line.", ExampleText.sot("## CTO-WORK-001 - First\n\n**Status:** Open\n\nAcceptance:\n\n- Works.\n")),
            .invalid("No status at all.", ExampleText.sot("## ↓CTO-WORK-001 - First\n\nAcceptance:\n\n- Works.\n")),
            .invalid("An empty status.", ExampleText.sot("## CTO-WORK-001 - First\n\n↓Status:\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.compactMap { section in
            guard section.status == nil else { return nil }
            if let field = section.field("Status") {
                return Finding(document, field.labelRange, "issue `\(section.id)` has an empty `Status:`; "
                               + "write one of \(Self.vocabulary(context.profile))")
            }
            return Finding(document, section.idRange, "issue `\(section.id)` has no `Status:` line; "
                           + "add one with one of \(Self.vocabulary(context.profile))")
        }
    }

    package static func vocabulary(_ profile: Profile) -> String {
        profile.statuses.map { "`\($0.name)`" }.joined(separator: ", ")
    }
}
