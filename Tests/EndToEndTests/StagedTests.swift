import Foundation
import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// `--staged` on real temporary repositories: what is linted is what the commit will contain.
final class StagedTests: TemporaryDirectoryTestCase {
    private let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try BinaryRunner.git(["init", "-q", "-b", "main"], in: directory), 0)
    }

    private func commit() throws {
        try commit("c")
    }

    private func staged() throws -> BinaryRun {
        try BinaryRunner.run(["--staged"], in: directory)
    }

    private func issue(_ id: String, _ status: String) -> String {
        "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n"
    }

    func testNoCommitsYetAndNonASCIIPathsWithSpaces() throws {
        try write("plans/route plan é.md", ExampleText.sot(issue("CTO-WORK-001", "blokced")))
        try git("add", "-A")
        let run = try staged()
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "plans/route plan é.md:17:9: error: status `blokced.` of `CTO-WORK-001` is not in the vocabulary; "
                       + "did you mean `blocked`? [status-unknown]\n")
    }

    func testTheIndexIsLintedNotTheWorkingTree() throws {
        try write("notes.env", "TOKEN=\(token)\n")
        try git("add", "-A")
        try write("notes.env", "TOKEN=${TOKEN}\n")
        XCTAssertEqual(try staged().status, 1, "the secret is staged even though the working tree is clean")
        try git("add", "-A")
        try write("notes.env", "TOKEN=\(token)\n")
        XCTAssertEqual(try staged().status, 0, "the secret is in the working tree only")
    }

    func testOnlyStagedFilesAreLintedButTheWholeIndexIsTheWorkspace() throws {
        try write("a.md", ExampleText.sot(issue("CTO-WORK-001", "open")))
        try commit()
        try write("b.md", ExampleText.companion(title: "B", issue("CTO-WORK-002", "open") + "\n- Depends on `CTO-WORK-001`.\n"))
        try write("unstaged.md", ExampleText.companion(title: "U", issue("CTO-WORK-009", "nonsense")))
        try git("add", "b.md")
        let run = try staged()
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    func testTransitionAgainstHEAD() throws {
        try write("a.md", ExampleText.sot(issue("CTO-WORK-001", "done")))
        try commit()
        try write("a.md", ExampleText.sot(issue("CTO-WORK-001", "open")))
        try git("add", "-A")
        let run = try staged()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("a.md:17:9: error: `CTO-WORK-001` moved from `done` to `open`"), run.stdout)
    }

    func testRemovedAndMovedIssues() throws {
        try write("a.md", ExampleText.sot(issue("CTO-WORK-001", "open")))
        try write("b.md", ExampleText.companion(title: "B", issue("CTO-WORK-002", "open")))
        try commit()
        // b.md is deleted, its issue is moved into c.md (a rename in all but name); a.md loses its issue.
        try git("rm", "-q", "b.md")
        try write("c.md", ExampleText.companion(title: "C", issue("CTO-WORK-002", "open")))
        try write("a.md", ExampleText.sot(""))
        try git("add", "-A")
        let run = try staged()
        XCTAssertEqual(run.status, 1)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stdout)
        XCTAssertTrue(lines.first?.hasPrefix("a.md:1:1: error: issue `CTO-WORK-001` (line 15 at the base revision) was removed") ?? false, run.stdout)
        try git("rm", "-q", "--cached", "c.md")
        let deleted = try staged()
        XCTAssertTrue(deleted.stdout.contains("b.md:1:1: error: issue `CTO-WORK-002`"), "a deleted document's issues: \(deleted.stdout)")
    }

    func testARenameIsNoRemoval() throws {
        try write("a.md", ExampleText.sot(issue("CTO-WORK-001", "open")))
        try commit()
        try git("mv", "a.md", "renamed plan.md")
        let run = try staged()
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testCompletingTwentyOneMayNotMoveTwenty() throws {
        let seed = BinaryRunner.packageRoot.appendingPathComponent("fixtures/seed")
        for name in try FileManager.default.contentsOfDirectory(atPath: seed.path) where name.hasSuffix(".md") {
            try write(name, try String(contentsOf: seed.appendingPathComponent(name), encoding: .utf8))
        }
        try commit()
        let route = "cto-case-local-provider-route-issues.md"
        let decision = "cto-case-provider-decision-issues.md"
        let routeText = try String(contentsOf: directory.appendingPathComponent(route), encoding: .utf8)
        try write(route, routeText.replacingOccurrences(of: "Status: validated.", with: "Status: done."))
        try git("add", route)
        XCTAssertEqual(try staged().status, 0, "completing 021 alone is fine")
        let decisionText = try String(contentsOf: directory.appendingPathComponent(decision), encoding: .utf8)
        try write(decision, decisionText.replacingOccurrences(of: "Status: blocked.", with: "Status: in progress."))
        try git("add", decision)
        let run = try staged()
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("\(decision):20:9: error: `CTO-WORK-020` moved from `blocked` to `in-progress` in the same change as "
                                          + "`CTO-WORK-021`"), run.stdout)
    }

    func testStagedOutsideARepositoryAndWithPaths() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let run = try BinaryRunner.run(["--staged"], in: outside)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("not a git repository (--staged needs one)"), run.stderr)
        XCTAssertEqual(try BinaryRunner.run(["--staged", "a.md"], in: directory).status, 2)
    }
}
