import SOTSource
import SOTSyntax
import SOTModel

/// Waiting for an issue that is already finished.
package struct BlockedOnResolvedRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "blocked-on-resolved", category: .graph, defaultSeverity: .error,
        summary: "A blocked issue is not blocked by an issue that is resolved.",
        rationale: """
        A blocker whose status is in the `resolved` category (done, superseded, cancelled by default) no \
        longer blocks anything: either the dependent issue can move on, or the blocker was closed by \
        mistake. Only `blocked` issues are checked; the first ID of each `Blocked by:` item is its blocker. \
        Reported on the reference.
        """,
        examples: [
            .valid("Blocked by an open issue.", ExampleText.sot("""
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
            .invalid("Blocked by a done issue in another document.", files: [
                ExampleFile("a.md", ExampleText.sot("""
                ## CTO-WORK-001 - First

                Status: blocked.

                Acceptance:

                - Works.

                Blocked by:

                - `↓CTO-WORK-002` first.
                """)),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## CTO-WORK-002 - Second\n\nStatus: done.\n\nAcceptance:\n\n- Works.\n")),
            ]),
        ])

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        for document in workspace.documents where context.reports(document.path) {
            for issue in document.issues where issue.category == .blocked {
                for blocker in issue.blockers {
                    // The same test as the ready queue's (`Workspace.blockerState`).
                    guard case .resolved = workspace.blockerState(blocker.id), let target = workspace.issue(blocker.id),
                          let targetStatus = target.status else { continue }
                    findings.append(Finding(issue, blocker.range,
                                            "`\(issue.id)` is blocked by `\(blocker.id)`, which is already `\(targetStatus.normalized)` "
                                            + "(\(target.path):\(targetStatus.range.start.line)); unblock `\(issue.id)` or reopen `\(blocker.id)`"))
                }
            }
        }
        return findings
    }
}
