/// `sot-lint graph`: issues as nodes (ID, title, status, coloured by status category), blocked-by edges
/// from the blocked issue to its blocker, edges on a cycle highlighted.
public struct BlockedByGraphRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case mermaid, dot, json
    }

    struct Edge {
        let from: String
        let to: String
        let inCycle: Bool
    }

    let nodes: [IssueEntry]
    let edges: [Edge]
    let cycles: [[String]]

    public init(workspaces: [Workspace]) {
        var nodes: [IssueEntry] = []
        var edges: [Edge] = []
        var cycles: [[String]] = []
        for workspace in workspaces {
            var graph = BlockedByGraph(workspace: workspace)
            let components = graph.stronglyConnectedComponents().filter { $0.count > 1 }.map { $0.sorted() }
            cycles += components.sorted { $0[0] < $1[0] }
            // Each issue's cycle number: an edge is on a cycle when both ends share one (looked up, not
            // searched for in every cycle per edge).
            var cycleOf: [String: Int] = [:]
            for (number, component) in components.enumerated() {
                for id in component { cycleOf[id] = number }
            }
            for id in workspace.issueIDs {
                guard let issue = workspace.issue(id) else { continue }
                nodes.append(issue)
                var seen = Set<String>()
                for blocker in issue.blockers where workspace.issue(blocker.id) != nil && seen.insert(blocker.id).inserted {
                    let inCycle = (cycleOf[id] != nil && cycleOf[id] == cycleOf[blocker.id]) || blocker.id == id
                    edges.append(Edge(from: id, to: blocker.id, inCycle: inCycle))
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
        self.cycles = cycles
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .mermaid: return mermaid()
        case .dot: return dot()
        case .json: return json()
        }
    }

    static func colour(_ category: StatusCategory?) -> (fill: String, stroke: String) {
        switch category {
        case .active?: return ("#dbeafe", "#1d4ed8")
        case .blocked?: return ("#fee2e2", "#b91c1c")
        case .accepted?: return ("#fef9c3", "#a16207")
        case .resolved?: return ("#dcfce7", "#15803d")
        case nil: return ("#f3f4f6", "#6b7280")
        }
    }

    private func status(_ issue: IssueEntry) -> String {
        issue.status?.normalized ?? "no status"
    }

    private func mermaid() -> String {
        func key(_ id: String) -> String { id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }
        func text(_ value: String) -> String { value.replacingAll("\"", with: "#quot;").replacingAll("<", with: "#lt;").replacingAll(">", with: "#gt;") }
        var out = "flowchart LR\n"
        for issue in nodes {
            let category = issue.category?.rawValue ?? "unknown"
            out += "  \(key(issue.id))[\"\(text(issue.id))<br/>\(text(issue.title))<br/><i>\(text(status(issue)))</i>\"]:::\(category)\n"
        }
        for edge in edges { out += "  \(key(edge.from)) -->|blocked by| \(key(edge.to))\n" }
        for category in StatusCategory.allCases {
            let (fill, stroke) = Self.colour(category)
            out += "  classDef \(category.rawValue) fill:\(fill),stroke:\(stroke),color:#111827\n"
        }
        let (fill, stroke) = Self.colour(nil)
        out += "  classDef unknown fill:\(fill),stroke:\(stroke),color:#111827\n"
        for (index, edge) in edges.enumerated() where edge.inCycle {
            out += "  linkStyle \(index) stroke:#dc2626,stroke-width:3px\n"
        }
        return out
    }

    private func dot() -> String {
        func quoted(_ value: String) -> String {
            let escaped = value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
            return "\"" + escaped.replacingAll("\n", with: "\\n") + "\""
        }
        var out = "digraph blocked_by {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
        for issue in nodes {
            let (fill, stroke) = Self.colour(issue.category)
            out += "  \(quoted(issue.id)) [label=\(quoted(issue.id + "\n" + issue.title + "\n(" + status(issue) + ")")), "
                + "fillcolor=\(quoted(fill)), color=\(quoted(stroke))];\n"
        }
        for edge in edges {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"blocked by\""
                + (edge.inCycle ? ", color=\"#dc2626\", penwidth=3" : "") + "];\n"
        }
        return out + "}\n"
    }

    private func json() -> String {
        let nodeObjects = nodes.map { issue in
            "{\"id\": \(JSONReporter.quoted(issue.id)), \"title\": \(JSONReporter.quoted(issue.title)), "
                + "\"status\": \(issue.status.map { JSONReporter.quoted($0.normalized) } ?? "null"), "
                + "\"category\": \(issue.category.map { JSONReporter.quoted($0.rawValue) } ?? "null"), "
                + "\"path\": \(JSONReporter.quoted(issue.path)), \"line\": \(issue.idRange.start.line)}"
        }
        let edgeObjects = edges.map {
            "{\"from\": \(JSONReporter.quoted($0.from)), \"to\": \(JSONReporter.quoted($0.to)), \"inCycle\": \($0.inCycle)}"
        }
        let cycleArrays = cycles.map { "[" + $0.map(JSONReporter.quoted).joined(separator: ", ") + "]" }
        return "{\"nodes\": [\n  " + nodeObjects.joined(separator: ",\n  ") + "],\n \"edges\": [\n  "
            + edgeObjects.joined(separator: ",\n  ") + "],\n \"cycles\": [" + cycleArrays.joined(separator: ", ") + "]}\n"
    }
}
