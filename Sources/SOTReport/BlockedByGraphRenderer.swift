import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// `sot-lint graph`: issues as nodes (ID, title, status, coloured by status category, ready issues marked
/// as `sot-lint ready` finds them), blocked-by edges from the blocked issue to its blocker, edges on a cycle
/// highlighted, and a blocker no document defines as a node of its own (dashed) rather than a lost edge.
public struct BlockedByGraphRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case mermaid, dot, json
    }

    package struct Edge: Encodable {
        package let from: String
        package let to: String
        package let inCycle: Bool
    }

    /// A node: an issue (its first definition), or an ID that issues are blocked by and no document defines.
    package struct Node: Sendable {
        package enum Kind: String, Sendable, Encodable {
            /// An issue of the workspace.
            case issue
            /// An issue another repository's model defines (`imports:`).
            case imported
            /// A blocker no document defines.
            case undefined
            /// A blocker an external system owns (`external:`).
            case external
        }

        package let id: String
        /// Nil for an undefined or external ID.
        package let issue: IssueEntry?
        package let ready: Bool
        package let kind: Kind
    }

    package let nodes: [Node]
    package let edges: [Edge]
    package let cycles: [[String]]

    /// Draws the workspaces' issues and edges with the cycles the workspace model computed, each project's
    /// ready issues marked under its settings.
    public init(projects: [(workspace: Workspace, ready: ReadySettings)]) {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var cycles: [[String]] = []
        for (workspace, settings) in projects {
            cycles += workspace.cycles
            var cycleOf: [String: Int] = [:]
            for (index, cycle) in workspace.cycles.enumerated() {
                for id in cycle { cycleOf[id] = index }
            }
            let members = workspace.cycleOf
            let issues = workspace.issueIDs.compactMap(workspace.issue)
            let importedPaths = Set(workspace.documents.filter { $0.importedFrom != nil }.map(\.path))
            nodes += issues.map { issue in
                let imported = importedPaths.contains(issue.path)
                return Node(id: issue.id, issue: issue, ready: !imported && workspace.readiness(of: issue, settings: settings, cycles: members).isReady,
                            kind: imported ? .imported : .issue)
            }
            edges += workspace.edges.map { edge in
                let inCycle = edge.from == edge.to || (cycleOf[edge.from] != nil && cycleOf[edge.from] == cycleOf[edge.to])
                return Edge(from: edge.from, to: edge.to, inCycle: inCycle)
            }
            // Blockers no document defines: one node each, an edge from every issue that lists them.
            var dangling: Set<String> = []
            for issue in issues {
                var listed: Set<String> = []
                for blocker in issue.blockers where !workspace.defines(blocker.id) && listed.insert(blocker.id).inserted {
                    dangling.insert(blocker.id)
                    edges.append(Edge(from: issue.id, to: blocker.id, inCycle: false))
                }
            }
            nodes += dangling.sorted().map { Node(id: $0, issue: nil, ready: false, kind: settings.external.owns($0) ? .external : .undefined) }
        }
        self.nodes = nodes
        self.edges = edges
        self.cycles = cycles
    }

    /// `init(projects:)` with the default ready settings.
    public init(workspaces: [Workspace]) {
        self.init(projects: workspaces.map { ($0, ReadySettings()) })
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

    /// The status line of a node: its status, `ready` after it when the issue is ready.
    private func label(_ node: Node) -> String {
        guard let issue = node.issue else { return node.kind == .external ? "external" : "not defined" }
        return status(issue) + (node.ready ? " · ready" : "") + (node.kind == .imported ? " · imported" : "")
    }

    private func mermaid() -> String {
        func key(_ id: String) -> String { id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }
        func text(_ value: String) -> String { value.replacingAll("\"", with: "#quot;").replacingAll("<", with: "#lt;").replacingAll(">", with: "#gt;") }
        var out = "flowchart LR\n"
        for node in nodes {
            guard let issue = node.issue else {
                out += "  \(key(node.id))[\"\(text(node.id))<br/><i>\(label(node))</i>\"]:::\(node.kind.rawValue)\n"
                continue
            }
            let category = issue.category?.rawValue ?? "unknown"
            out += "  \(key(issue.id))[\"\(text(issue.id))<br/>\(text(issue.title))<br/><i>\(text(label(node)))</i>\"]:::\(category)\n"
        }
        let ready = nodes.filter(\.ready).map { key($0.id) }
        if !ready.isEmpty { out += "  class \(ready.joined(separator: ",")) ready\n" }
        let imported = nodes.filter { $0.kind == .imported }.map { key($0.id) }
        if !imported.isEmpty { out += "  class \(imported.joined(separator: ",")) imported\n" }
        for edge in edges { out += "  \(key(edge.from)) -->|blocked by| \(key(edge.to))\n" }
        for category in StatusCategory.allCases {
            let (fill, stroke) = Self.colour(category)
            out += "  classDef \(category.rawValue) fill:\(fill),stroke:\(stroke),color:#111827\n"
        }
        let (fill, stroke) = Self.colour(nil)
        out += "  classDef unknown fill:\(fill),stroke:\(stroke),color:#111827\n"
        out += "  classDef ready stroke-width:3px\n"
        out += "  classDef undefined fill:#ffffff,stroke:\(stroke),stroke-dasharray:5 5,color:#6b7280\n"
        if nodes.contains(where: { $0.kind == .imported }) { out += "  classDef imported stroke-dasharray:2 2\n" }
        if nodes.contains(where: { $0.kind == .external }) { out += "  classDef external fill:#f5f3ff,stroke:#6d28d9,stroke-dasharray:5 5,color:#4c1d95\n" }
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
        for node in nodes {
            guard let issue = node.issue else {
                out += "  \(quoted(node.id)) [label=\(quoted(node.id + "\n(" + label(node) + ")")), style=\"rounded,dashed\", fillcolor=\"#ffffff\", "
                    + "color=\"#6b7280\", fontcolor=\"#6b7280\"];\n"
                continue
            }
            let (fill, stroke) = Self.colour(issue.category)
            out += "  \(quoted(issue.id)) [label=\(quoted(issue.id + "\n" + issue.title + "\n(" + label(node) + ")")), "
                + "fillcolor=\(quoted(fill)), color=\(quoted(stroke)), "
                + (node.ready ? "penwidth=2.5, " : "")
                + (node.kind == .imported ? "style=\"rounded,filled,dotted\", " : "")
                + "tooltip=\(quoted("\(issue.path):\(issue.idRange.start.line)"))];\n"
        }
        for edge in edges {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"blocked by\""
                + (edge.inCycle ? ", color=\"#dc2626\", penwidth=3" : "") + "];\n"
        }
        return out + "}\n"
    }

    /// The graph as JSON, encoded from these models.
    private struct Document: Encodable {
        /// An issue, or (`defined: false`, null title, status, category, path and line) an ID that issues are
        /// blocked by and no document defines.
        package struct Node: Encodable {
            package let id: String
            package let title: String?
            package let status: String?
            package let category: StatusCategory?
            package let path: String?
            package let line: Int?
            package let defined: Bool
            package let ready: Bool
            package let kind: BlockedByGraphRenderer.Node.Kind

            private enum CodingKeys: String, CodingKey {
                case id, title, status, category, path, line, defined, ready, kind
            }

            package func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                if let title { try container.encode(title, forKey: .title) } else { try container.encodeNil(forKey: .title) }
                if let status { try container.encode(status, forKey: .status) } else { try container.encodeNil(forKey: .status) }
                if let category { try container.encode(category, forKey: .category) } else { try container.encodeNil(forKey: .category) }
                if let path { try container.encode(path, forKey: .path) } else { try container.encodeNil(forKey: .path) }
                if let line { try container.encode(line, forKey: .line) } else { try container.encodeNil(forKey: .line) }
                try container.encode(defined, forKey: .defined)
                try container.encode(ready, forKey: .ready)
                try container.encode(kind, forKey: .kind)
            }
        }

        package let nodes: [Node]
        package let edges: [Edge]
        package let cycles: [[String]]
    }

    private func json() -> String {
        JSONReporter.render(Document(nodes: nodes.map {
            Document.Node(id: $0.id, title: $0.issue?.title, status: $0.issue?.status?.normalized, category: $0.issue?.category,
                          path: $0.issue?.path, line: $0.issue?.idRange.start.line, defined: $0.issue != nil, ready: $0.ready, kind: $0.kind)
        }, edges: edges, cycles: cycles))
    }
}
