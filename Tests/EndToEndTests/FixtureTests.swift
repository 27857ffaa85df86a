import Foundation
import XCTest

/// Runs the binary on every fixture workspace and compares rule, path, line and column exactly.
final class FixtureTests: XCTestCase {
    private var fixtures: URL { BinaryRunner.packageRoot.appendingPathComponent("fixtures") }

    func testSeedWorkspaceLintsClean() throws {
        let run = try BinaryRunner.run(["--format", "json", "fixtures/seed"], in: BinaryRunner.packageRoot)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let findings = BinaryRunner.diagnostics(run.stdout)
        XCTAssertEqual(findings.count, 0, "\(findings)")
    }

    func testSeedDocumentAloneGivesTheSameVerdictAsItsWorkspace() throws {
        let single = try BinaryRunner.run(["fixtures/seed/cto-case-local-provider-route-issues.md"], in: BinaryRunner.packageRoot)
        XCTAssertEqual(single.status, 0, single.stdout + single.stderr)
        XCTAssertEqual(single.stdout, "")
    }

    func testEveryRuleHasAnInvalidFixture() throws {
        let listing = try BinaryRunner.run(["rules"], in: BinaryRunner.packageRoot)
        let ids = listing.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertFalse(ids.isEmpty)
        for id in ids {
            let folder = fixtures.appendingPathComponent("invalid/\(id)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.json").path),
                          "fixtures/invalid/\(id)/expected.json is missing")
        }
    }

    func testInvalidFixturesReportExactlyTheExpectedFindings() throws {
        let root = fixtures.appendingPathComponent("invalid")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let folder = root.appendingPathComponent(name)
            let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
            let expectedObject = try JSONSerialization.jsonObject(with: expectedData) as? [String: Any]
            let expected = (expectedObject?["diagnostics"] as? [[String: Any]] ?? []).map(Self.key)
            let run = try Self.lint(folder)
            let actualDiagnostics = BinaryRunner.diagnostics(run.stdout)
            let actual = actualDiagnostics.map(Self.key)
            XCTAssertEqual(actual.sorted(), expected.sorted(), "fixture \(name): \(run.stdout)\(run.stderr)")
            let hasError = actualDiagnostics.contains { $0["severity"] as? String == "error" }
            XCTAssertEqual(run.status, hasError ? 1 : 0, "fixture \(name) exit status; stderr: \(run.stderr)")
            if name != "crlf-bom" {
                XCTAssertTrue(actual.contains { $0.hasSuffix(" " + name) }, "fixture \(name) does not trigger its rule")
            }
        }
    }

    /// Lints a fixture. A change-rule fixture holds `base/` and `head/`: base is committed in a temporary
    /// git repository, head becomes its working tree, and the run compares them with `--base HEAD`.
    private static func lint(_ folder: URL) throws -> BinaryRun {
        let base = folder.appendingPathComponent("base")
        guard FileManager.default.fileExists(atPath: base.path) else {
            return try BinaryRunner.run(["--format", "json"], in: folder)
        }
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repository) }
        try FileManager.default.copyItem(at: base, to: repository)
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"],
                          ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base"]] {
            XCTAssertEqual(try BinaryRunner.git(arguments, in: repository), 0)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: repository.path) where name != ".git" {
            try FileManager.default.removeItem(at: repository.appendingPathComponent(name))
        }
        let head = folder.appendingPathComponent("head")
        for name in try FileManager.default.contentsOfDirectory(atPath: head.path) {
            try FileManager.default.copyItem(at: head.appendingPathComponent(name), to: repository.appendingPathComponent(name))
        }
        return try BinaryRunner.run(["--format", "json", "--base", "HEAD"], in: repository)
    }

    /// "path line column rule", which sorts like the report does for these small fixtures.
    private static func key(_ diagnostic: [String: Any]) -> String {
        let line = diagnostic["line"] as? Int ?? -1
        let column = diagnostic["column"] as? Int ?? -1
        return "\(diagnostic["path"] as? String ?? "?") \(String(format: "%05d %05d", line, column)) \(diagnostic["rule"] as? String ?? "?")"
    }
}
