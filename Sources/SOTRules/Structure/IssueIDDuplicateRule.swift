import SOTSource
import SOTSyntax
import SOTModel

/// An ID names one issue in the whole workspace.
package struct IssueIDDuplicateRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "issue-id-duplicate", category: .structure, defaultSeverity: .error,
        summary: "An issue ID is defined once across the workspace.",
        rationale: """
        References and blockers resolve IDs to one issue. When two sections share an ID, which one a \
        harness acts on is an accident. Every definition is reported, each naming the others (the first \
        five, then how many more), so every file shows the problem.
        """,
        examples: [
            .valid("Distinct IDs.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Works.

            ## CTO-WORK-002 - Second

            Status: open.

            Acceptance:

            - Works.
            """)),
            .invalid("The same ID in two documents.", files: [
                ExampleFile("a.md", ExampleText.sot("## ↓CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## ↓CTO-WORK-001 - Again\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            ]),
        ])

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        // Under a focus, only the IDs its documents define can have findings there.
        var ids = workspace.issueIDs
        if context.focus != nil {
            var seen = Set<String>()
            ids = workspace.documents.filter { context.reports($0.path) }.flatMap(\.issues).map(\.id).filter { seen.insert($0).inserted }
        }
        for id in ids {
            guard workspace.definesMoreThanOnce(id), let places = workspace.definitions(of: id) else { continue }
            // Each place names the others; past `shown` of them, a count (k places would otherwise print k² places).
            let shown = 5
            let head = places.prefix(shown + 1)
            for place in places where context.reports(place.path) {
                let same = { (other: IssueEntry) in other.path == place.path && other.idRange == place.idRange }
                let others = head.filter { !same($0) }.prefix(shown).map { "\($0.path):\($0.idRange.start.line)" }
                let rest = places.count - 1 - others.count
                let more = rest > 0 ? " and \(rest) more" : ""
                findings.append(Finding(place, place.idRange,
                                        "issue `\(id)` is defined more than once; also at \(others.joined(separator: ", "))\(more)"))
            }
        }
        return findings
    }
}
