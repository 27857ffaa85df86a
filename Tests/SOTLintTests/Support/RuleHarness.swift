import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// The in-memory harness for rules: documents as text, the project's configuration as text, a day,
/// and the diagnostics the engine returns — no files, no git, no process.
enum RuleHarness {
    static func lint(files: [MemoryFile], config: String? = nil, today: String = RuleExample.defaultToday,
                     base: [MemoryFile]? = nil) throws -> LintReport {
        guard let date = CalendarDate(today) else { throw SOTLintError.usage("bad date \(today)") }
        let session = LintSession(LintSession.Options(workingDirectory: "/", today: date))
        return try session.lint(files: files, config: config, base: base)
    }

    /// One document named `plan.md`.
    static func lint(_ text: String, config: String? = nil, today: String = RuleExample.defaultToday) throws -> LintReport {
        try lint(files: [MemoryFile(path: "plan.md", text: text)], config: config, today: today)
    }
}
