import Foundation
import XCTest

/// One issue per file (`layouts:`): a Backlog.md-style task folder whose ID, title, status and
/// dependencies live in front matter and whose acceptance criteria are a checkbox section.
final class DocumentLayoutTests: XCTestCase {
    private var folder: URL { BinaryRunner.packageRoot.appendingPathComponent("fixtures/commands/document-layout") }

    func testTheTaskFolderGivesTheHandCheckedFindings() throws {
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected-lint.json"))
        let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? [])
            .map { "\($0["path"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" }
        let run = try BinaryRunner.run(["--no-cache", "--format", "json"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        let actual = BinaryRunner.diagnostics(run.stdout).map { "\($0["path"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" }
        XCTAssertEqual(actual.sorted(), expected.sorted())
        // The same with the cache (written by the first run of this one) and file by file.
        _ = try BinaryRunner.run([], in: folder)
        let cached = try BinaryRunner.run(["--format", "json"], in: folder)
        XCTAssertEqual(BinaryRunner.diagnostics(cached.stdout).map { "\($0["path"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" }.sorted(),
                       expected.sorted())
        let alone = try BinaryRunner.run(["--no-cache", "--format", "json", "backlog/tasks/task-2 - Read dependencies.md"], in: folder)
        XCTAssertEqual(BinaryRunner.diagnostics(alone.stdout).count, 2, alone.stdout)
    }

    func testDependenciesAreInTheModelTheQueueAndTheGraph() throws {
        let run = try BinaryRunner.run(["model"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let model = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let issues = try XCTUnwrap(model["issues"] as? [[String: Any]])
        XCTAssertEqual(issues.compactMap { $0["id"] as? String }, ["task-1", "task-2", "task-2"])
        let first = issues[0]
        XCTAssertEqual(first["title"] as? String, "Set up the parser")
        XCTAssertEqual(first["status"] as? String, "done")
        XCTAssertEqual(first["category"] as? String, "resolved")
        let fields = try XCTUnwrap(first["fields"] as? [[String: Any]])
        XCTAssertEqual(fields.compactMap { $0["label"] as? String }, ["Depends on", "Acceptance"])
        XCTAssertEqual(fields[1]["items"] as? [String], ["Task files are read", "Their front matter is kept"])
        let second = issues[1]
        XCTAssertEqual(second["blockedBy"] as? [String], ["task-1", "task-9"])
        XCTAssertEqual(second["ready"] as? Bool, false)
        XCTAssertEqual(first["blocks"] as? [String], ["task-2"])
        let graph = try BinaryRunner.run(["graph", "--format", "json"], in: folder)
        let edges = ((try JSONSerialization.jsonObject(with: Data(graph.stdout.utf8)) as? [String: Any])?["edges"] as? [[String: Any]]) ?? []
        XCTAssertTrue(edges.contains { $0["from"] as? String == "task-2" && $0["to"] as? String == "task-1" }, graph.stdout)
        let blocked = try BinaryRunner.run(["ready", "--blocked"], in: folder)
        XCTAssertTrue(blocked.stdout.contains("blocked by `task-9`, which no document defines"), blocked.stdout)
    }
}
