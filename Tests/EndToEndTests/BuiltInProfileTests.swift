import Foundation
import XCTest

/// Each built-in profile on a workspace written in its dialect by hand: `extends: NAME` alone gives the
/// hand-checked findings and ready queue.
final class BuiltInProfileTests: XCTestCase {
    private func key(_ diagnostic: [String: Any]) -> String {
        "\(diagnostic["path"] ?? "") \(diagnostic["line"] ?? 0):\(diagnostic["column"] ?? 0) \(diagnostic["rule"] ?? "")"
    }

    func testBacklogMDFromOneLine() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("fixtures/profiles/backlog-md")
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).map(key)
        let run = try BinaryRunner.run(["--no-cache", "--format", "json"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(BinaryRunner.diagnostics(run.stdout).map(key).sorted(), expected.sorted(), run.stdout)
        let text = try BinaryRunner.run(["--no-cache"], in: folder)
        XCTAssertTrue(text.stderr.hasSuffix("(11 SOT documents)\n"), text.stderr)
        let ready = try BinaryRunner.run(["ready"], in: folder)
        XCTAssertEqual(ready.stdout, try String(contentsOf: folder.appendingPathComponent("expected-ready.txt"), encoding: .utf8))
        // The decision is no task: depending on it never makes a task ready, and it is no unresolved reference.
        let show = try BinaryRunner.run(["show", "task-3"], in: folder)
        XCTAssertTrue(show.stdout.contains("`DECISION-1`, which an external system owns"), show.stdout)
    }

    func testMADRFromOneLine() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("fixtures/profiles/madr")
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).map(key)
        let run = try BinaryRunner.run(["--no-cache", "--format", "json"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(BinaryRunner.diagnostics(run.stdout).map(key).sorted(), expected.sorted(), run.stdout)
        let ready = try BinaryRunner.run(["ready"], in: folder)
        XCTAssertEqual(ready.stdout, try String(contentsOf: folder.appendingPathComponent("expected-ready.txt"), encoding: .utf8))
        // The IDs come from the file names; `superseded by ADR-0003` is a status with its reference.
        let model = try BinaryRunner.run(["model"], in: folder)
        let issues = ((try JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
        XCTAssertEqual(issues.compactMap { $0["id"] as? String }, (1...6).map { "ADR-000\($0)" })
        XCTAssertEqual(issues[1]["status"] as? String, "superseded")
        XCTAssertEqual(issues[1]["category"] as? String, "resolved")
        XCTAssertEqual(issues[0]["title"] as? String, "Record Architecture Decisions")
    }
}
