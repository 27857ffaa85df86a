import Foundation
import XCTest
@testable import SOTRules

/// Adopting sot-lint on a legacy repository: `sot-lint baseline` records today's findings, later runs
/// report only new ones and say what the baseline hid and what was fixed since.
final class BaselineTests: TemporaryDirectoryTestCase {
    private let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    private func issue(_ id: String, _ status: String, extra: String = "") -> String {
        "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n\(extra)\n"
    }

    /// A legacy project: two unknown statuses, a leaked token in a note, a stale review.
    private func legacy() throws {
        try write("docs/old.md", ExampleText.companion(title: "Old", issue("CTO-WORK-001", "blokced") + issue("CTO-WORK-002", "blokced")))
        try write("notes.md", "# Notes\n\nDeploy key: `\(token)`\n")
    }

    private func lint(_ arguments: [String] = [], in folder: URL? = nil) throws -> BinaryRun {
        try BinaryRunner.run(["--no-cache"] + arguments, in: folder ?? directory)
    }

    private var baselineText: String {
        (try? String(contentsOf: directory.appendingPathComponent(".sot-lint-baseline.json"), encoding: .utf8)) ?? ""
    }

    func testAdoptThenOnlyNewFindingsAndWhatWasFixed() throws {
        try legacy()
        let before = try lint()
        XCTAssertEqual(before.status, 1)
        let recorded = try BinaryRunner.run(["baseline"], in: directory)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertEqual(recorded.stderr, "sot-lint: recorded 3 findings in .sot-lint-baseline.json\n")
        let clean = try lint()
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertEqual(clean.stdout, "")
        XCTAssertTrue(clean.stderr.hasSuffix("; 3 findings in the baseline not shown (--no-baseline shows them)\n"), clean.stderr)
        // Lines move: the recorded findings stay recorded.
        let old = directory.appendingPathComponent("docs/old.md")
        let text = try String(contentsOf: old, encoding: .utf8)
        try write("docs/old.md", text.replacingOccurrences(of: "# Old\n", with: "# Old\n\nA new paragraph\nover two lines.\n"))
        XCTAssertEqual(try lint().status, 0)
        // A new finding is reported, alone; a fixed one is counted.
        try write("docs/old.md", try String(contentsOf: old, encoding: .utf8).replacingOccurrences(of: "blokced", with: "open")
            + issue("CTO-WORK-003", "opne"))
        let mixed = try lint(["--format", "json"])
        XCTAssertEqual(mixed.status, 1)
        let findings = BinaryRunner.diagnostics(mixed.stdout)
        XCTAssertEqual(findings.map { "\($0["rule"] ?? "") \($0["message"] ?? "")".contains("CTO-WORK-003") }, [true], mixed.stdout)
        let text2 = try lint()
        XCTAssertTrue(text2.stderr.contains("; 1 finding in the baseline not shown (--no-baseline shows them); "
                                            + "2 baseline findings fixed (`sot-lint baseline` drops them)\n"), text2.stderr)
        let all = try lint(["--no-baseline", "--format", "json"])
        XCTAssertEqual(BinaryRunner.diagnostics(all.stdout).count, 2, all.stdout)
        // Recording again drops what was fixed and takes in what is new.
        XCTAssertEqual(try BinaryRunner.run(["baseline", "."], in: directory).stderr, "sot-lint: recorded 2 findings in .sot-lint-baseline.json\n")
        XCTAssertEqual(try lint().status, 0)
    }

