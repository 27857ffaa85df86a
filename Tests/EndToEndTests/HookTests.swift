import Foundation
import XCTest
@testable import SOTRules

/// `sot-lint hook install/uninstall`, and `.pre-commit-hooks.yaml` with the real pre-commit framework.
final class HookTests: TemporaryDirectoryTestCase {
    private let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try BinaryRunner.git(["init", "-q", "-b", "main"], in: directory), 0)
    }

    private func commit(_ message: String) throws -> Int32 {
        XCTAssertEqual(try BinaryRunner.git(["add", "-A"], in: directory), 0)
        return try BinaryRunner.git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", message], in: directory)
    }

    private var hooks: URL { directory.appendingPathComponent(".git/hooks") }

    func testInstalledHooksRefuseSecretsAndPassCleanCommits() throws {
        let install = try BinaryRunner.run(["hook", "install"], in: directory)
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hooks.appendingPathComponent("pre-commit").path))
        try write("deploy.env", "TOKEN=\(token)\n")
        XCTAssertNotEqual(try commit("add deploy"), 0, "a staged secret is refused")
        try write("deploy.env", "TOKEN=${TOKEN}\n")
        XCTAssertNotEqual(try commit("uses \(token)"), 0, "a secret in the message is refused")
        XCTAssertEqual(try commit("add deploy"), 0, "a clean commit passes")
        try write("plan.md", "---\nlifecycle_classification: sot\n---\n# Plan\n")
        XCTAssertNotEqual(try commit("add plan"), 0, "a planted SOT defect is refused")
    }

    func testForeignHooksAreNeverClobberedAndUninstallRemovesOnlyOurs() throws {
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let foreign = "#!/bin/sh\necho mine\n"
        try foreign.write(to: hooks.appendingPathComponent("pre-commit"), atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["hook", "install"], in: directory)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("was not installed by sot-lint; run `sot-lint hook install --chain` to run it first, "
                                              + "or `--force` to replace it"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8), foreign)
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("commit-msg").path), "nothing half-written")
        let forced = try BinaryRunner.run(["hook", "install", "--force"], in: directory)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit.backup"), encoding: .utf8), foreign)
        try foreign.write(to: hooks.appendingPathComponent("commit-msg"), atomically: true, encoding: .utf8)
        let uninstall = try BinaryRunner.run(["hook", "uninstall"], in: directory)
        XCTAssertEqual(uninstall.status, 0)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8), foreign,
                       "the hook --force replaced is put back")
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.backup").path))
        XCTAssertTrue(uninstall.stdout.contains("restored "), uninstall.stdout)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("commit-msg"), encoding: .utf8), foreign, "not ours: kept")
        // Installing again over a foreign hook whose backup slot is taken would lose a hook: refused, nothing written.
        try foreign.write(to: hooks.appendingPathComponent("pre-commit.backup"), atomically: true, encoding: .utf8)
        let taken = try BinaryRunner.run(["hook", "install", "--force"], in: directory)
        XCTAssertEqual(taken.status, 2)
        XCTAssertTrue(taken.stderr.contains("pre-commit.backup exists already"), taken.stderr)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8), foreign)
        XCTAssertEqual(try BinaryRunner.run(["hook", "install", "--force", "--chain"], in: directory).status, 2)
    }

    func testChainedHooksRunTheExistingHookFirstAndUninstallPutsItBack() throws {
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let ran = directory.appendingPathComponent("ran.txt")
        // The team's own hook: records that it ran, and refuses commits whose message file names "wip".
        let own = "#!/bin/sh\necho ran >> '\(ran.path)'\n[ -z \"$1\" ] || ! grep -q wip \"$1\"\n"
        for name in ["pre-commit", "commit-msg"] {
            let path = hooks.appendingPathComponent(name).path
            try own.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(chmod(path, 0o755), 0)
        }
        let install = try BinaryRunner.run(["hook", "install", "--chain"], in: directory)
        XCTAssertEqual(install.status, 0, install.stderr)
        try write("notes.txt", "nothing secret\n")
        XCTAssertEqual(try commit("first"), 0, "both hooks pass")
        XCTAssertEqual(try String(contentsOf: ran, encoding: .utf8), "ran\nran\n", "the existing pre-commit and commit-msg hooks ran")
        try write("notes.txt", "still nothing\n")
        XCTAssertNotEqual(try commit("wip"), 0, "the existing hook's refusal stops the commit")
        try write("deploy.env", "TOKEN=\(token)\n")
        XCTAssertNotEqual(try commit("deploy"), 0, "sot-lint still refuses a staged secret")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("deploy.env"))
        // A plain `hook install` later keeps the chain: the existing hooks still run.
        XCTAssertEqual(try BinaryRunner.run(["hook", "install"], in: directory).status, 0)
        try "".write(to: ran, atomically: true, encoding: .utf8)
        XCTAssertEqual(try commit("second"), 0)
        XCTAssertEqual(try String(contentsOf: ran, encoding: .utf8), "ran\nran\n")
        XCTAssertEqual(try BinaryRunner.run(["hook", "uninstall"], in: directory).status, 0)
        for name in ["pre-commit", "commit-msg"] {
            XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent(name), encoding: .utf8), own, "\(name) is the team's again")
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hooks.appendingPathComponent(name).path))
        }
    }

    func testPreCommitFrameworkUsesTheManifest() throws {
        // A repository that publishes this package's .pre-commit-hooks.yaml, as pre-commit clones it.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-precommit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let hookRepository = outside.appendingPathComponent("hook-source")
        try FileManager.default.createDirectory(at: hookRepository, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hookRepository.appendingPathComponent(".pre-commit-hooks.yaml"))
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"],
                          ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "hooks"]] {
            XCTAssertEqual(try BinaryRunner.git(arguments, in: hookRepository), 0)
        }
        try write(".pre-commit-config.yaml", """
        repos:
          - repo: \(hookRepository.path)
            rev: main
            hooks:
              - id: sot-lint
              - id: sot-lint-secrets
        """)
        let binaries = BinaryRunner.binary.deletingLastPathComponent().path
        let environment = ["PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "PRE_COMMIT_HOME": outside.appendingPathComponent("cache").path]
        let install = try BinaryRunner.run(["-c", "pre-commit install"], in: directory, environment: environment, executable: "/bin/sh")
        XCTAssertEqual(install.status, 0, "pre-commit must be installed (scripts/test.sh does it): \(install.stdout)\(install.stderr)")
        XCTAssertEqual(try commitWith(environment, "config"), 0)
        try write("notes.txt", "token \(token)\n")
        XCTAssertNotEqual(try commitWith(environment, "secret"), 0, "pre-commit refuses a staged secret")
        try write("notes.txt", "no secret here\n")
        try write("plan.md", "---\nlifecycle_classification: sot\n---\n# Plan\n")
        XCTAssertNotEqual(try commitWith(environment, "defect"), 0, "pre-commit refuses a planted SOT defect")
        try write("plan.md", "# Plain notes\n\nNothing to plan.\n")
        XCTAssertEqual(try commitWith(environment, "clean"), 0, "a clean commit passes")
        // The change rules run too, against HEAD, as `sot-lint --staged` and `hook install` do.
        let done = ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: done.\n\nAcceptance:\n\n- Works.\n")
        try write("plan.md", done)
        XCTAssertEqual(try commitWith(environment, "done"), 0, "a valid document is committed")
        try write("plan.md", done.replacingOccurrences(of: "Status: done.", with: "Status: open."))
        XCTAssertNotEqual(try commitWith(environment, "reopen"), 0, "reopening a done issue is refused, as `--staged` refuses it")
    }

    private func commitWith(_ environment: [String: String], _ message: String) throws -> Int32 {
        XCTAssertEqual(try BinaryRunner.git(["add", "-A"], in: directory), 0)
        let run = try BinaryRunner.run(["-c", "git -c user.name=t -c user.email=t@example.invalid commit -q -m \(message)"],
                                       in: directory, environment: environment, executable: "/bin/sh")
        return run.status
    }
}
