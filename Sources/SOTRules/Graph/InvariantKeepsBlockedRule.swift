import SOTSource
import SOTSyntax
import SOTModel

/// "Keeps `X` blocked until …": a declared invariant the workspace must honour.
package struct InvariantKeepsBlockedRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "invariant-keeps-blocked", category: .graph, defaultSeverity: .error,
        summary: "An issue an unresolved acceptance item \"keeps blocked\" has status `blocked`.",
        rationale: """
        Acceptance items can declare invariants about other issues, like the seed's "Keeps `CTO-WORK-020` \
        blocked until admitted provider/model and real Case Stage 2 pass evidence exist." While the declaring \
        issue is not resolved, the named issue must be `blocked`. The finding sits on the named issue's \
        status (in whichever document defines it) and names the declaring issue. Phrases are configurable.
        """,
        options: [RuleOption("phrases", default: .strings(["keeps {id} blocked"]),
                             "Phrases that declare the invariant; `{id}` stands for the issue ID (written as the ID pattern requires). The case of the other words, backticks and repeated spaces are ignored.")],
        examples: [
            .valid("The named issue is blocked.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Keeps `CTO-WORK-002` blocked until evidence exists.

            ## CTO-WORK-002 - Second

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-003` evidence.

            ## CTO-WORK-003 - Third

            Status: open.

            Acceptance:

            - Works.
            """)),
            .invalid("The named issue was marked done.", files: [
                ExampleFile("a.md", ExampleText.sot("""
                ## CTO-WORK-001 - First

                Status: validated.

                Acceptance:

                - Keeps `CTO-WORK-002` blocked until evidence exists.
                """)),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## CTO-WORK-002 - Second\n\nStatus: ↓done.\n\nAcceptance:\n\n- Works.\n")),
            ]),
        ], declaresInvariants: .keepsBlocked)

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        // By index: iterating the arrays by value would copy every issue of the workspace (a retain per field)
        // to look at the few that declare an invariant.
        let documents = workspace.documents
        for documentIndex in documents.indices {
            for issueIndex in documents[documentIndex].issues.indices where !documents[documentIndex].issues[issueIndex].invariants.isEmpty {
                let issue = documents[documentIndex].issues[issueIndex]
                // Declarations bind only while the declaring issue is not resolved.
                guard issue.category != .resolved else { continue }
                for invariant in issue.invariants where invariant.kind == .keepsBlocked {
                    guard let target = workspace.issue(invariant.target), target.category != .blocked else { continue }
                    let current = target.status.map { "its status is `\($0.normalized)`" } ?? "it has no status"
                    findings.append(Finding(target, target.status?.range ?? target.idRange,
                                            "`\(target.id)` must stay blocked: `\(issue.id)` (\(issue.path):\(invariant.range.start.line)) "
                                            + "keeps it blocked, but \(current)"))
                }
            }
        }
        return findings
    }
}
