import Foundation
@testable import SOTLint

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

    func lint(_ names: [String]? = nil, today: String = RuleExample.defaultToday) throws -> LintReport {
        let paths = names?.map { path + "/" + $0 } ?? [path]
        guard let date = CalendarDate(today) else { throw SOTLintError.usage("bad date \(today)") }
        return try Linter.lint(LintRequest(paths: paths, config: .discover, today: date))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
