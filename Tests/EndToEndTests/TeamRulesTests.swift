import Foundation
import XCTest

/// A team's own rules (`rule_files`) through the command line: the fixture's findings, `test-rules`,
/// `rules`, `explain`, SARIF, suppressions, the cache, changes against a base revision, and bad rule files.
final class TeamRulesTests: TemporaryDirectoryTestCase {
    private let fixture = BinaryRunner.packageRoot.appendingPathComponent("fixtures/user-rules")

    private func key(_ diagnostic: [String: Any]) -> String {
        "\(diagnostic["path"] ?? "") \(diagnostic["line"] ?? 0):\(diagnostic["column"] ?? 0) \(diagnostic["rule"] ?? "")"
    }

    func testTheFixtureGivesItsExpectedFindings() throws {
        let expectedData = try Data(contentsOf: fixture.appendingPathComponent("expected.json"))
        let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).map(key)
        XCTAssertTrue(expected.contains { $0.hasSuffix(" team-done-after-blockers") })
        let run = try BinaryRunner.run(["--no-cache", "--format", "json"], in: fixture)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(BinaryRunner.diagnostics(run.stdout).map(key).sorted(), expected.sorted(), run.stdout)
        // Every kind that reads issues one by one or the workspace is there.
        for rule in ["team-blocked-needs-unblock", "team-done-has-evidence", "team-no-plain-http", "team-acceptance-size",
                     "team-evidence-is-a-link", "team-done-after-blockers", "team-kept-blocked"] {
            XCTAssertTrue(expected.contains { $0.hasSuffix(" " + rule) }, rule)
        }
    }

    func testTestRulesRunsEveryExampleAndFailsOnABrokenOne() throws {
        let run = try BinaryRunner.run(["test-rules"], in: fixture)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "sot-lint: 20 examples of 9 rules: all passed\n")
        XCTAssertTrue(run.stdout.contains("ok    team-no-reopen  invalid: invalid example 1\n"), run.stdout)
        // A copy whose rule no longer does what its example says.
        try FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: fixture, to: directory)
        let path = directory.appendingPathComponent("rules/acceptance-size.yml")
        try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "max: 4", with: "max: 5").write(to: path, atomically: true, encoding: .utf8)
        let broken = try BinaryRunner.run(["test-rules"], in: directory)
        XCTAssertEqual(broken.status, 1, broken.stdout + broken.stderr)
        XCTAssertTrue(broken.stdout.contains("FAIL  team-acceptance-size  invalid: invalid example 1\n      doc.md: findings at none, expected at 6:1\n"),
                      broken.stdout)
        XCTAssertEqual(broken.stderr, "sot-lint: 20 examples of 9 rules: 1 failed\n")
        // No team rules: said, not failed.
        let none = try BinaryRunner.run(["test-rules", "--no-config"], in: directory)
        XCTAssertEqual(none.status, 0)
        XCTAssertTrue(none.stderr.contains("no team rules"), none.stderr)
    }

    func testRulesExplainAndSARIFDescribeTeamRules() throws {
        let list = try BinaryRunner.run(["rules"], in: fixture)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("team-no-plain-http"), list.stdout)
        XCTAssertTrue(list.stdout.range(of: "team-no-plain-http +error +Evidence links use https.", options: .regularExpression) != nil, list.stdout)
        let markdown = try BinaryRunner.run(["rules", "--markdown"], in: fixture)
        XCTAssertTrue(markdown.stdout.contains("\n## team-no-plain-http\n\nCategory: team. Default severity: warning.\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("| [`team-kept-blocked`](#team-kept-blocked) | team |"), markdown.stdout)
        let explain = try BinaryRunner.run(["explain", "team-done-after-blockers"], in: fixture)
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.hasPrefix("team-done-after-blockers (team, default severity: error)"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("defined in `rules/done-after-blockers.yml`"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("    - ↓CTO-WORK-002"), explain.stdout)
        let typo = try BinaryRunner.run(["explain", "team-done-after-blocker"], in: fixture)
        XCTAssertEqual(typo.status, 2, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("did you mean `team-done-after-blockers`?"), typo.stderr)
        let sarif = try BinaryRunner.run(["--no-cache", "--format", "sarif"], in: fixture)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = (((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]) ?? []
        let ids = rules.compactMap { $0["id"] as? String }
        let results = (run["results"] as? [[String: Any]]) ?? []
        for result in results {
            let id = try XCTUnwrap(result["ruleId"] as? String)
            XCTAssertEqual(ids[try XCTUnwrap(result["ruleIndex"] as? Int)], id)
        }
        XCTAssertTrue(ids.contains("team-kept-blocked"), "\(ids)")
    }

    func testSuppressionsSeveritiesTheCacheAndChanges() throws {
        try write(".sot-lint.yml", "rule_files: [rules/unblock.yml]\n")
        try write("rules/unblock.yml", TeamRuleText.unblock)
        let plan = """
        ---
        lifecycle_classification: sot
        ---
        ## CTO-WORK-001 - First

        Status: blocked.

        """
        try write("plan.md", plan)
        let first = try BinaryRunner.run(["."], in: directory)
        XCTAssertTrue(first.stdout.contains("plan.md:4:4: warning: issue `CTO-WORK-001` (status `blocked`) has no `Current unblock` [team-unblock]"),
                      first.stdout)
        // The rule file changes, the documents do not: the cached verdict is not reused.
        try write("rules/unblock.yml", try String(contentsOf: directory.appendingPathComponent("rules/unblock.yml"), encoding: .utf8)
            .replacingOccurrences(of: "{status: blocked}", with: "{status: done}"))
        let changed = try BinaryRunner.run(["."], in: directory)
        XCTAssertFalse(changed.stdout.contains("[team-unblock]"), changed.stdout)
        try write("rules/unblock.yml", try String(contentsOf: directory.appendingPathComponent("rules/unblock.yml"), encoding: .utf8)
            .replacingOccurrences(of: "{status: done}", with: "{status: blocked}"))
        // An inline directive silences a team rule like any other.
        try write("plan.md", plan.replacingOccurrences(of: "## CTO", with: "<!-- sot-lint-disable-next-line team-unblock -->\n## CTO"))
        let suppressed = try BinaryRunner.run(["."], in: directory)
        XCTAssertFalse(suppressed.stdout.contains("[team-unblock]"), suppressed.stdout)
        // A misspelt key of the rule file stops the run: one line, exit 2.
        try write("rules/unblock.yml", "id: team-unblock\nkind: require\nsumary: x\n")
        let bad = try BinaryRunner.run(["."], in: directory)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "sot-lint: rules/unblock.yml: invalid configuration: unknown key `sumary`; did you mean `summary`?\n")
    }

    func testTransitionRulesJudgeAChangeAndWidenTheAllowedMoves() throws {
        try write(".sot-lint.yml", "rule_files: [rules/no-reopen.yml]\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("rules/no-reopen.yml"), to: directory.appendingPathComponent("rules/no-reopen.yml"))
        let plan = { (first: String, second: String) in
            "---\nlifecycle_classification: sot\n---\n## CTO-WORK-001 - First\n\nStatus: \(first).\n\n## CTO-WORK-002 - Second\n\nStatus: \(second).\n"
        }
        try git("init", "-q")
        try write("plan.md", plan("validated", "done"))
        try commit("plan")
        try write("plan.md", plan("open", "cancelled"))
        let run = try BinaryRunner.run(["--no-cache", "--base", "HEAD", "plan.md"], in: directory)
        XCTAssertTrue(run.stdout.contains("plan.md:6:9: warning: `CTO-WORK-001` moved from `validated` to `open`, a move this rule forbids [team-no-reopen]"),
                      run.stdout)
        // done → cancelled is allowed by the rule's `allow`; by default `done` may only become `superseded`.
        XCTAssertFalse(run.stdout.contains("[status-transition]"), run.stdout)
        let without = try BinaryRunner.run(["--no-cache", "--no-config", "--base", "HEAD", "plan.md"], in: directory)
        XCTAssertTrue(without.stdout.contains("plan.md:10:9: error: `CTO-WORK-002` moved from `done` to `cancelled`"), without.stdout)
    }
}
