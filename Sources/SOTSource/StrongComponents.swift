/// The strongly connected components of more than one node of a directed graph given as flat arrays:
/// the successors of node `n` are `targets[starts[n]..<starts[n + 1]]`. Tarjan's algorithm, iterative so
/// that long chains cannot overflow the stack; roots are taken in node order and each component lists its
/// members in the order they leave the stack, so the answer depends only on the arrays. A lone node is
/// never materialised. Linear in nodes and edges.
package enum StrongComponents {
    package static func of(starts: [Int], targets: [Int]) -> [[Int]] {
        let count = starts.count - 1
        guard count > 0 else { return [] }
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        // The explicit call stack, reused for every root: (node, position of its next edge).
        var work: [(node: Int, next: Int)] = []
        for root in 0..<count where order[root] == -1 {
            // A root without edges is a component of one.
            if starts[root] == starts[root + 1] {
                order[root] = counter
                counter += 1
                continue
            }
            work.append((root, starts[root]))
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = work.last {
                let node = frame.node
                if frame.next < starts[node + 1] {
                    work[work.count - 1].next += 1
                    let target = targets[frame.next]
                    if order[target] == -1 {
                        order[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, starts[target]))
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
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
