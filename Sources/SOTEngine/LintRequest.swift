import SOTSource
import SOTRules
import SOTModel

/// Which configuration a run uses.
public enum ConfigChoice: Sendable, Equatable {
    /// `.sot-lint.yml` of each file's project root, extending the defaults.
    case discover
    /// This file for every path (`--config FILE`).
    case file(String)
    /// The compiled-in defaults only (`--no-config`).
    case none
}

/// What one lint of a session looks at.
public struct LintRequest: Sendable {
    /// Files and folders as the user wrote them, relative to the session's working directory; empty
    /// means that directory.
    public var paths: [String]
    /// `--base REV`: also run the change rules against the workspace at this git revision.
    public var base: String?
    /// `--staged`: lint the index versions of the staged files (and compare with HEAD).
    public var staged: Bool = false
    /// `--stdin-filename PATH -`: one document read from standard input, linted as if it were PATH
    /// (its configuration, its project's workspace with this text in place of the file on disk).
    public var stdin: (path: String, bytes: [UInt8])?
    /// `--changed-since REV`: report only the findings in files that changed since git revision REV
    /// (committed, staged, changed or new); the workspace, and every rule's view of it, stays whole.
    public var changedSince: String?
    /// Leave out the findings each project's `.sot-lint-baseline.json` records (`--no-baseline`: false).
    public var usesBaseline = true
    /// `sot-lint secrets --history [RANGE]`: instead of the files, scan what each commit of this range
    /// (`git log` syntax) added to them.
    public var history: String?
    /// The content rules alone (the secret scan) and the project rules: no document is built, no other file
    /// of the workspace read, no cache read or written (`sot-lint secrets`). Their findings are the same as
    /// in a full lint.
    public var contentOnly = false
    /// Told the number of commits read so far during a history scan.
    public var progress: (@Sendable (Int) -> Void)?

    public init(paths: [String], base: String? = nil) {
        self.paths = paths
        self.base = base
    }
}

/// What a lint found, and the workspace it found it in.
public struct LintReport: Sendable {
    /// Sorted by path, line, column, rule.
    public private(set) var diagnostics: [Diagnostic]
    /// Number of files linted (not counting documents read only as workspace context).
    public let fileCount: Int
    /// The workspace of each project the lint touched, in root order.
    public let workspaces: [Workspace]
    /// Files that could not be read: each one line naming the file; the rest of the run went on.
    public let fileErrors: [SOTLintError]
    /// Documents whose workspace contribution came from the persistent cache instead of a parse.
    public let cacheHits: Int
    /// Projects whose rest of the workspace came from a save's focus digest (for tests and statistics).
    package var focusDigestHits = 0
    /// How many of the files linted are SOT documents (what was checked, for the closing line).
    public var documentCount = 0
    /// How many of the files linted were read as Markdown.
    public var markdownCount = 0
    /// False when the run did not read documents as documents (`contentOnly`, a history scan): then
    /// `documentCount` says nothing.
    public var countsDocuments = true
    /// A project of the run has a baseline: findings are new or recorded (SARIF `baselineState`).
    public var usedBaseline = false
    /// Findings the projects' baselines record: left out of `diagnostics` (SARIF shows them as `unchanged`).
    public var baselined: [Diagnostic] = []
    /// Baseline entries that no finding matches any more among the files linted: fixed since it was
    /// recorded (SARIF `absent`).
    public var fixedBaselineEntries: [FixedBaselineEntry] = []
    /// Configuration files that could not be read, whose last good profile this lint used instead (a
    /// session that retains analyses goes on that way; each is `SOTLintError.invalidConfiguration`).
    public var configurationProblems: [SOTLintError] = []
    /// Each linted project, in the order of `workspaces` (a lint that builds no workspace has none).
    public var projects: [Project] = []
    /// The team rules (`rule_files`) of the linted projects, each id once: what a SARIF log describes besides
    /// the built-in rules.
    public var teamRules: [RuleMetadata] = []

    /// A project of the run: its root as the working directory shows it, its configuration file, and what
    /// its ready queue may hold.
    public struct Project: Sendable, Equatable {
        public let root: String
        public let configPath: String?
        public let ready: ReadySettings
        /// Every file of the project was linted (its root was given): each document's secrets are among the findings.
        public let wholeProject: Bool
        /// What makes a document of the project an SOT document, as a document says it (`lifecycle_classification: sot`).
        public var sotMarker = "lifecycle_classification: sot"

        public init(root: String, configPath: String?, ready: ReadySettings, wholeProject: Bool = false) {
            self.root = root
            self.configPath = configPath
            self.ready = ready
            self.wholeProject = wholeProject
        }
    }

    public init(diagnostics: [Diagnostic], fileCount: Int, workspaces: [Workspace] = [], fileErrors: [SOTLintError] = [],
                cacheHits: Int = 0) {
        self.cacheHits = cacheHits
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.workspaces = workspaces
        self.fileErrors = fileErrors
    }

    public func count(_ severity: Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }

    /// Replaces the findings (sorted as `diagnostics` are).
    mutating func replaceDiagnostics(_ kept: [Diagnostic]) {
        diagnostics = kept
    }

    /// The same report with only the diagnostics `keep` accepts.
    public func filtered(_ keep: (Diagnostic) -> Bool) -> LintReport {
        var report = self
        report.diagnostics = diagnostics.filter(keep)
        return report
    }
}

/// A baseline entry no finding of the run matches: its rule, the file as the run shows its path, the
/// issue whose section held it, and how many findings it stood for.
public struct FixedBaselineEntry: Sendable, Equatable {
    public let rule: String
    public let path: String
    public let issue: String?
    public let count: Int
}

/// A baseline `sot-lint baseline` wrote: the file as the run shows its path, and what it holds.
public struct BaselineRecord: Sendable, Equatable {
    public let path: String
    public let findings: Int
    public let entries: Int
}
