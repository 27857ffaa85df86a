import Foundation
import XCTest
@testable import SOTSource
@testable import SOTRules

/// `scripts/install.sh` puts a binary that runs on its own under a prefix; the changelog and
/// `--version` name the same version.
final class InstallTests: TemporaryDirectoryTestCase {
    private var script: String { BinaryRunner.packageRoot.appendingPathComponent("scripts/install.sh").path }

    private func install(_ arguments: [String]) throws -> BinaryRun {
        try BinaryRunner.run(["-c", "bash \"$0\" \"$@\"", script] + arguments, in: directory, executable: "/bin/sh")
    }

    func testInstallPutsARunnableBinaryUnderThePrefix() throws {
        let prefix = directory.appendingPathComponent("opt tools")
        let run = try install(["--prefix", prefix.path, "--binary", BinaryRunner.binary.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let installed = prefix.appendingPathComponent("bin/sot-lint")
        XCTAssertEqual(run.stdout, "installed \(installed.path) (\(SOTLintVersion.current))\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed.path))
        // From a folder of its own, with no toolchain on PATH.
        try write("plan.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: blokced.\n\nAcceptance:\n\n- Works.\n"))
        let lint = try BinaryRunner.run(["plan.md"], in: directory, environment: ["PATH": "/usr/bin:/bin"], executable: installed.path)
        XCTAssertEqual(lint.status, 1, lint.stderr)
        XCTAssertTrue(lint.stdout.contains("[status-unknown]"), lint.stdout)
        // Installing again replaces it in one rename; nothing is left beside it.
        XCTAssertEqual(try install(["--prefix", prefix.path, "--binary", BinaryRunner.binary.path]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("bin").path), ["sot-lint"])
    }

    func testInstallRefusesWhatItCannotInstall() throws {
        try write("not-a-binary", "text\n")
        let bad = try install(["--prefix", directory.appendingPathComponent("p").path, "--binary", directory.appendingPathComponent("not-a-binary").path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr.filter { $0 == "\n" }.count, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("not-a-binary: not an executable file"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("p/bin/sot-lint").path))
        XCTAssertEqual(try install(["--frobnicate"]).status, 2)
    }

    func testTheChangelogAndVersionAgree() throws {
        let changelog = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let first = changelog.split(separator: "\n").first { $0.hasPrefix("## ") }
        XCTAssertTrue(first?.hasPrefix("## \(SOTLintVersion.current)") ?? false, "CHANGELOG.md's first version is \(SOTLintVersion.current): \(first ?? "none")")
        let version = try BinaryRunner.run(["--version"], in: directory)
        XCTAssertEqual(version.stdout, SOTLintVersion.current + "\n")
    }
}
