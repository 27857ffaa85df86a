import SOTSource
import SOTSyntax
import SOTModel

/// Nothing disappears silently: a removed issue loses its history and breaks every reference to it.
package struct IssueRemovedRule: ChangeRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "issue-removed", category: .change, defaultSeverity: .error,
        summary: "An issue ID present at the base revision still exists.",
        rationale: """
        With `--base REV`, every issue ID defined at REV must still be defined somewhere in the workspace. \
        Moving a section to another file is fine; deleting it is not — mark it `superseded` or `cancelled` \
        instead, so that references and history keep their meaning. Reported at the top of the file that \
        held the issue (when that file is gone, on its old path when the whole project is linted).
        """,
        examples: [
            .valid("Moved to another document.", base: [
                ExampleFile("a.md", ExampleText.sot(StatusTransitionRule.issue("open"))),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "")),
            ], head: [
                ExampleFile("a.md", ExampleText.sot("")),
                ExampleFile("b.md", ExampleText.companion(title: "Other", StatusTransitionRule.issue("open"))),
            ]),
            .invalid("Deleted.", base: [ExampleFile("a.md", ExampleText.sot(StatusTransitionRule.issue("open")))],
                     head: [ExampleFile("a.md", "↓" + ExampleText.sot(""))]),
        ])

    package func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        for id in base.issueIDs where !head.defines(id) {
            guard let gone = base.issue(id) else { continue }
            findings.append(Finding(path: gone.path, range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1),
                                    message: "issue `\(id)` (line \(gone.idRange.start.line) at the base revision) was removed; "
                                    + "keep it and set its status to `superseded` or `cancelled` instead"))
        }
        return findings
    }
}
