import SOTSource
import SOTSyntax
import SOTModel

/// A team rule about status moves (`transition`): in a change (`--base`, `--staged`), no issue the rule
/// applies to may make one of its forbidden moves, nor (with `unmoved`) move together with an issue its
/// link reaches. Its `allow` moves widen the profile's `transitions` when the profile is read, for
/// `status-transition`. The change is judged as a whole, base against head.
struct UserTransitionRule: ChangeRule {
    let definition: UserRuleDefinition
    let metadata: RuleMetadata

    func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding] {
        guard case .transition(let forbidden, _, let unmoved) = definition.check else { return [] }
        let profile = context.profile
        /// The issue's status before and now, when both are known and differ.
        func move(_ id: String) -> (old: String, new: String)? {
            guard let now = head.issue(id)?.status, let before = base.issue(id)?.status else { return nil }
            let old = profile.statusName(of: before)
            let new = profile.statusName(of: now)
            return old == new ? nil : (old, new)
        }
        var findings: [Finding] = []
        for document in head.documents where document.importedFrom == nil && context.reports(document.path) {
            for issue in document.issues {
                guard let now = issue.status, let (old, new) = move(issue.id),
                      definition.when.holds(for: IssueCondition.Facts(id: issue.id, status: new, category: issue.category)) else { continue }
                if forbidden.contains(where: { $0.matches(from: old, to: new) }) {
                    let values = ["id": issue.id, "title": issue.title, "status": new, "from": old, "to": new]
                    let fallback = "`\(issue.id)` moved from `\(old)` to `\(new)`, a move this rule forbids"
                    findings.append(Finding(issue, now.range, UserRule.message(definition, values, fallback: fallback)))
                }
                guard let unmoved else { continue }
                for (id, range) in UserRelationRule.linked(issue, by: unmoved, dependants: [:]) where id != issue.id {
                    guard let other = move(id) else { continue }
                    let values = ["id": issue.id, "title": issue.title, "status": new, "from": old, "to": new, "target": id,
                                  "target_status": other.new]
                    let fallback = "`\(issue.id)` moved from `\(old)` to `\(new)` in the change that moved `\(id)` from `\(other.old)` "
                        + "to `\(other.new)`; the rule keeps `\(id)` unmoved (\(unmoved.rawValue))"
                    findings.append(Finding(path: issue.path, range: range, message: UserRule.message(definition, values, fallback: fallback)))
                }
            }
        }
        return findings
    }
}
