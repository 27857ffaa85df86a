import SOTSource
import SOTSyntax
import SOTModel

/// A status outside the vocabulary means nothing to a harness.
package struct StatusUnknownRule: DocumentRule {
    package static let metadata = RuleMetadata(
        id: "status-unknown", category: .structure, defaultSeverity: .error,
        summary: "An issue's status is one of the profile's `statuses`.",
        rationale: """
        The vocabulary (draft, open, in-progress, blocked, validated, done, superseded, cancelled by default) \
        gives each status a category the graph rules reason about. Case, a trailing period and spaces for \
        hyphens do not matter; anything else is reported with the nearest known status.
        """,
        examples: [
            .valid("Known statuses, loosely written.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: In Progress.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("A typo.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: ↓blokced.\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        let names = context.profile.statuses.map(\.name)
        return document.sections.compactMap { section in
            guard let status = section.status, context.profile.status(named: status.normalized) == nil else { return nil }
            return Finding(document, status.range, "status `\(status.raw)` of `\(section.id)` is not in the vocabulary"
                           + (Suggestion.nearest(status.normalized, among: names).map { "; did you mean `\($0)`?" }
                              ?? " (\(StatusMissingRule.vocabulary(context.profile)))"))
        }
    }
}
