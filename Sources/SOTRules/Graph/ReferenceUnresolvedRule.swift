import SOTSource
import SOTSyntax
import SOTModel

/// Every ID a document mentions must exist somewhere in the workspace.
package struct ReferenceUnresolvedRule: WorkspaceRule {
    package static let metadata = RuleMetadata(
        id: "reference-unresolved", category: .graph, defaultSeverity: .error,
        summary: "Every issue-ID mention resolves to an issue defined in the workspace.",
        rationale: """
        A blocker or cross-reference to an ID that exists nowhere is either a typo or a dangling link to a \
        deleted issue; either way a harness acting on it is wrong. The workspace is every SOT document of \
        the project (the folder with `.sot-lint.yml`, else the git top level), so linting one file gives \
        the same verdict as linting the repository. A defined ID one typo away is suggested.
        """,
        examples: [
            .valid("A reference to another document.", files: [
                ExampleFile("a.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Uses `CTO-WORK-002`.\n")),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## CTO-WORK-002 - Second\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            ]),
            .invalid("A typo in an ID.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Uses `↓CTO-WORK-010` and ↓CTO-WORK-3.
            """)),
        ])

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        // Built on the first unresolved reference: an index instead of an edit distance against every
        // defined ID per reference, and one suggestion per distinct unresolved ID.
        var index: IDSuggestionIndex?
        var hints: [String: String] = [:]
        var findings: [Finding] = []
        for document in workspace.documents {
            for reference in document.references where workspace.definitions[reference.id] == nil {
                let hint: String
                if let known = hints[reference.id] {
                    hint = known
                } else {
                    let built = index ?? IDSuggestionIndex(candidates: workspace.issueIDs)
                    index = built
                    hint = built.nearest(reference.id).map { "; did you mean `\($0)`?" } ?? ""
                    hints[reference.id] = hint
                }
                findings.append(Finding(path: document.path, range: reference.range, message: "`\(reference.id)` is not defined in any SOT document of the workspace"
                                        + hint))
            }
        }
        return findings
    }
}
