import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// `sot-lint graph`: issues as nodes (ID, title, status, coloured by status category), blocked-by edges
/// from the blocked issue to its blocker, edges on a cycle highlighted.
public struct BlockedByGraphRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case mermaid, dot, json
    }

    package struct Edge: Encodable {
        package let from: String
        package let to: String
        package let inCycle: Bool
    }

    package let nodes: [IssueEntry]
    package let edges: [Edge]
    package let cycles: [[String]]

    /// Draws the workspaces' issues and edges with the cycles the workspace model computed.
    public init(workspaces: [Workspace]) {
        var nodes: [IssueEntry] = []
        var edges: [Edge] = []
        var cycles: [[String]] = []
        for workspace in workspaces {
            cycles += workspace.cycles
            var cycleOf: [String: Int] = [:]
            for (index, cycle) in workspace.cycles.enumerated() {
                for id in cycle { cycleOf[id] = index }
            }
            nodes += workspace.issueIDs.compactMap(workspace.issue)
            edges += workspace.edges.map { edge in
                let inCycle = edge.from == edge.to || (cycleOf[edge.from] != nil && cycleOf[edge.from] == cycleOf[edge.to])
                return Edge(from: edge.from, to: edge.to, inCycle: inCycle)
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

    package static func colour(_ category: StatusCategory?) -> (fill: String, stroke: String) {
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
                + "fillcolor=\(quoted(fill)), color=\(quoted(stroke)), tooltip=\(quoted("\(issue.path):\(issue.idRange.start.line)"))];\n"
        }
        for edge in edges {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"blocked by\""
                + (edge.inCycle ? ", color=\"#dc2626\", penwidth=3" : "") + "];\n"
        }
        return out + "}\n"
    }

    /// The graph as JSON, encoded from these models.
    private struct Document: Encodable {
        package struct Node: Encodable {
            package let id: String
            package let title: String
            package let status: String?
            package let category: StatusCategory?
            package let path: String
            package let line: Int

            private enum CodingKeys: String, CodingKey {
                case id, title, status, category, path, line
            }

            package func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(title, forKey: .title)
                if let status { try container.encode(status, forKey: .status) } else { try container.encodeNil(forKey: .status) }
                if let category { try container.encode(category, forKey: .category) } else { try container.encodeNil(forKey: .category) }
                try container.encode(path, forKey: .path)
                try container.encode(line, forKey: .line)
            }
        }

        package let nodes: [Node]
        package let edges: [Edge]
        package let cycles: [[String]]
    }

    private func json() -> String {
        JSONReporter.render(Document(nodes: nodes.map {
            Document.Node(id: $0.id, title: $0.title, status: $0.status?.normalized, category: $0.category, path: $0.path,
                          line: $0.idRange.start.line)
        }, edges: edges, cycles: cycles))
    }
}
