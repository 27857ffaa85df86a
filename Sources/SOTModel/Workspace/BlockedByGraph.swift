import SOTSource
import SOTSyntax

/// The blocked-by edges of a workspace: issue -> issues it waits for (first definitions only).
package struct BlockedByGraph {
    package private(set) var ids: [String] = []
    /// An ID's number, and each number's position in `ids`.
    private var number = IDTable()
    private var rank: [Int] = []
    /// The edges of position p are `edgeTarget[edgeStart[p]..<edgeStart[p + 1]]`: one flat array, not
    /// an array per issue.
    private var edgeStart: [Int] = [0]
    private var edgeTarget: [Int] = []

    /// `ids` sorted; `number` numbers every ID, `rank` maps a number to the ID's position in `ids`, and
    /// `blockers(position)` are those of the first definition of `ids[position]`. Each issue's edges go
    /// to the first definitions of its blockers, once each.
    package init(ids: [String], number: IDTable, rank: [Int], blockers: (Int) -> [IssueReference]) {
        self.ids = ids
        self.number = number
        self.rank = rank
        // `listedBy[target]` is the last issue that listed target: a duplicate blocker is dropped in O(1),
        // where searching the issue's list would be quadratic for an issue with 100,000 blockers.
        var listedBy = [Int](repeating: -1, count: ids.count)
        edgeStart.reserveCapacity(ids.count + 1)
        for position in ids.indices {
            for blocker in blockers(position) {
                if let target = number.number(of: blocker.id).map({ rank[$0] }), listedBy[target] != position {
                    listedBy[target] = position
                    edgeTarget.append(target)
                }
            }
            edgeStart.append(edgeTarget.count)
        }
    }

    /// Number of issues (positions run from 0).
    package var count: Int { ids.count }

    /// Position of an issue ID.
    package func position(of id: String) -> Int? {
        number.number(of: id).map { rank[$0] }
    }

    /// The issues `position` waits for, in the order its `Blocked by` lists name them, each once.
    package func successors(of position: Int) -> ArraySlice<Int> {
        edgeTarget[edgeStart[position]..<edgeStart[position + 1]]
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
        // The explicit call stack, reused for every root: (issue, position of its next edge).
        var work: [(node: Int, next: Int)] = []
        for root in 0..<count where order[root] == -1 {
            // A root without edges is a component of one, never materialised.
            if edgeStart[root] == edgeStart[root + 1] {
                order[root] = counter
                counter += 1
                continue
            }
            work.append((root, edgeStart[root]))
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = work.last {
                let node = frame.node
                if frame.next < edgeStart[node + 1] {
                    work[work.count - 1].next += 1
                    let target = edgeTarget[frame.next]
                    if order[target] == -1 {
                        order[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, edgeStart[target]))
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
