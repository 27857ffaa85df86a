import SOTSource
import SOTSyntax
import SOTModel

/// Issues that wait for each other wait forever.
package struct BlockedByCycleRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "blocked-by-cycle", category: .graph, defaultSeverity: .error,
        summary: "`Blocked by:` links do not form a cycle.",
        rationale: """
        When A waits for B and B waits for A, neither can ever be unblocked. Cycles are found across the \
        whole workspace; each member is reported on its reference to the next member, with the cycle's \
        path, so every document involved shows it (SARIF also points at the other issues the path names). The path is the shortest way back when it has at most \
        10 issues. A longer cycle is printed as its first three issues, `… (N issues) …` and the closing \
        issue, following a cycle through the component's first issue (which, in a tangle of cycles, need \
        not be the shortest); so a 100,000-issue cycle is reported in linear time and output.
        """,
        examples: [
            .valid("A chain.", ExampleText.sot("""
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
            .invalid("Two issues waiting for each other.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `↓CTO-WORK-002` first.

            ## CTO-WORK-002 - Second

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `↓CTO-WORK-001` first.
            """)),
        ])

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        let components = workspace.cycleComponents
        let cycles = BlockedByCycles(graph: workspace.graph, components: components)
        var findings: [Finding] = []
        for component in components {
            let members = Set(component)
            for id in component.sorted() {
                guard let issue = workspace.issue(id) else { continue }
                for blocker in issue.blockers where members.contains(blocker.id) && blocker.id != id {
                    // The cycle this very edge closes: id → blocker → … → id; the other issues it names are related places.
                    let shown = cycles.shown(from: id, through: blocker.id)
                    var finding = Finding(issue, blocker.range, "blocked-by cycle: \(shown.text); break it by unblocking one of them")
                    finding.related = shown.members.dropFirst().compactMap { member in
                        workspace.issue(member).map { RelatedLocation(path: $0.path, range: $0.idRange, message: member) }
                    }
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}
