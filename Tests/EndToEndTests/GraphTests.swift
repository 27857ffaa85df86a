import Foundation
import XCTest

/// `sot-lint graph`: the documented seed graph, cycles, and every format.
final class GraphTests: XCTestCase {
    private func graph(_ arguments: [String]) throws -> BinaryRun {
        try BinaryRunner.run(["graph"] + arguments, in: BinaryRunner.packageRoot)
    }

    func testReadyIssuesAreMarkedAndAnUndefinedBlockerIsANode() throws {
        let json = try graph(["--format", "json", "fixtures/commands/ready-queue"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.filter { $0["ready"] as? Bool == true }.compactMap { $0["id"] as? String }, ["CTO-WORK-401", "CTO-WORK-404"])
        let undefined = try XCTUnwrap(nodes.first { $0["id"] as? String == "CTO-WORK-499" })
        XCTAssertEqual(undefined["defined"] as? Bool, false)
        XCTAssertTrue(undefined["path"] is NSNull)
        let edges = try XCTUnwrap(object["edges"] as? [[String: Any]])
        XCTAssertTrue(edges.contains { $0["from"] as? String == "CTO-WORK-406" && $0["to"] as? String == "CTO-WORK-499" }, "\(edges)")
        let mermaid = try graph(["fixtures/commands/ready-queue"]).stdout
        XCTAssertTrue(mermaid.contains("CTO_WORK_499[\"CTO-WORK-499<br/><i>not defined</i>\"]:::undefined"), mermaid)
        XCTAssertTrue(mermaid.contains("  class CTO_WORK_401,CTO_WORK_404 ready\n"), mermaid)
        XCTAssertTrue(mermaid.contains("CTO_WORK_406 -->|blocked by| CTO_WORK_499"), mermaid)
        let dot = try graph(["--format", "dot", "fixtures/commands/ready-queue"]).stdout
        XCTAssertTrue(dot.contains("\"CTO-WORK-499\" [label=\"CTO-WORK-499\\n(not defined)\", style=\"rounded,dashed\""), dot)
        XCTAssertEqual(dot.components(separatedBy: "penwidth=2.5").count - 1, 2)
    }

    func testDocsShowTheSeedAndCycleGraphsAsTheToolDrawsThem() throws {
        let docs = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/graph.md"), encoding: .utf8)
        let seed = try graph(["fixtures/seed"])
        XCTAssertEqual(seed.status, 0, seed.stderr)
        XCTAssertTrue(docs.contains("```mermaid\n" + seed.stdout + "```"), "regenerate docs/graph.md")
        XCTAssertTrue(docs.contains("```mermaid\n" + (try graph(["fixtures/invalid/blocked-by-cycle"])).stdout + "```"))
        XCTAssertTrue(seed.stdout.contains("CTO_WORK_022 -->|blocked by| CTO_WORK_020"))
        XCTAssertTrue(seed.stdout.contains(":::blocked"))
    }

    func testJSONListsNodesEdgesAndCycles() throws {
        let run = try graph(["--format", "json", "fixtures/invalid/blocked-by-cycle"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["cycles"] as? [[String]], [["CTO-WORK-360", "CTO-WORK-361", "CTO-WORK-362"]])
        let edges = try XCTUnwrap(object["edges"] as? [[String: Any]])
        XCTAssertEqual(edges.filter { $0["inCycle"] as? Bool == true }.count, 3)
        XCTAssertEqual((object["nodes"] as? [[String: Any]])?.first?["status"] as? String, "blocked")
        // Each cycle member is a node that says where the issue is defined.
        let places = Dictionary(uniqueKeysWithValues: try XCTUnwrap(object["nodes"] as? [[String: Any]]).map {
            ($0["id"] as? String ?? "", "\($0["path"] ?? ""):\($0["line"] ?? "")")
        })
        XCTAssertEqual(["CTO-WORK-360", "CTO-WORK-361", "CTO-WORK-362"].map { places[$0] ?? "" },
                       ["fixtures/invalid/blocked-by-cycle/cto-case-auth-issues.md:16", "fixtures/invalid/blocked-by-cycle/cto-case-auth-issues.md:28",
                        "fixtures/invalid/blocked-by-cycle/cto-case-directory-issues.md:16"])
    }

    func testDotHighlightsTheCycle() throws {
        let run = try graph(["--format", "dot", "fixtures/invalid/blocked-by-cycle"])
        XCTAssertTrue(run.stdout.hasPrefix("digraph blocked_by {"))
        XCTAssertEqual(run.stdout.components(separatedBy: "color=\"#dc2626\", penwidth=3").count - 1, 3)
        XCTAssertTrue(run.stdout.contains("tooltip=\"fixtures/invalid/blocked-by-cycle/cto-case-directory-issues.md:16\"]"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("}\n"))
    }
}
