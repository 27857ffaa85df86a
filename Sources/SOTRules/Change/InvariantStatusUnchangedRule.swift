import SOTSource
import SOTSyntax
import SOTModel

/// "Completing CTO-WORK-021 does not change CTO-WORK-020's status": a declared invariant between issues.
package struct InvariantStatusUnchangedRule: ChangeRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "invariant-status-unchanged", category: .change, defaultSeverity: .error,
        summary: "A change that moves issue A does not also move an issue A declares it does not change.",
        rationale: """
        An acceptance item of issue A may declare that A "does not change `X` status" (the seed: completing \
        CTO-WORK-021 does not change CTO-WORK-020's status). A change in which both A's and X's statuses move \
        is reported on X's status, naming A. A change is one commit: `--staged` checks the commit being made; \
        `--base REV` checks each commit from REV to HEAD against its parent (naming the commit), then what is \
        not committed yet against HEAD, so the commit hook and the pull-request job agree. Moving A and X in \
        separate commits is allowed. Phrases are configurable.
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

    package static let checksEachCommit = true

    package func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        let step = ChangeHistory.Step(change: "the same change", before: [base], after: head)
        return Self.violations(in: step).compactMap { violation in
            guard let now = violation.target.status else { return nil }
            return Finding(violation.target, now.range,
                           "`\(violation.target.id)` moved from `\(violation.before)` to `\(now.normalized)` in the same change as "
                           + "`\(violation.declaring.id)`, which declares it does not change `\(violation.target.id)` status "
                           + "(\(violation.declaring.path):\(violation.line))")
        }
    }

    /// One commit at a time: the invariant is about one change, and a commit is one change (the commit hook
    /// checks each commit as it is made). A violation in any commit is reported on the issue's status now.
    package func check(history: ChangeHistory, head: Workspace, context: WorkspaceContext) -> [Finding]? {
        var findings: [Finding] = []
        for step in history.steps {
            for violation in Self.violations(in: step) {
                guard let target = head.issue(violation.target.id), let moved = violation.target.status else { continue }
                findings.append(Finding(target, target.status?.range ?? target.idRange,
                                        "`\(target.id)` moved from `\(violation.before)` to `\(moved.normalized)` in \(step.change) together with "
                                        + "`\(violation.declaring.id)`, which declares it does not change `\(target.id)` status "
                                        + "(\(violation.declaring.path):\(violation.line))"))
            }
        }
        return findings
    }

    private struct Violation {
        let declaring: IssueEntry
        let line: Int
        let target: IssueEntry
        let before: String
    }

    /// The declared invariants a step broke: both the declaring issue and its target moved in it.
    private static func violations(in step: ChangeHistory.Step) -> [Violation] {
        var violations: [Violation] = []
        for document in step.after.documents {
            for issue in document.issues where step.moved(issue.id) {
                for invariant in issue.invariants where invariant.kind == .statusUnchanged {
                    guard let target = step.after.issue(invariant.target), step.moved(target.id) else { continue }
                    let before = step.before.first?.issue(target.id)?.status?.normalized ?? "none"
                    violations.append(Violation(declaring: issue, line: invariant.range.start.line, target: target, before: before))
                }
            }
        }
        return violations
    }
}
