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
        func facts(_ issue: IssueEntry) -> IssueCondition.Facts {
            let status = issue.status.map { profile.statusName($0.raw) }
            return IssueCondition.Facts(id: issue.id, status: status, category: issue.category)
        }
        // Who waits for each issue, gathered once, for `blocks`.
        var dependants: [String: [(issue: IssueEntry, reference: IssueReference)]] = [:]
        if link == .blocks {
            for document in workspace.documents where document.importedFrom == nil {
                for issue in document.issues {
                    for blocker in issue.blockers { dependants[blocker.id, default: []].append((issue, blocker)) }
                }
            }
        }
        var findings: [Finding] = []
        for document in workspace.documents where document.importedFrom == nil && context.reports(document.path) {
            for issue in document.issues where definition.when.holds(for: facts(issue)) {
                var seen = Set<String>()
                for (id, range) in Self.linked(issue, by: link, dependants: dependants) where seen.insert(id).inserted {
                    guard let other = workspace.issue(id), !target.holds(for: facts(other)) else { continue }
                    let status = other.status.map { profile.statusName($0.raw) } ?? "none"
                    let values = ["id": issue.id, "title": issue.title, "status": issue.status.map { profile.statusName($0.raw) } ?? "",
                                  "target": id, "target_status": status]
                    let fallback = "`\(issue.id)` is linked (\(link.rawValue)) to `\(id)`, whose status `\(status)` the rule does not allow"
                    findings.append(Finding(path: issue.path, range: range, message: UserRule.message(definition, values, fallback: fallback)))
                }
            }
        }
        return findings
    }

    /// Each issue `link` reaches from `issue`, with the range in `issue`'s document that names it (its own
    /// ID for `blocks`); `dependants` lists who waits for each issue.
    static func linked(_ issue: IssueEntry, by link: UserRuleDefinition.Link,
                       dependants: [String: [(issue: IssueEntry, reference: IssueReference)]]) -> [(id: String, range: SourceRange)] {
        switch link {
        case .blockedBy: issue.blockers.map { ($0.id, $0.range) }
        case .blocks: (dependants[issue.id] ?? []).map { ($0.issue.id, issue.idRange) }
        case .keepsBlocked: issue.invariants.filter { $0.kind == .keepsBlocked }.map { ($0.target, $0.range) }
        case .statusUnchanged: issue.invariants.filter { $0.kind == .statusUnchanged }.map { ($0.target, $0.range) }
        }
    }
}
