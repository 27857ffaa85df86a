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

/// `--fix` and `--fix-dry-run`: safe, idempotent, atomic, byte-exact outside the edits.
final class FixTests: TemporaryDirectoryTestCase {
    private let fixable = ["disclaimer-missing", "frontmatter-title-mismatch", "field-label-unknown", "issue-heading-format"]

    private func copyFixture(_ name: String) throws -> URL {
        let target = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("fixtures/invalid/\(name)"), to: target)
        return target
    }

    private func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        return result
    }

    func testEveryFixableFixtureLintsCleanOfItsRuleAndFixingTwiceEqualsOnce() throws {
        for name in fixable {
            let folder = try copyFixture(name)
            let fixed = try BinaryRunner.run(["--fix", "--format", "json"], in: folder)
            XCTAssertNotEqual(fixed.status, 2, fixed.stderr)
            let remaining = BinaryRunner.diagnostics(fixed.stdout).filter { $0["rule"] as? String == name && !($0["fix"] is NSNull) }
            XCTAssertEqual(remaining.count, 0, "\(name): fixable findings left after --fix: \(remaining)")
            let once = try contents(folder)
            _ = try BinaryRunner.run(["--fix"], in: folder)
            XCTAssertEqual(try contents(folder), once, "\(name): a second --fix changes nothing")
        }
    }

    func testDryRunPrintsADiffAndChangesNothing() throws {
        let folder = try copyFixture("frontmatter-title-mismatch")
        let before = try contents(folder)
        let run = try BinaryRunner.run(["--fix-dry-run"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("--- a/"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n-title: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n+title: "), run.stdout)
        XCTAssertEqual(try contents(folder), before)
        XCTAssertEqual(run.stderr, "sot-lint: --fix-dry-run: would fix 1 finding in 1 file; nothing was written\n")
    }

    func testFixAndDryRunTogetherAreRefusedAndWriteNothing() throws {
        let folder = try copyFixture("frontmatter-title-mismatch")
        let before = try contents(folder)
        let run = try BinaryRunner.run(["--fix", "--fix-dry-run"], in: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("--fix and --fix-dry-run exclude each other"), run.stderr)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr)
        XCTAssertEqual(try contents(folder), before)
    }

    func testFixSaysWhatItChangedAndWhatRemains() throws {
        let folder = try copyFixture("frontmatter-title-mismatch")
        let run = try BinaryRunner.run(["--fix"], in: folder)
        XCTAssertTrue(run.stderr.hasSuffix("sot-lint: fixed 1 finding in 1 file; 0 findings remain\n"), run.stderr)
        let again = try BinaryRunner.run(["--fix"], in: folder)
        XCTAssertTrue(again.stderr.hasSuffix("sot-lint: fixed 0 findings in 0 files; 0 findings remain\n"), again.stderr)
    }

    func testCRLFPermissionsAndBytesOutsideTheEditsAreKept() throws {
        let text = ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")
            .replacingOccurrences(of: "title: Example", with: "title: Old name")
            .replacingOccurrences(of: "Local planning SOT only. Not a Core Protocol. Not active Core authority.\n\n", with: "")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try write("plan.md", text)
        let path = directory.appendingPathComponent("plan.md").path
        XCTAssertEqual(chmod(path, 0o600), 0)
        let run = try BinaryRunner.run(["--fix", "plan.md"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let fixed = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        let bytes = Array(fixed.utf8)
        let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
        XCTAssertTrue(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D }, "CRLF stays CRLF, inserted lines included")
        XCTAssertTrue(fixed.contains("title: Example\r\n"))
        XCTAssertTrue(fixed.contains("# Example\r\n\r\nLocal planning SOT only. Not a Core Protocol. Not active Core authority.\r\n"))
        let expected = text.replacingOccurrences(of: "title: Old name", with: "title: Example")
            .replacingOccurrences(of: "# Example\r\n", with: "# Example\r\n\r\nLocal planning SOT only. Not a Core Protocol. Not active Core authority.\r\n")
        XCTAssertEqual(fixed, expected, "nothing but the two edits changed")
        XCTAssertEqual(FilePath.permissions(path), 0o600)
    }

    /// A title with inline code equals the same H1 (no finding), and the fix of a stale title copies the
    /// H1 as written, backticks kept (a plain YAML scalar: a backtick is special only in front).
    func testInlineCodeInTheTitleAndTheFixKeepIt() throws {
        let body = "## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"
        let same = ExampleText.sot(body).replacingOccurrences(of: "title: Example", with: "title: Fix the `task create` flag")
            .replacingOccurrences(of: "# Example\n", with: "# Fix the `task create` flag\n")
        try write("same.md", same)
        let clean = try BinaryRunner.run(["same.md"], in: directory)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertFalse(clean.stdout.contains("frontmatter-title-mismatch"), clean.stdout)
        let other = same.replacingOccurrences(of: "CTO-WORK-001", with: "CTO-WORK-002")
        try write("stale.md", other.replacingOccurrences(of: "title: Fix the `task create` flag", with: "title: Old name"))
        let run = try BinaryRunner.run(["--fix", "stale.md"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let fixed = try String(contentsOf: directory.appendingPathComponent("stale.md"), encoding: .utf8)
        XCTAssertEqual(fixed, other)
    }

    func testSecretFindingsCarryNoFix() throws {
        try write("a.env", "TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8\n")
        let run = try BinaryRunner.run(["--format", "json", "--fix", "a.env"], in: directory)
        let findings = BinaryRunner.diagnostics(run.stdout)
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["secret-leak"])
        XCTAssertTrue(findings.first?["fix"] is NSNull)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("a.env"), encoding: .utf8),
                       "TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8\n")
    }
}
