import SOTSource
import SOTSyntax
import SOTModel

/// "Completing CTO-WORK-021 does not change CTO-WORK-020's status": a declared invariant between issues.
package struct InvariantStatusUnchangedRule: ChangeRule {
    package static let metadata = RuleMetadata(
        id: "invariant-status-unchanged", category: .change, defaultSeverity: .error,
        summary: "A change that moves issue A does not also move an issue A declares it does not change.",
        rationale: """
        An acceptance item of issue A may declare that A "does not change `X` status" (the seed: completing \
        CTO-WORK-021 does not change CTO-WORK-020's status). With `--base REV`, a change in which both A's \
        and X's statuses move is reported on X's new status, naming A. Phrases are configurable.
        """,
        options: [RuleOption("phrases", default: .strings(["does not change {id} status", "does not change {id}'s status",
                                                            "does not change the status of {id}"]),
                             "Phrases that declare the invariant; `{id}` stands for the issue ID. The case of the other words, backticks and repeated spaces are ignored.")],
        examples: [
            .valid("Only A moves.", base: [ExampleFile("doc.md", ExampleText.sot(pair("open", "blocked")))],
                   head: [ExampleFile("doc.md", ExampleText.sot(pair("validated", "blocked")))]),
            .invalid("Both move in one change.", base: [ExampleFile("doc.md", ExampleText.sot(pair("open", "blocked")))],
                     head: [ExampleFile("doc.md", ExampleText.sot(pair("validated", "↓done")))]),
        ], declaresInvariants: .statusUnchanged)

    package static func pair(_ first: String, _ second: String) -> String {
        """
        ## CTO-WORK-021 - Route

        Status: \(first).

        Acceptance:

        - Completing this route does not change `CTO-WORK-020` status.

        ## CTO-WORK-020 - Decision

        Status: \(second).

        Acceptance:

        - Decided.
        \(second.hasSuffix("blocked") ? "\nBlocked by:\n\n- `CTO-WORK-021` first.\n" : "")
        """
    }

    package func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        for document in head.documents {
            for issue in document.issues where Self.moved(issue.id, base: base, head: head) {
                for invariant in issue.invariants where invariant.kind == .statusUnchanged {
                    guard let target = head.issue(invariant.target), Self.moved(target.id, base: base, head: head),
                          let now = target.status else { continue }
                    let before = base.issue(target.id)?.status?.normalized ?? "none"
                    findings.append(Finding(target, now.range,
                                            "`\(target.id)` moved from `\(before)` to `\(now.normalized)` in the same change as `\(issue.id)`, "
                                            + "which declares it does not change `\(target.id)` status (\(issue.path):\(invariant.range.start.line))"))
                }
            }
        }
        return findings
    }

    package static func moved(_ id: String, base: Workspace, head: Workspace) -> Bool {
        guard let before = base.issue(id), let after = head.issue(id) else { return false }
        return before.status?.normalized != after.status?.normalized
    }
}
