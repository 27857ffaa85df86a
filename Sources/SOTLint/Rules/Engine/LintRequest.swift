/// Which configuration a run uses.
public enum ConfigChoice: Sendable, Equatable {
    /// `.sot-lint.yml` of each file's project root, extending the defaults.
    case discover
    /// This file for every path (`--config FILE`).
    case file(String)
    /// The compiled-in defaults only (`--no-config`).
    case none
}

/// What to lint.
public struct LintRequest: Sendable {
    /// Files and folders as the user wrote them; empty means the current folder.
    public var paths: [String]
    public var config: ConfigChoice
    public var today: CalendarDate
    /// `--base REV`: also run the change rules against the workspace at this git revision.
    public var base: String?
    /// `--staged`: lint the index versions of the staged files (and compare with HEAD).
    public var staged: Bool = false
    /// `--stdin-filename PATH -`: one document read from standard input, linted as if it were PATH
    /// (its configuration, its project's workspace with this text in place of the file on disk).
    public var stdin: (path: String, bytes: [UInt8])?

    public init(paths: [String], config: ConfigChoice = .discover, today: CalendarDate = .today(), base: String? = nil) {
        self.paths = paths
        self.config = config
        self.today = today
        self.base = base
    }
}

/// What a run found.
public struct LintReport: Sendable {
    /// Sorted by path, line, column, rule.
    public let diagnostics: [Diagnostic]
    /// Number of files linted (not counting documents read only as workspace context).
    public let fileCount: Int

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    public func count(_ severity: Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }
}
