import Foundation
import XCTest

/// `ids:`: IDs that differ in case, or in a prefix the profile names as an alias, are one ID.
final class IDSettingsTests: TemporaryDirectoryTestCase {
    private let config = """
    id_pattern: "[A-Za-z]+-[0-9]+(\\\\.[0-9]+)*"
    ids:
      case: insensitive
      aliases: {task: BACK}
    statuses: {To Do: active, Done: resolved}
    fields: [Status, Acceptance, Depends on]
    layouts:
      - paths: ["tasks/*.md"]
        issue: document
        id: {front_matter: id}
        title: {front_matter: title}
        status: {front_matter: status}
        fields:
          Depends on: {front_matter: dependencies}
          Acceptance: {section: Acceptance Criteria}
    front_matter: {required: [id, title, status], optional: [dependencies], enums: {status: [To Do, Done]}, dates: []}
    rules: {h1-single: off}

    """

    private func task(_ id: String, _ title: String, status: String = "To Do", dependencies: [String] = []) -> String {
        "---\nid: \(id)\ntitle: \(title)\nstatus: \(status)\ndependencies: [\(dependencies.joined(separator: ", "))]\n---\n\n"
            + "## Acceptance Criteria\n\n- It works\n"
    }

    func testCaseAndAliasesMakeOneID() throws {
        try write(".sot-lint.yml", config)
        try write("tasks/one.md", task("BACK-1", "One", status: "Done"))
        try write("tasks/two.md", task("back-2", "Two", dependencies: ["task-1", "TASK-1", "Back-1"]))
        try write("tasks/three.md", task("task-3", "Three", dependencies: ["task-9"]))
        let run = try BinaryRunner.run(["--format", "json"], in: directory)
        let findings = BinaryRunner.diagnostics(run.stdout).map { "\($0["path"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" }
        XCTAssertEqual(findings, ["tasks/three.md 5:16 reference-unresolved"], run.stdout)
        let unresolved = BinaryRunner.diagnostics(run.stdout).first?["message"] as? String ?? ""
        XCTAssertTrue(unresolved.hasPrefix("`BACK-9` is not defined"), unresolved)
        let model = try BinaryRunner.run(["model"], in: directory)
        let issues = ((try JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
        XCTAssertEqual(issues.compactMap { $0["id"] as? String }, ["BACK-1", "BACK-3", "BACK-2"])
        XCTAssertEqual(issues.last?["blockedBy"] as? [String], ["BACK-1"])
        XCTAssertEqual(issues.last?["ready"] as? Bool, true)
        // Two spellings of one ID are one ID defined twice.
        try write("tasks/four.md", task("Back-2", "Two again"))
        let twice = try BinaryRunner.run([], in: directory)
        XCTAssertTrue(twice.stdout.contains("issue `BACK-2` is defined more than once"), twice.stdout)
        // Without the settings the spellings are different IDs.
        try write(".sot-lint.yml", config.replacingOccurrences(of: "  case: insensitive\n  aliases: {task: BACK}\n", with: "  case: sensitive\n"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("tasks/four.md"))
        let strict = try BinaryRunner.run([], in: directory)
        XCTAssertTrue(strict.stdout.contains("`task-1` is not defined"), strict.stdout)
    }

    /// A rename reaches every spelling of the ID: its definition and each mention, whatever their case or
    /// prefix alias, given in any of them.
    func testRenameReachesEverySpelling() throws {
        try write(".sot-lint.yml", config)
        try write("tasks/one.md", task("BACK-1", "One", status: "Done"))
        try write("tasks/two.md", task("back-2", "Two", dependencies: ["task-1", "TASK-1", "Back-1"]))
        let run = try BinaryRunner.run(["rename", "task-1", "BACK-10"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("tasks/one.md"), encoding: .utf8).contains("id: BACK-10\n"))
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("tasks/two.md"), encoding: .utf8)
            .contains("dependencies: [BACK-10, BACK-10, BACK-10]"))
        // A new ID that is the old one in another spelling renames nothing.
        let same = try BinaryRunner.run(["rename", "BACK-10", "task-10"], in: directory)
        XCTAssertEqual(same.status, 2, same.stdout + same.stderr)
        XCTAssertTrue(same.stderr.contains("nothing to rename"), same.stderr)
        let lint = try BinaryRunner.run([], in: directory)
        XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
    }

    /// An invariant phrase names its target in any spelling: `Keeps task-1 blocked` is about `BACK-1`.
    func testAnInvariantNamesItsTargetInAnySpelling() throws {
        try write(".sot-lint.yml", config)
        try write("tasks/one.md", task("BACK-1", "One", status: "Done"))
        try write("tasks/two.md", task("back-2", "Two").replacingOccurrences(of: "- It works", with: "- Keeps task-1 blocked until the review"))
        let run = try BinaryRunner.run([], in: directory)
        XCTAssertTrue(run.stdout.contains("[invariant-keeps-blocked]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("BACK-1"), run.stdout)
    }

    func testBadSettingsAreOneLine() throws {
        try write(".sot-lint.yml", "ids: {case: loose}\n")
        let run = try BinaryRunner.run([], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("`ids.case` must be `sensitive` or `insensitive`"), run.stderr)
        try write(".sot-lint.yml", "ids: {aliases: {task-: BACK}}\n")
        XCTAssertTrue(try BinaryRunner.run([], in: directory).stderr.contains("`ids.aliases.task-` must name the prefix"))
    }
}
