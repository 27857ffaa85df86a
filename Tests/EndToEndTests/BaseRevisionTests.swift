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

/// `--base REV` on real temporary repositories: errors, moves, the seed's 021/020 invariant.
final class BaseRevisionTests: TemporaryDirectoryTestCase {

    private func commit() throws {
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
            XCTAssertEqual(try BinaryRunner.git(["init", "-q", "-b", "main"], in: directory), 0)
        }
        XCTAssertEqual(try BinaryRunner.git(["add", "-A"], in: directory), 0)
        XCTAssertEqual(try BinaryRunner.git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "c"],
                                            in: directory), 0)
    }

    private func plan(_ body: String, title: String = "Plan") -> String {
        ExampleText.companion(title: title, body)
    }

    func testNotAGitRepository() throws {
        try write("plan.md", plan(""))
        let run = try BinaryRunner.run(["--base", "HEAD", "plan.md"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1)
        XCTAssertTrue(run.stderr.contains("not a git repository (--base needs one)"), run.stderr)
    }

    func testUnknownRevision() throws {
        try write("plan.md", plan(""))
        try commit()
        let run = try BinaryRunner.run(["--base", "no-such-branch", "plan.md"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("sot-lint: no-such-branch: unknown revision in "), run.stderr)
    }

    func testShallowCloneWithoutTheRevision() throws {
        try write("plan.md", plan(""))
        try commit()
        try write("plan.md", plan("Changed.\n"))
        try commit()
        let clone = directory.appendingPathComponent("clone")
        XCTAssertEqual(try BinaryRunner.git(["clone", "-q", "--depth", "1", "file://" + directory.path, clone.path], in: directory), 0)
        let run = try BinaryRunner.run(["--base", "HEAD~1", "plan.md"], in: clone)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "sot-lint: HEAD~1: not in this shallow clone; fetch it first (git fetch --unshallow, or fetch-depth: 0 in CI)\n")
    }

    func testChangedSinceReportsOnlyChangedFilesAgainstTheWholeWorkspace() throws {
        // A legacy repository: old.md has findings nobody will fix today.
        try write("old.md", plan("## CTO-WORK-001 - First\n\nStatus: blokced.\n\nAcceptance:\n\n- Works.\n"))
        try write("docs/done.md", plan("## CTO-WORK-002 - Second\n\nStatus: done.\n\nAcceptance:\n\n- Works.\n", title: "Done"))
        try commit()
        // New work: a new document blocked on a resolved issue defined elsewhere, and an untracked one.
        try write("new.md", plan("## CTO-WORK-003 - Third\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- `CTO-WORK-002` first.\n",
                                 title: "New"))
        try write("docs/untracked.md", plan("## CTO-WORK-004 - Fourth\n\nStatus: nope.\n\nAcceptance:\n\n- Works.\n", title: "Untracked"))
        let all = try BinaryRunner.run(["--format", "json"], in: directory)
        XCTAssertEqual(Set(BinaryRunner.diagnostics(all.stdout).compactMap { $0["path"] as? String }), ["old.md", "new.md", "docs/untracked.md"])
        let changed = try BinaryRunner.run(["--format", "json", "--changed-since", "HEAD"], in: directory)
        XCTAssertEqual(changed.status, 1)
        let findings = BinaryRunner.diagnostics(changed.stdout)
        XCTAssertEqual(Set(findings.compactMap { $0["path"] as? String }), ["new.md", "docs/untracked.md"], changed.stdout)
        XCTAssertTrue(findings.contains { $0["rule"] as? String == "blocked-on-resolved" }, "the workspace stays whole: \(changed.stdout)")
        // Nothing changed in the folder given: nothing reported, and the closing line still says what was checked.
        try commit()
        let clean = try BinaryRunner.run(["--changed-since", "HEAD", "docs"], in: directory)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "")
        XCTAssertTrue(clean.stderr.hasPrefix("sot-lint: 0 errors, 0 warnings, 0 infos in 2 files"), clean.stderr)
        let unknown = try BinaryRunner.run(["--changed-since", "no-such-branch"], in: directory)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("sot-lint: no-such-branch: unknown revision in "), unknown.stderr)
    }

    func testMovingAnIssueToAnotherFileIsFine() throws {
        try write("a.md", plan("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"))
        try write("b.md", plan("", title: "B"))
        try commit()
        try write("a.md", plan(""))
        try write("b.md", plan("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n", title: "B"))
        let run = try BinaryRunner.run(["--base", "HEAD"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testTheBaseIsReadFromGitNotTheWorkingTree() throws {
        try write("a.md", plan("## CTO-WORK-001 - First\n\nStatus: done.\n\nAcceptance:\n\n- Works.\n"))
        try commit()
        try write("a.md", plan("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"))
        let single = try BinaryRunner.run(["--base", "HEAD", "a.md"], in: directory)
        XCTAssertEqual(single.status, 1)
        XCTAssertEqual(single.stdout, "a.md:17:9: error: `CTO-WORK-001` moved from `done` to `open`, but it may only become "
                       + "`superseded` (`transitions` in the profile); open a new issue instead [status-transition]\n")
        try commit()
        XCTAssertEqual(try BinaryRunner.run(["--base", "HEAD", "a.md"], in: directory).status, 0, "nothing changed since HEAD")
    }
}
