import Foundation
import XCTest
@testable import SOTRules

/// "Completing CTO-WORK-021 does not change CTO-WORK-020's status" across several commits: a change is one
/// commit, so the commit hook (`--staged`) and the pull-request job (`--base` over every commit) agree.
final class InvariantAcrossCommitsTests: TemporaryDirectoryTestCase {
    private let route = "route.md"
    private let decision = "decision.md"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try git("init", "-q", "-b", "main")
        try write(route, ExampleText.companion(title: "Route", """
            ## CTO-WORK-021 - Route

            Status: validated.

            Acceptance:

            - Completing this route does not change `CTO-WORK-020` status.

            """))
        try write(decision, ExampleText.companion(title: "Decision", issue("blocked")))
        try commit("base")
    }

    private func issue(_ status: String) -> String {
        "## CTO-WORK-020 - Decision\n\nStatus: \(status).\n\nAcceptance:\n\n- Decided.\n"
    }

    private func completeRoute() throws {
        let text = try String(contentsOf: directory.appendingPathComponent(route), encoding: .utf8)
        try write(route, text.replacingOccurrences(of: "Status: validated.", with: "Status: done."))
    }

    private func startDecision() throws {
        try write(decision, ExampleText.companion(title: "Decision", issue("in progress")))
    }

    private func invariantFindings(_ arguments: [String]) throws -> (status: Int32, messages: [String]) {
        let run = try BinaryRunner.run(["--format", "json", "--no-cache"] + arguments, in: directory)
        let messages = BinaryRunner.diagnostics(run.stdout).filter { $0["rule"] as? String == "invariant-status-unchanged" }
            .map { "\($0["path"] ?? ""):\($0["line"] ?? ""): \($0["message"] ?? "")" }
        return (run.status, messages)
    }

    func testTwoCommitsPassTheHookAndTheBranchJob() throws {
        try completeRoute()
        try git("add", "-A")
        XCTAssertEqual(try invariantFindings(["--staged"]).messages, [], "the hook lets the first commit through")
        try commit("complete 021")
        try startDecision()
        try git("add", "-A")
        XCTAssertEqual(try invariantFindings(["--staged"]).messages, [], "and the second")
        try commit("start 020")
        let branch = try invariantFindings(["--base", "HEAD~2", "."])
        XCTAssertEqual(branch.messages, [], "the pull-request job checks each commit, as the hook did")
        XCTAssertEqual(branch.status, 0)
    }

    func testOneCommitFailsTheHookAndTheBranchJobNamesTheCommit() throws {
        try completeRoute()
        try startDecision()
        try git("add", "-A")
        let hook = try invariantFindings(["--staged"])
        XCTAssertEqual(hook.status, 1)
        XCTAssertEqual(hook.messages.count, 1, "\(hook.messages)")
        try commit("complete 021 and start 020")
        // A later commit that touches something else does not hide it.
        try write("notes.md", "# Notes\n")
        try commit("notes")
        let branch = try invariantFindings(["--base", "HEAD~2", "."])
        XCTAssertEqual(branch.status, 1)
        let short = try XCTUnwrap(gitOutput("rev-parse", "--short=12", "HEAD~1"))
        XCTAssertEqual(branch.messages, ["./\(decision):17: `CTO-WORK-020` moved from `blocked` to `in-progress` in commit \(short) together with "
                                         + "`CTO-WORK-021`, which declares it does not change `CTO-WORK-020` status (./\(route):21)"])
    }

    func testTheUncommittedChangesAreTheLastStep() throws {
        try completeRoute()
        try commit("complete 021")
        try startDecision()
        XCTAssertEqual(try invariantFindings(["--base", "HEAD~1", "."]).messages, [], "020 moves after 021's commit, in a change of its own")
        // On the base itself, the working tree is the one change: both moves are in it.
        let together = try invariantFindings(["--base", "HEAD", "."])
        try git("reset", "-q", "--hard", "HEAD~1")
        try completeRoute()
        try startDecision()
        let same = try invariantFindings(["--base", "HEAD", "."])
        XCTAssertEqual(together.messages, [])
        XCTAssertEqual(same.messages.count, 1, "\(same.messages)")
        XCTAssertTrue(same.messages[0].contains("in the same change as `CTO-WORK-021`"), same.messages[0])
    }

    func testAMergeMovesOnlyWhatNoneOfItsParentsHad() throws {
        try git("checkout", "-q", "-b", "route")
        try completeRoute()
        try commit("complete 021")
        try git("checkout", "-q", "main")
        try git("checkout", "-q", "-b", "decision")
        try startDecision()
        try commit("start 020")
        try git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "merge", "-q", "--no-edit", "route")
        let merged = try invariantFindings(["--base", "main", "."])
        XCTAssertEqual(merged.messages, [], "each branch moved one issue; the merge moved none")
        XCTAssertEqual(merged.status, 0)
    }
}
