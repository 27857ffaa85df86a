import Foundation
import XCTest
@testable import SOTRules

/// `extends:` through the command line: the project's file is read where it lies, and so is the file
/// it extends; `--config FILE` resolves from FILE's folder.
final class ExtendsTests: TemporaryDirectoryTestCase {
    func testASharedProfileAppliesAndItsChangeIsSeenAtOnce() throws {
        try write("shared/team.yml", "statuses:\n  someday: active\n")
        try write("project/.sot-lint.yml", "extends: ../shared/team.yml\n")
        try write("project/plan.md", ExampleText.companion(title: "Plan", "## CTO-WORK-001 - First\n\nStatus: someday.\n\nAcceptance:\n\n- Works.\n"))
        let run = try BinaryRunner.run(["project"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        // The shared file changes, the project's file does not: the cached verdict is not reused.
        try write("shared/team.yml", "statuses:\n  later: active\n")
        let again = try BinaryRunner.run(["project"], in: directory)
        XCTAssertEqual(again.status, 1, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("[status-unknown]"), again.stdout)
        // The same file named with --config from elsewhere.
        try write("shared/team.yml", "statuses:\n  someday: active\n")
        let viaConfig = try BinaryRunner.run(["--config", "project/.sot-lint.yml", "project/plan.md"], in: directory)
        XCTAssertEqual(viaConfig.status, 0, viaConfig.stdout + viaConfig.stderr)
        try write("project/.sot-lint.yml", "extends: sed\n")
        let typo = try BinaryRunner.run(["project"], in: directory)
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr.filter { $0 == "\n" }.count, 1, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("project/.sot-lint.yml: invalid configuration: `extends: sed` names no built-in profile; did you mean `seed`?"),
                      typo.stderr)
    }
}
