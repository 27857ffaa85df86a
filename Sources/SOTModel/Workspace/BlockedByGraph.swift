import SOTSource
import SOTSyntax

/// The blocked-by edges of a workspace: issue -> issues it waits for (first definitions only).
package struct BlockedByGraph {
    package private(set) var ids: [String] = []
    /// An ID's number, and each number's position in `ids`.
    private var number: [String: Int] = [:]
    private var rank: [Int] = []
    private var edges: [[Int]] = []

    /// `ids` sorted; `number` numbers every ID, `rank` maps a number to the ID's position in `ids`, and
    /// `blockers[position]` are those of the first definition of `ids[position]`. Each issue's edges go
    /// to the first definitions of its blockers, once each.
    package init(ids: [String], number: [String: Int], rank: [Int], blockers: [[IssueReference]]) {
        self.ids = ids
        self.number = number
        self.rank = rank
        // `listedBy[target]` is the last issue that listed target: a duplicate blocker is dropped in O(1),
        // where searching the issue's list would be quadratic for an issue with 100,000 blockers.
        var listedBy = [Int](repeating: -1, count: ids.count)
        edges.reserveCapacity(ids.count)
        for (position, listed) in blockers.enumerated() {
            var targets: [Int] = []
            for blocker in listed {
                if let target = number[blocker.id].map({ rank[$0] }), listedBy[target] != position {
                    listedBy[target] = position
                    targets.append(target)
                }
            }
            edges.append(targets)
        }
    }

    /// Number of issues (positions run from 0).
    package var count: Int { ids.count }

    /// Position of an issue ID.
    package func position(of id: String) -> Int? {
        number[id].map { rank[$0] }
    }

    /// The issues `position` waits for, in the order its `Blocked by` lists name them, each once.
    package func successors(of position: Int) -> [Int] {
        edges[position]
    }

    /// The strongly connected components of more than one issue (the cycles), by Tarjan's algorithm,
    /// iterative so that long chains cannot overflow the stack. A lone issue is never materialised.
    package func cycleComponents() -> [[String]] {
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
                    if stack.last == node {
                        stack.removeLast()
                        onStack[node] = false
                        continue
                    }
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
}
