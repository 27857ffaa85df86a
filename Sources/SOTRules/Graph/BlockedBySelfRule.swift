import SOTSource
import SOTSyntax
import SOTModel

/// An issue cannot wait for itself.
package struct BlockedBySelfRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "blocked-by-self", category: .graph, defaultSeverity: .error,
        summary: "An issue does not list itself under `Blocked by:`.",
        rationale: """
        An issue that blocks itself can never be unblocked; it is almost always a copy-paste slip for a \
        neighbouring ID. Reported on the self-reference.
        """,
        examples: [
            .valid("Blocked by another issue.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-002` first.

            ## CTO-WORK-002 - Second

            Status: open.

            Acceptance:

            - Works.
            """)),
            .invalid("Blocked by itself.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `↓CTO-WORK-001` first.
            """)),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.flatMap { section in
            section.blockers.filter { $0.id == section.id }.map {
                Finding(document, $0.range, "`\(section.id)` lists itself under `\($0.field ?? "Blocked by"):`; name the issue it really waits for")
            }
        }
    }
}
