import SOTSource
import SOTSyntax

/// The blocked-by edges of a workspace: issue -> issues it waits for (first definitions only).
package struct BlockedByGraph {
    package private(set) var ids: [String] = []
    /// An ID's number, and each number's position in `ids`.
    private var number = IDTable()
    package private(set) var rank: [Int] = []
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

    /// The strongly connected components of more than one issue (the cycles), by Tarjan's algorithm
    /// (`StrongComponents`), each as its members leave the stack.
    package func cycleComponents() -> [[String]] {
        StrongComponents.of(starts: edgeStart, targets: edgeTarget).map { $0.map { ids[$0] } }
    }
}
