import SOTSource
import SOTSyntax

/// The blocked-by edges of a workspace: issue -> issues it waits for (first definitions only).
package struct BlockedByGraph {
    private(set) var ids: [String] = []
    private var index: [String: Int] = [:]
    private var edges: [[Int]] = []

    package init(workspace: Workspace) {
        self.init(ids: workspace.issueIDs, definitions: workspace.definitions)
    }

    /// `ids` sorted; each issue's edges go to the first definitions of its blockers, once each.
    package init(ids: [String], definitions: [String: [IssueEntry]]) {
        self.ids = ids
        for (position, id) in ids.enumerated() { index[id] = position }
        edges = ids.map { id in
            guard let issue = definitions[id]?.first else { return [] }
            var targets: [Int] = []
            var seen = Set<Int>()
            for blocker in issue.blockers {
                if let target = index[blocker.id], seen.insert(target).inserted { targets.append(target) }
            }
            return targets
        }
    }

    /// Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
    package mutating func stronglyConnectedComponents() -> [[String]] {
        let count = ids.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[String]] = []
        var counter = 0
        for root in 0..<count where order[root] == -1 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = work.last {
                let node = frame.node
                if frame.next < edges[node].count {
                    work[work.count - 1].next += 1
                    let target = edges[node][frame.next]
                    if order[target] == -1 {
                        order[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], order[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == order[node] {
                    var component: [String] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(ids[member])
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }

    /// The shortest path `from → … → to` inside `members`, as IDs (breadth-first search).
    package func shortestPath(from: String, to: String, within members: Set<String>) -> [String] {
        guard let start = index[from], let goal = index[to] else { return [from, to] }
        if start == goal { return [from] }
        var previous: [Int: Int] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in edges[node] where previous[target] == nil && members.contains(ids[target]) {
                previous[target] = node
                if target == goal {
                    var path = [ids[goal]]
                    var step = node
                    while step != start {
                        path.insert(ids[step], at: 0)
                        step = previous[step] ?? start
                    }
                    return [ids[start]] + path
                }
                queue.append(target)
            }
        }
        return [from, to]
    }
}
