import SOTModel

/// `sot-lint ready` and `sot-lint show`: the ready queue, the other issues with why they wait, and one
/// issue with its blockers and dependants — all read from `WorkspaceModelExport`, so that they say what
/// the model says.
public enum ReadyQueueRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    /// The ready issues (or, with `blocked`, the others and why), of every project given, in document order.
    public static func queue(_ models: [WorkspaceModelExport], blocked: Bool, format: Format) -> String {
        var chosen: [(issue: WorkspaceModelExport.Issue, reasons: [String])] = []
        for model in models {
            for issue in model.issues where issue.ready != blocked {
                chosen.append((issue, issue.readiness.reasons.map(WorkspaceModelExport.describe)))
            }
        }
        switch format {
        case .json:
            if blocked {
                return WorkspaceModelExport.encode(BlockedQueue(version: WorkspaceModelExport.version,
                                                                blocked: chosen.map { BlockedEntry(issue: $0.issue, reasons: $0.reasons) }))
            }
            return WorkspaceModelExport.encode(ReadyQueue(version: WorkspaceModelExport.version, ready: chosen.map(\.issue)))
        case .text:
            return chosen.map { entry in
                line(entry.issue) + (blocked ? "  — " + entry.reasons.joined(separator: "; ") : "") + "\n"
            }.joined()
        }
    }

    /// One issue with its blockers and dependants; nil when no project defines `id`.
    public static func show(_ id: String, in models: [WorkspaceModelExport], format: Format) -> String? {
        for model in models {
            guard let index = model.issues.firstIndex(where: { $0.id == id }) else { continue }
            let issue = model.issues[index]
            let reasons = issue.readiness.reasons.map(WorkspaceModelExport.describe)
            // Each ID's first definition, found once for all of the issue's blockers and dependants.
            let wanted = Set(issue.blockedBy + issue.blocks)
            var definitions: [String: WorkspaceModelExport.Issue] = [:]
            for other in model.issues where wanted.contains(other.id) && definitions[other.id] == nil {
                definitions[other.id] = other
            }
            func first(_ id: String) -> WorkspaceModelExport.Issue? { definitions[id] }
            let blockers = issue.blockedBy.compactMap(first)
            let dependants = issue.blocks.compactMap(first)
            switch format {
            case .json:
                return WorkspaceModelExport.encode(Shown(version: WorkspaceModelExport.version, issue: issue, reasons: reasons,
                                                         blockers: blockers, dependants: dependants))
            case .text:
                var text = "\(issue.id) — \(issue.title)\n"
                text += "status: \(issue.statusText ?? "none")" + (issue.category.map { " (\($0))" } ?? "") + "\n"
                text += "at: \(issue.path):\(issue.line)\n"
                text += "ready: " + (issue.ready ? "yes" : "no — " + reasons.joined(separator: "; ")) + "\n"
                if !issue.blockedBy.isEmpty {
                    text += "blocked by: " + issue.blockedBy.map { id in "\(id) (\(first(id).map { $0.status ?? "no status" } ?? "not defined"))" }
                        .joined(separator: ", ") + "\n"
                }
                if !issue.blocks.isEmpty {
                    text += "blocks: " + issue.blocks.map { id in "\(id) (\(first(id)?.status ?? "no status"))" }.joined(separator: ", ") + "\n"
                }
                for finding in issue.findings {
                    text += "finding: \(issue.path):\(finding.line): \(finding.severity): \(finding.message) [\(finding.rule)]\n"
                }
                return text
            }
        }
        return nil
    }

    /// `ID  status  title  path:line`.
    private static func line(_ issue: WorkspaceModelExport.Issue) -> String {
        "\(issue.id)  \(issue.status ?? "-")  \(issue.title)  \(issue.path):\(issue.line)"
    }

    private struct ReadyQueue: Encodable {
        let version: Int
        let ready: [WorkspaceModelExport.Issue]
    }

    private struct BlockedEntry: Encodable {
        let issue: WorkspaceModelExport.Issue
        let reasons: [String]
    }

    private struct BlockedQueue: Encodable {
        let version: Int
        let blocked: [BlockedEntry]
    }

    private struct Shown: Encodable {
        let version: Int
        let issue: WorkspaceModelExport.Issue
        let reasons: [String]
        let blockers: [WorkspaceModelExport.Issue]
        let dependants: [WorkspaceModelExport.Issue]
    }
}
