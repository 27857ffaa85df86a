import SOTSource
import SOTSyntax
import SOTModel

/// A status outside the vocabulary means nothing to a harness.
package struct StatusUnknownRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "status-unknown", category: .structure, defaultSeverity: .error,
        summary: "An issue's status is one of the profile's `statuses`.",
        rationale: """
        The vocabulary (draft, open, in-progress, blocked, validated, done, superseded, cancelled by default) \
        gives each status a category the graph rules reason about. Case, a trailing period and spaces for \
        hyphens do not matter; anything else is reported with the nearest known status. A status the \
        profile gives a `tail` may carry one: `superseded by CTO-WORK-002` (`tail: reference`, one issue ID, \
        which must resolve like any reference), or any words (`tail: text`). An explanation after ` (`, \
        ` — `, ` - `, `;` or `,` is never part of the status (`done (2026-05-31)`).
        """,
        examples: [
            .valid("Known statuses, loosely written.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: In Progress.\n\nAcceptance:\n\n- Works.\n")),
            .valid("A status with the tail its profile allows, and one with an explanation.",
                   ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: superseded by `CTO-WORK-002`.\n\nAcceptance:\n\n- Works.\n\n"
                                   + "## CTO-WORK-002 - Second\n\nStatus: done (2026-05-31).\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A tail on a status that takes none.",
                     ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: ↓done by CTO-WORK-002.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A reference tail that names no issue.",
                     ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: ↓superseded by the new plan.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A typo.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: ↓blokced.\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        let names = context.profile.statuses.map(\.name)
        return document.sections.compactMap { section in
            guard let status = section.status, context.profile.status(named: status.normalized) == nil else { return nil }
            if let taking = Self.tailTaker(status.normalized, context.profile) {
                return Finding(document, status.range, "status `\(status.raw)` of `\(section.id)`: `\(taking.name)` takes "
                               + (taking.tail == .reference ? "one issue ID after it (`\(taking.name) by ID`)" : "words after it"))
            }
            return Finding(document, status.range, "status `\(status.raw)` of `\(section.id)` is not in the vocabulary"
                           + (Suggestion.nearest(status.normalized, among: names).map { "; did you mean `\($0)`?" }
                              ?? " (\(StatusMissingRule.vocabulary(context.profile)))"))
        }
    }

    /// The status with a tail whose word opens `normalized` (`superseded` for `superseded-by-the-new-plan`).
    static func tailTaker(_ normalized: String, _ profile: Profile) -> Profile.StatusDefinition? {
        profile.statuses.first { definition in
            definition.tail != nil && normalized.hasPrefix(Profile.normalizedStatus(definition.name) + "-")
        }
    }
}
