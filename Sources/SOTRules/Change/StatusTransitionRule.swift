import SOTSource
import SOTSyntax
import SOTModel

/// Some statuses are final: leaving them needs the transition table's leave.
package struct StatusTransitionRule: ChangeRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "status-transition", category: .change, defaultSeverity: .error,
        summary: "A status change against the base revision follows the `transitions` table.",
        rationale: """
        With `--base REV`, each issue's status is compared with its status at REV. The profile's \
        `transitions` table lists, for a status, the statuses it may move to; by default `done` may only \
        become `superseded`, and `superseded` and `cancelled` are final. A finished issue that is reopened \
        usually means new work: open a new issue that references the old one. Reported on the new status.
        """,
        examples: [
            .valid("Open to done.", base: [ExampleFile("doc.md", ExampleText.sot(issue("open")))],
                   head: [ExampleFile("doc.md", ExampleText.sot(issue("done")))]),
            .invalid("Done reopened.", base: [ExampleFile("doc.md", ExampleText.sot(issue("done")))],
                     head: [ExampleFile("doc.md", ExampleText.sot(issue("↓open")))]),
        ])

    package static func issue(_ status: String) -> String {
        "## CTO-WORK-001 - First\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n"
    }

    package func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        for document in head.documents {
            for issue in document.issues {
                guard let now = issue.status, let before = base.issue(issue.id)?.status,
                      before.normalized != now.normalized,
                      let allowed = context.profile.transitions[before.normalized],
                      !allowed.contains(now.normalized) else { continue }
                let permitted = allowed.isEmpty ? "it is final" : "it may only become " + allowed.map { "`\($0)`" }.joined(separator: " or ")
                findings.append(Finding(issue, now.range, "`\(issue.id)` moved from `\(before.normalized)` to `\(now.normalized)`, "
                                        + "but \(permitted) (`transitions` in the profile); open a new issue instead"))
            }
        }
        return findings
    }
}
