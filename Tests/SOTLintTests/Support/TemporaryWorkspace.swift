import Foundation
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// A folder of files under the temporary directory, marked as a project root, removed on deinit.
final class TemporaryWorkspace {
    let path: String

    init(files: [(name: String, text: String)], config: String? = nil) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
        try (config ?? "# test project root\n").write(toFile: path + "/.sot-lint.yml", atomically: true, encoding: .utf8)
        for file in files {
            let target = path + "/" + file.name
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: target))
        }
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func lint(_ names: [String]? = nil, today: String = RuleExample.defaultToday, base: String? = nil) throws -> LintReport {
        let paths = names?.map { path + "/" + $0 } ?? [path]
        guard let date = CalendarDate(today) else { throw SOTLintError.usage("bad date \(today)") }
        let session = LintSession(LintSession.Options(workingDirectory: FilePath.currentDirectory(), today: date))
        return try session.lint(LintRequest(paths: paths, base: base))
    }

    /// `git init` (if need be), then commit everything as it is now.
    func commitAll(_ message: String = "base") throws {
        if !FileManager.default.fileExists(atPath: path + "/.git") { try git(["init", "-q", "-b", "main"]) }
        try git(["add", "-A"])
        try git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", message])
    }

    /// Replaces the working tree's files (not `.git`, not `.sot-lint.yml`) with `files`.
    func replaceFiles(with files: [(name: String, text: String)]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name != ".git" && name != ".sot-lint.yml" {
            try FileManager.default.removeItem(atPath: path + "/" + name)
        }
        for file in files {
            let target = path + "/" + file.name
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: target))
        }
    }

    func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SOTLintError.git("git \(arguments.joined(separator: " ")) failed") }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
