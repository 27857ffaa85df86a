import SOTSource
import SOTSyntax
import SOTModel

/// A team rule between linked issues (`relation`): every issue its link reaches from an issue the rule
/// applies to must meet its `target`. It sees the workspace's issues — IDs, statuses, links — as the
/// graph rules do.
struct UserRelationRule: WorkspaceRule {
    let definition: UserRuleDefinition
    let metadata: RuleMetadata

    func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        guard case .relation(let link, let target) = definition.check else { return [] }
        let profile = context.profile
        // Who waits for each issue, gathered once, for `blocks`.
        var dependants: [String: [String]] = [:]
        if link == .blocks {
            for document in workspace.documents where document.importedFrom == nil {
                for issue in document.issues {
                    for blocker in issue.blockers { dependants[blocker.id, default: []].append(issue.id) }
                }
            }
        }
        var findings: [Finding] = []
        for document in workspace.documents where document.importedFrom == nil && context.reports(document.path) {
            for issue in document.issues {
                let status = issue.status.map { profile.statusName(of: $0) }
                guard definition.when.holds(for: IssueCondition.Facts(id: issue.id, status: status, category: issue.category)) else { continue }
                var seen = Set<String>()
                for (id, range) in Self.linked(issue, by: link, dependants: dependants) where seen.insert(id).inserted {
                    guard let other = workspace.issue(id) else { continue }
                    let otherStatus = other.status.map { profile.statusName(of: $0) }
                    guard !target.holds(for: IssueCondition.Facts(id: id, status: otherStatus, category: other.category)) else { continue }
                    let values = ["id": issue.id, "title": issue.title, "status": status ?? "", "target": id, "target_status": otherStatus ?? "none"]
                    let fallback = "`\(issue.id)` is linked (\(link.rawValue)) to `\(id)`, whose status `\(otherStatus ?? "none")` the rule does not allow"
                    findings.append(Finding(path: issue.path, range: range, message: UserRule.message(definition, values, fallback: fallback)))
                }
            }
        }
        return findings
    }

    /// Each issue `link` reaches from `issue`, with the range in `issue`'s document that names it (its own
    /// ID for `blocks`); `dependants` lists who waits for each issue.
    static func linked(_ issue: IssueEntry, by link: UserRuleDefinition.Link, dependants: [String: [String]]) -> [(id: String, range: SourceRange)] {
        switch link {
        case .blockedBy: issue.blockers.map { ($0.id, $0.range) }
        case .blocks: (dependants[issue.id] ?? []).map { ($0, issue.idRange) }
        case .keepsBlocked: issue.invariants.filter { $0.kind == .keepsBlocked }.map { ($0.target, $0.range) }
        case .statusUnchanged: issue.invariants.filter { $0.kind == .statusUnchanged }.map { ($0.target, $0.range) }
        }
    }
}
