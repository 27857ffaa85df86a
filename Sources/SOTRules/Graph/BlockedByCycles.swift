import SOTSource
import SOTSyntax
import SOTModel

/// The cycle that each blocked-by edge inside a strongly connected component closes, as message text,
/// in time linear in the graph.
///
/// The message for an edge `u → v` names `u`, then the breadth-first shortest path from `v` back to `u`
/// within the component. One search per edge, over the whole component, was quadratic in time and in
/// output (a 100,000-issue cycle never finished). Instead:
/// - one breadth-first search per blocker `v` serves every edge into `v`: a search run to the end assigns
///   each issue the same parent as one stopped when it reaches `u`, so the paths are the same;
/// - a search stops at the depth of the longest path printed whole (`shortCycleMembers` issues);
/// - once the searches together have examined `exactSearchBudget` edges, no further search starts;
/// - an edge left without an exact path gets the walk `u → v ⇝ root ⇝ u` through the component's first
///   issue, from one backward and one forward search from that root per component. Such a walk has at
///   least as many issues as the shortest cycle, so it is only used for long cycles (or once the budget is
///   spent); a long one is printed as its first `headMembers` issues, their count and the closing issue.
package struct BlockedByCycles {
    /// Cycles of at most this many issues are printed whole.
    package static let shortCycleMembers = 10
    package static let exactSearchBudget = 4_000_000
    package static let headMembers = 3

    private let graph: BlockedByGraph
    /// Component number of each issue; -1 outside components of two or more issues.
    private var component: [Int]
    /// For each issue `v`, the issues of its component that list it as a blocker.
    private var listers: [[Int]]
    /// Exact paths `v … u` for edges `u → v`, keyed by `u * count + v`.
    private var exact: [Int: [Int]] = [:]
    /// For each issue, the next issue on a shortest path to its component's root, and the distance.
    private var towardRoot: [Int]
    private var rootDistance: [Int]
    /// For each issue, the previous issue on a shortest path from its component's root, the distance, and
    /// the first issue after the root on that path.
    private var fromRoot: [Int]
    private var fromRootDistance: [Int]
    private var firstFromRoot: [Int]
    private var isRoot: [Bool]
    /// Edges examined by every search: a deterministic measure of the work done.
    private(set) var work = 0

    package init(graph: BlockedByGraph, components: [[String]]) {
        self.graph = graph
        let count = graph.count
        component = Array(repeating: -1, count: count)
        listers = Array(repeating: [], count: count)
        towardRoot = Array(repeating: -1, count: count)
        rootDistance = Array(repeating: 0, count: count)
        fromRoot = Array(repeating: -1, count: count)
        fromRootDistance = Array(repeating: 0, count: count)
        firstFromRoot = Array(repeating: -1, count: count)
        isRoot = Array(repeating: false, count: count)
        var cycles: [[Int]] = []
        for members in components where members.count > 1 {
            let positions = members.compactMap(graph.position(of:)).sorted()
            for position in positions { component[position] = cycles.count }
            cycles.append(positions)
        }
        for source in 0..<count where component[source] >= 0 {
            for target in graph.successors(of: source) where component[target] == component[source] {
                listers[target].append(source)
            }
        }
        for members in cycles { searchFromRoot(members) }
        searchShortPaths(cycles.flatMap { $0 })
    }

    /// The issues a cycle message names, in order (the first is `u`, and the closing `u` is not repeated),
    /// and the cycle's length when the message abbreviates it (nil when every member is named).
    package struct Shown {
        package let members: [String]
        package let abbreviatedLength: Int?
        /// False for an edge outside any cycle: the message is just `u → v`.
        package var closed = true

        /// `u → v → … → u`, or `u → v → w → … (N issues) … → u`.
        package var text: String {
            guard let first = members.first else { return "" }
            guard closed else { return members.joined(separator: " → ") }
            guard let length = abbreviatedLength else { return (members + [first]).joined(separator: " → ") }
            return members.joined(separator: " → ") + " → … (\(length) issues) … → \(first)"
        }
    }

    /// `u → v → … → u`: the cycle the edge from `u` to its blocker `v` closes.
    package func text(from u: String, through v: String) -> String {
        shown(from: u, through: v).text
    }

    /// The issues the message of the edge from `u` to its blocker `v` names.
    package func shown(from u: String, through v: String) -> Shown {
        guard let from = graph.position(of: u), let to = graph.position(of: v), component[from] >= 0,
              component[from] == component[to] else { return Shown(members: [u, v], abbreviatedLength: nil, closed: false) }
        if let path = exact[from * graph.count + to] {
            // The exact path ends with `u` again.
            return Shown(members: ([from] + path.dropLast()).map { graph.ids[$0] }, abbreviatedLength: nil)
        }
        let members = rootDistance[to] + fromRootDistance[from] + 1
        guard members > Self.shortCycleMembers else {
            // The whole walk: to the root backward, then from the root forward to `u`.
            var walk = [from, to]
            var step = to
            while !isRoot[step] { step = towardRoot[step]; walk.append(step) }
            var tail: [Int] = []
            step = from
            while !isRoot[step] { tail.append(step); step = fromRoot[step] }
            walk += tail.reversed()
            return Shown(members: walk.dropLast().map { graph.ids[$0] }, abbreviatedLength: nil)
        }
        var head = [from, to]
        extendHead(&head, from: from)
        return Shown(members: head.prefix(Self.headMembers).map { graph.ids[$0] }, abbreviatedLength: members)
    }

    /// Extends a walk's head by the issues that follow its last one (at most `headMembers` in all).
    private func extendHead(_ head: inout [Int], from: Int) {
        while head.count < Self.headMembers, let last = head.last {
            if !isRoot[last] {
                head.append(towardRoot[last])
            } else if firstFromRoot[from] >= 0 {
                head.append(firstFromRoot[from])
                return
            } else {
                return
            }
        }
    }

    /// One backward and one forward breadth-first search from the component's first issue.
    private mutating func searchFromRoot(_ members: [Int]) {
        guard let root = members.first else { return }
        isRoot[root] = true
        var queue = [root]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for lister in listers[node] {
                work += 1
                guard lister != root, towardRoot[lister] < 0 else { continue }
                towardRoot[lister] = node
                rootDistance[lister] = rootDistance[node] + 1
                queue.append(lister)
            }
        }
        queue = [root]
        head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in graph.successors(of: node) where component[target] == component[root] {
                work += 1
                guard target != root, fromRoot[target] < 0 else { continue }
                fromRoot[target] = node
                fromRootDistance[target] = fromRootDistance[node] + 1
                firstFromRoot[target] = node == root ? target : firstFromRoot[node]
                queue.append(target)
            }
        }
    }

    /// Depth-bounded breadth-first searches from each blocker, while the budget lasts.
    private mutating func searchShortPaths(_ sources: [Int]) {
        let count = graph.count
        var stamp = [Int](repeating: -1, count: count)
        var parent = [Int](repeating: -1, count: count)
        var depth = [Int](repeating: 0, count: count)
        var queue: [Int] = []
        for source in sources where work < Self.exactSearchBudget {
            stamp[source] = source
            depth[source] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                guard depth[node] < Self.shortCycleMembers - 1 else { continue }
                for target in graph.successors(of: node) {
                    work += 1
                    guard component[target] == component[source], stamp[target] != source else { continue }
                    stamp[target] = source
                    parent[target] = node
                    depth[target] = depth[node] + 1
                    queue.append(target)
                }
            }
            for lister in listers[source] where stamp[lister] == source {
                var path = [lister]
                var step = lister
                while step != source { step = parent[step]; path.append(step) }
                exact[lister * count + source] = path.reversed()
            }
        }
    }
}
