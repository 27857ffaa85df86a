import Foundation
import XCTest

/// A secret committed and removed again inside one pull request: `--base` scans the lines each commit
/// added, and `sot-lint secrets --history` a whole history.
final class SecretHistoryTests: TemporaryDirectoryTestCase {
    private let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try git("init", "-q", "-b", "main")
        try write("notes.md", "# Notes\n\nNothing yet.\n")
        try commit("base")
        try git("tag", "base")
    }

    private func head() throws -> String {
        try gitOutput("rev-parse", "HEAD")
    }

    private func secrets(_ arguments: [String]) throws -> (status: Int32, findings: [String], stderr: String) {
        let run = try BinaryRunner.run(arguments + ["--format", "json"], in: directory)
        let findings = run.status == 2 ? [] : BinaryRunner.diagnostics(run.stdout).filter { $0["rule"] as? String == "secret-leak" }
            .map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? ""): \($0["message"] ?? "")" }
        return (run.status, findings, run.stderr)
    }

    /// Adds the token on line 5 of notes.md in one commit and removes it in the next; returns the first.
    private func addAndRemoveToken() throws -> String {
        try write("notes.md", "# Notes\n\nNothing yet.\n\nCI pushed with \(token) once.\n")
        try commit("add")
        let added = try head()
        try write("notes.md", "# Notes\n\nNothing yet.\n")
        try commit("remove")
        return String(added.prefix(12))
    }

    func testASecretAddedAndRemovedInTheRangeIsReportedWithItsCommit() throws {
        let commit = try addAndRemoveToken()
        let expected = "notes.md:5:16: In commit \(commit): GitHub personal access token (classic) (github-pat-classic, fingerprint "
        for arguments in [["--no-cache", "--base", "base"], ["secrets", "--history"], ["secrets", "--history", "base..HEAD"],
                          ["secrets", "--history", "base..", "notes.md"]] {
            let run = try secrets(arguments)
            XCTAssertEqual(run.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(run.findings.count, 1, "\(arguments): \(run.findings)")
            XCTAssertTrue(run.findings.first?.hasPrefix(expected) == true, "\(arguments): \(run.findings)")
            XCTAssertFalse(run.findings.joined().contains(token.dropFirst(4).prefix(8)))
        }
        // Outside the range, in another file, or with the token still there: not from history.
        XCTAssertEqual(try secrets(["secrets", "--history", "HEAD~1..HEAD"]).findings, [])
        try write("other.md", "# Other\n")
        XCTAssertEqual(try secrets(["secrets", "--history", "other.md"]).findings, [])
        XCTAssertEqual(try secrets(["--no-cache", "--base", "HEAD"]).findings, [])
    }

    func testASecretStillInTheFilesIsReportedOnceWhereItIsNow() throws {
        try write("notes.md", "# Notes\n\nNothing yet.\n\nCI pushed with \(token) once.\n")
        try commit("add")
        try write("notes.md", "# Notes\n\nMoved down.\n\nNothing yet.\n\nCI pushed with \(token) once.\n")
        try commit("move")
        let run = try secrets(["--no-cache", "--base", "base"])
        XCTAssertEqual(run.findings.count, 1, "\(run.findings)")
        XCTAssertTrue(run.findings.first?.hasPrefix("notes.md:7:16: GitHub personal access token") == true, "\(run.findings)")
    }

    func testAllowancesApplyToHistory() throws {
        try write("notes.md", "# Notes\n\n<!-- sot-lint-allow-secret github-pat-classic revoked test token -->\nUse \(token) here.\n")
        try commit("allowed in place")
        try write("notes.md", "# Notes\n")
        try commit("removed")
        XCTAssertEqual(try secrets(["secrets", "--history"]).findings, [])
        _ = try addAndRemoveToken()
        let message = try XCTUnwrap(try secrets(["secrets", "--history"]).findings.first)
        let fingerprint = try XCTUnwrap(message.range(of: "fingerprint ").map { message[$0.upperBound...].prefix(12) })
        try write(".sot-lint.yml", "secrets:\n  allow:\n    - {fingerprint: \(fingerprint), reason: revoked in 2026}\n")
        let allowed = try secrets(["secrets", "--history"])
        XCTAssertEqual(allowed.findings, [])
        XCTAssertEqual(allowed.status, 0)
    }

    func testABaselineRecordedWhileTheSecretWasThereCoversItsHistory() throws {
        try write("notes.md", "# Notes\n\nNothing yet.\n\nCI pushed with \(token) once.\n")
        try commit("add")
        XCTAssertEqual(try BinaryRunner.run(["baseline"], in: directory).status, 0)
        try write("notes.md", "# Notes\n\nNothing yet.\n")
        try commit("remove")
        XCTAssertEqual(try secrets(["secrets", "--history"]).findings, [])
        XCTAssertEqual(try secrets(["secrets", "--history", "--no-baseline"]).findings.count, 1)
    }

    func testSecretsWithoutHistoryReportsTheSecretRulesAlone() throws {
        // A Markdown file without front matter (an SOT finding for lint) that holds a token.
        try write("notes.md", "# Notes\n\nCI pushed with \(token) once.\n\n## CTO-WORK-001 Broken heading\n\nStatus: open.\n")
        let lint = try BinaryRunner.run(["--format", "json", "--no-cache", "notes.md"], in: directory)
        XCTAssertGreaterThan(BinaryRunner.diagnostics(lint.stdout).count, 1)
        let run = try BinaryRunner.run(["secrets", "--format", "json", "notes.md"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(BinaryRunner.diagnostics(run.stdout).map { $0["rule"] as? String }, ["secret-leak"])
    }

    func testSecretsAloneFindsWhatLintFindsOnEveryFixtureWithoutBuildingDocuments() throws {
        // `sot-lint secrets` builds no document and reads no other file: its findings must still be lint's.
        func secretFindings(_ arguments: [String]) throws -> [String] {
            let run = try BinaryRunner.run(arguments + ["--format", "json", "--no-baseline", "fixtures"], in: BinaryRunner.packageRoot)
            return BinaryRunner.diagnostics(run.stdout).filter { ["secret-leak", "secret-allow-unused"].contains($0["rule"] as? String) }
                .map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? ""): \($0["rule"] ?? "") \($0["message"] ?? "")" }
        }
        let lint = try secretFindings(["--no-cache"])
        XCTAssertGreaterThanOrEqual(lint.count, 4)
        XCTAssertEqual(try secretFindings(["secrets"]), lint)
        // Nothing written to a cache, and the closing line does not count documents it never read as such.
        try write("notes.md", "# Notes\n\nCI pushed with \(token) once.\n")
        let run = try BinaryRunner.run(["secrets", "notes.md"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("1 error, 0 warnings, 0 infos in 1 file\n"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".sot-lint-cache").path))
    }

    func testAMissingObjectIsOneLineNamingGitsReason() throws {
        _ = try addAndRemoveToken()
        // A partial clone, or a damaged one: the blob the first commit added is not there.
        let blob = try gitOutput("rev-parse", "HEAD~1:notes.md")
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let run = try secrets(["secrets", "--history"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("cannot read the history HEAD (git log failed: fatal: unable to read \(blob)"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
    }

    func testAProgressLineOnATerminalOnly() throws {
        _ = try addAndRemoveToken()
        // util-linux `script` gives the run a terminal; without one (every other test) there is no progress line.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: script.path), "no `script` to give the run a terminal")
        let command = "'\(BinaryRunner.binary.path)' secrets --history --format json"
        let run = try BinaryRunner.run(["-qec", command, "/dev/null"], in: directory, executable: script.path)
        XCTAssertTrue(run.stdout.contains("sot-lint: history: "), run.stdout)
        XCTAssertTrue(run.stdout.contains(" commits read"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\r\u{1B}[K"), "the line is cleared before the report")
        XCTAssertFalse(try secrets(["secrets", "--history"]).stderr.contains("history:"))
    }

    func testAnUnknownRangeIsOneLineAndExitTwo() throws {
        let run = try secrets(["secrets", "--history", "nosuch..HEAD"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("sot-lint: nosuch..HEAD: not a revision range of "), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
    }
}
