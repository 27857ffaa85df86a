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

/// `--stdin-filename PATH -`: the editor-on-save path.
final class StdinTests: TemporaryDirectoryTestCase {
    private func issue(_ id: String, _ status: String, _ extra: String = "") -> String {
        "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n\(extra)"
    }

    func testStdinReplacesTheFileOnDiskWithinItsWorkspace() throws {
        try write("docs/plan.md", ExampleText.sot(issue("CTO-WORK-001", "open")))
        try write("docs/other.md", ExampleText.companion(title: "Other", issue("CTO-WORK-002", "open")))
        let edited = ExampleText.sot(issue("CTO-WORK-001", "blokced", "- Needs `CTO-WORK-002` and `CTO-WORK-404`.\n"))
        let run = try BinaryRunner.run(["--stdin-filename", "docs/plan.md", "-"], in: directory, stdin: Data(edited.utf8))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") + " " + String($0.split(separator: " ").first ?? "") }, [
            "[status-unknown] docs/plan.md:17:9:",
            "[reference-unresolved] docs/plan.md:22:29:",
        ], "the stdin text is linted, CTO-WORK-002 resolves in the workspace on disk")
        let folder = try BinaryRunner.run(["docs"], in: directory)
        XCTAssertEqual(folder.status, 0, "the file on disk is untouched and clean")
    }

    func testANewUnsavedFileAndConfigurationFromItsFolder() throws {
        try write("plans/.sot-lint.yml", "statuses:\n  someday: active\n")
        let text = ExampleText.sot(issue("CTO-WORK-001", "someday"))
        let run = try BinaryRunner.run(["--stdin-filename", "plans/new.md", "-"], in: directory, stdin: Data(text.utf8))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    func testUsage() throws {
        XCTAssertEqual(try BinaryRunner.run(["-"], in: directory, stdin: Data()).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["--stdin-filename", "a.md"], in: directory, stdin: Data()).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["--stdin-filename", "a.md", "-", "b.md"], in: directory, stdin: Data()).status, 2)
    }
}