    func testTheBaselineHoldsNoSecretNoMessageAndNoSourceLine() throws {
        try legacy()
        XCTAssertEqual(try BinaryRunner.run(["baseline"], in: directory).status, 0)
        let text = baselineText
        XCTAssertFalse(text.contains(token))
        XCTAssertFalse(text.contains(String(token.prefix(12))))
        XCTAssertFalse(text.contains("blokced"), "no source text: \(text)")
        XCTAssertFalse(text.contains("vocabulary"), "no message: \(text)")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["tool"] as? String, "sot-lint")
        let entries = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(Set(entries.flatMap { $0.keys }), ["rule", "path", "issue", "fingerprint", "count"])
        XCTAssertEqual(entries.compactMap { $0["issue"] as? String }.sorted(), ["CTO-WORK-001", "CTO-WORK-002"])
        XCTAssertEqual(Set(entries.compactMap { $0["path"] as? String }), ["docs/old.md", "notes.md"])
        // Its hex fingerprints are not secrets of the project, and it is not a file the run counts.
        let run = try lint(["--no-baseline"])
        XCTAssertTrue(run.stderr.contains("in 3 files"), "notes.md, docs/old.md and .sot-lint.yml: \(run.stderr)")
        XCTAssertEqual(run.stdout.components(separatedBy: "\n").filter { $0.contains(".sot-lint-baseline.json") }, [])
        // The same findings recorded again give the same bytes.
        XCTAssertEqual(try BinaryRunner.run(["baseline"], in: directory).status, 0)
        XCTAssertEqual(baselineText, text)
    }

    func testPathsAreTheProjectsWhereverTheRunStarts() throws {
        try legacy()
        XCTAssertEqual(try BinaryRunner.run(["baseline", "docs"], in: directory).stderr, "sot-lint: recorded 2 findings in .sot-lint-baseline.json\n")
        let fromInside = try lint(["."], in: directory.appendingPathComponent("docs"))
        XCTAssertEqual(fromInside.status, 0, fromInside.stdout)
        // Part of a project: only that part's entries are replaced.
        XCTAssertEqual(try BinaryRunner.run(["baseline", "notes.md"], in: directory).stderr, "sot-lint: recorded 3 findings in .sot-lint-baseline.json\n")
        XCTAssertEqual(try lint().status, 0)
        let inside = try BinaryRunner.run(["baseline", "old.md"], in: directory.appendingPathComponent("docs"))
        XCTAssertTrue(inside.stderr.hasPrefix("sot-lint: recorded 3 findings in /"), "outside the folder: an absolute path: \(inside.stderr)")
        XCTAssertTrue(inside.stderr.hasSuffix("/.sot-lint-baseline.json\n"), inside.stderr)
    }

    func testADamagedBaselineStopsTheRunAndRecordingRepairsIt() throws {
        try legacy()
        try write(".sot-lint-baseline.json", "{\"tool\": \"sot-lint\", \"kind\": \"baseline\", \"version\": 1, \"findings\": [{\"rule\": 3}]}")
        let run = try lint()
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("sot-lint: .sot-lint-baseline.json: invalid configuration: not a sot-lint baseline"), run.stderr)
        XCTAssertEqual(try lint(["--no-baseline"]).status, 1, "--no-baseline does not read it")
        XCTAssertEqual(try BinaryRunner.run(["baseline", "docs"], in: directory).status, 2, "part of a project cannot be merged into it")
        XCTAssertEqual(try BinaryRunner.run(["baseline"], in: directory).status, 0, "the whole project is recorded afresh")
        XCTAssertEqual(try lint().status, 0)
        try write(".sot-lint-baseline.json", "{\"tool\": \"sot-lint\", \"kind\": \"baseline\", \"version\": 9, \"findings\": []}")
        XCTAssertTrue(try lint().stderr.contains("baseline version 9, this sot-lint reads version 1"))
    }

    func testNothingToRecordWritesNothing() throws {
        try write("plan.md", ExampleText.companion(title: "Plan", issue("CTO-WORK-001", "open")))
        let run = try BinaryRunner.run(["baseline"], in: directory)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".sot-lint-baseline.json").path))
    }

    func testSARIFSaysNewUnchangedAndAbsent() throws {
        try legacy()
        XCTAssertEqual(try BinaryRunner.run(["baseline"], in: directory).status, 0)
        let old = directory.appendingPathComponent("docs/old.md")
        try write("docs/old.md", try String(contentsOf: old, encoding: .utf8).replacingOccurrences(of: "Status: blokced.\n\nAcceptance:\n\n- Works.\n\n## CTO-WORK-002",
                                                                                                    with: "Status: open.\n\nAcceptance:\n\n- Works.\n\n## CTO-WORK-002")
                  + issue("CTO-WORK-003", "opne"))
        let output = directory.appendingPathComponent("report.sarif")
        let run = try lint(["--format", "sarif", "--output", output.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let check = try BinaryRunner.run(["-c", """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
        jsonschema.validate(report, schema)
        for result in report["runs"][0]["results"]:
            print(result["ruleId"], result["baselineState"], result.get("kind", "fail"), len(result.get("suppressions", [])))
        """, BinaryRunner.packageRoot.appendingPathComponent("Tests/Vendor/sarif-schema-2.1.0.json").path, output.path],
                                         in: directory, executable: "/usr/bin/env", prepend: ["python3"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stdout, """
            status-unknown new fail 0
            status-unknown unchanged fail 1
            secret-leak unchanged fail 1
            status-unknown absent pass 0

            """)
    }
}
