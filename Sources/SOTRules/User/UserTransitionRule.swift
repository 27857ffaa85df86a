import SOTSource
import SOTSyntax
import SOTModel

/// A team rule about status moves (`transition`): in a change (`--base`, `--staged`), no issue the rule
/// applies to may make one of its forbidden moves. Its `allow` moves widen the profile's `transitions`
/// when the profile is read, for `status-transition`.
struct UserTransitionRule: ChangeRule {
    let definition: UserRuleDefinition
    let metadata: RuleMetadata

    func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        guard case .transition(let forbidden) = definition.check, !forbidden.isEmpty else { return [] }
        let profile = context.profile
        var findings: [Finding] = []
        for document in head.documents where document.importedFrom == nil && context.reports(document.path) {
            for issue in document.issues {
                guard let now = issue.status, let before = base.issue(issue.id)?.status else { continue }
                let old = profile.statusName(before.raw)
                let new = profile.statusName(now.raw)
                guard old != new,
                      definition.when.holds(for: IssueCondition.Facts(id: issue.id, status: new, category: issue.category)),
                      forbidden.contains(where: { $0.matches(from: old, to: new) }) else { continue }
                let values = ["id": issue.id, "title": issue.title, "status": new, "from": old, "to": new]
                let fallback = "`\(issue.id)` moved from `\(old)` to `\(new)`, a move this rule forbids"
                findings.append(Finding(issue, now.range, UserRule.message(definition, values, fallback: fallback)))
            }
        }
        return findings
    }
}
