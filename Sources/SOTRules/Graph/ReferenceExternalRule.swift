import SOTSource
import SOTSyntax
import SOTModel

/// References to IDs that systems sot-lint cannot see own (`external:`), listed on request.
package struct ReferenceExternalRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "reference-external", category: .graph, defaultSeverity: .info,
        summary: "Lists references to IDs that an external system owns (off by default).",
        rationale: """
        An ID that matches one of the profile's `external:` patterns (POSIX extended regular expressions, \
        matched against the whole ID, e.g. `PAY-WORK-[0-9]+` for another team's tracker) is not an \
        unresolved reference: sot-lint cannot see that system, so `reference-unresolved` leaves it alone. \
        It never counts as resolved either: an issue blocked by one is not ready. Turn this rule on \
        (`reference-external: info`) to list every such reference, one finding each, on the mention.
        """,
        examples: [
            .valid("No external pattern: the ID is nobody's (reference-unresolved decides on it).", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Works once `PAY-WORK-117` ships.

            """), config: "rules:\n  reference-external: info\n  reference-unresolved: off\n"),
            .invalid("A reference to another team's tracker, listed.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Works once `↓PAY-WORK-117` ships.

            """), config: "id_pattern: \"[A-Z][A-Z0-9]*-WORK-[0-9]+\"\nexternal: [\"PAY-WORK-[0-9]+\"]\nrules:\n  reference-external: info\n"),
        ], onByDefault: false)

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        let external = context.profile.external
        guard !external.patterns.isEmpty else { return [] }
        var findings: [Finding] = []
        for document in workspace.documents where context.reports(document.path) {
            for reference in document.references where !workspace.defines(reference.id) && external.owns(reference.id) {
                findings.append(Finding(path: document.path, range: reference.range,
                                        message: "`\(reference.id)` belongs to an external system (`external` in the profile); "
                                            + "it is never counted as resolved"))
            }
        }
        return findings
    }
}
