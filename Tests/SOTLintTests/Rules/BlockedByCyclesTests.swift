import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// Cycle messages: exactly the per-edge shortest paths of before for short cycles, and linear work for a
/// 5,000-issue cycle (the per-edge search was quadratic).
final class BlockedByCyclesTests: XCTestCase {
    private func id(_ number: Int) -> String {
        "CTO-WORK-" + String(1_000 + number)
    }

    /// A workspace whose issue `i` is blocked by the issues `edges[i]`, in that order.
    private func workspace(_ edges: [[Int]]) throws -> Workspace {
        let profile = try ProfileLoader.defaultProfile()
        var body = ""
        for (number, targets) in edges.enumerated() {
            body += "## \(id(number)) - Issue\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\n"
            if !targets.isEmpty { body += "Blocked by:\n\n" + targets.map { "- `\(id($0))` first.\n" }.joined() + "\n" }
        }
        let document = DocumentBuilder.build(SourceText(path: "a.md", text: ExampleText.sot(body)), profile: profile)
        return Workspace(documents: [WorkspaceDocument(document, profile: profile, phrases: [:])])
    }

    /// The message text of before: `u`, then the breadth-first shortest path from `v` back to `u` inside the
    /// component, with successors in the order of the `Blocked by` list.
    private func reference(_ graph: BlockedByGraph, from u: String, through v: String, members: Set<String>) -> String {
        guard let start = graph.position(of: v), let goal = graph.position(of: u) else { return "" }
        var previous: [Int: Int] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in graph.successors(of: node) where previous[target] == nil && members.contains(graph.ids[target]) {
                previous[target] = node
                queue.append(target)
            }
        }
        var path = [goal]
        while let last = path.last, last != start, let step = previous[last] { path.append(step) }
        return ([u] + path.reversed().map { graph.ids[$0] }).joined(separator: " → ")
    }

    func testShortCyclesAreTheShortestPathsOfBefore() throws {
        var random = SeededGenerator(seed: 2)
        var compared = 0
        for _ in 0..<100 {
            // At most 10 issues, so every cycle is short enough to be printed whole.
            let count = Int.random(in: 2...10, using: &random)
            let edges = (0..<count).map { _ in
                (0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: 0..<count, using: &random) }
            }
            let workspace = try workspace(edges)
            let graph = workspace.graph
            let components = graph.cycleComponents()
            let cycles = BlockedByCycles(graph: graph, components: components)
            for component in components where component.count > 1 {
                let members = Set(component)
                for u in component {
                    for v in Set((workspace.issue(u)?.blockers ?? []).map(\.id)) where members.contains(v) && v != u {
                        XCTAssertEqual(cycles.text(from: u, through: v), reference(graph, from: u, through: v, members: members), "\(edges)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 150, "enough cycle edges to compare")
    }

    func testLongCycleIsAbbreviatedInLinearWork() throws {
        let count = 5_000
        let ring = (0..<count).map { [($0 + 1) % count] }
        var graph = try workspace(ring).graph
        var components = graph.cycleComponents()
        XCTAssertEqual(components.filter { $0.count > 1 }.map(\.count), [count])
        var cycles = BlockedByCycles(graph: graph, components: components)
        // Every search stops at depth 9: about 10 edges per issue, where each edge searched all 5,000 before.
        XCTAssertLessThanOrEqual(cycles.work, 12 * count)
        XCTAssertEqual(cycles.text(from: id(4_999), through: id(0)), "\(id(4_999)) → \(id(0)) → \(id(1)) → … (5000 issues) … → \(id(4_999))")
        XCTAssertEqual(cycles.text(from: id(10), through: id(11)), "\(id(10)) → \(id(11)) → \(id(12)) → … (5000 issues) … → \(id(10))")

        // Chords (each issue also waits for the one after next) make every search wider, not longer.
        let chorded = (0..<count).map { [($0 + 1) % count, ($0 + 2) % count] }
        graph = try workspace(chorded).graph
        components = graph.cycleComponents()
        cycles = BlockedByCycles(graph: graph, components: components)
        XCTAssertLessThanOrEqual(cycles.work, 60 * count, "about 18 issues within 9 steps, 2 edges each")
        XCTAssertTrue(cycles.text(from: id(10), through: id(11)).hasSuffix(" issues) … → \(id(10))"))
    }

    func testBlockerListedManyTimesIsOneEdge() throws {
        let workspace = try workspace([Array(repeating: 1, count: 3_000), [0]])
        let graph = workspace.graph
        XCTAssertEqual(graph.successors(of: 0), [1])
        let cycles = BlockedByCycles(graph: graph, components: graph.cycleComponents())
        XCTAssertEqual(cycles.text(from: id(0), through: id(1)), "\(id(0)) → \(id(1)) → \(id(0))")
    }
}
