import ArgumentParser
import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine
import SOTReport
import SOTFix
#if canImport(Glibc)
import Glibc
#endif

/// Options every command that reads documents shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of each project's .sot-lint.yml.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .sot-lint.yml files; use the built-in profile only.")
    var noConfig = false

    func choice() throws -> ConfigChoice {
        if noConfig, config != nil { throw ValidationError("--config and --no-config exclude each other") }
        if let config { return .file(config) }
        return noConfig ? .none : .discover
    }

    /// A session in the current folder with this configuration choice.
    func session(cache: LintSession.CacheChoice = .disabled, detail: ModelDetail = .index) throws -> LintSession {
        LintSession(LintSession.Options(workingDirectory: FilePath.currentDirectory(), config: try choice(),
                                        today: try Environment.today(), cache: cache, detail: detail))
    }
}

/// Where `lint` keeps its persistent workspace index.
struct CacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Use no persistent cache: read and parse every document.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Keep the cache in DIR instead of each project's .sot-lint-cache/.", valueName: "DIR"))
    var cacheDir: String?

    func choice() throws -> LintSession.CacheChoice {
        if noCache, cacheDir != nil { throw ValidationError("--cache-dir and --no-cache exclude each other") }
        if let cacheDir { return .directory(cacheDir) }
        return noCache ? .disabled : .projectFolder
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint files and folders (the default command).")

    @Argument(help: "Files and folders to lint (default: the current folder).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var cacheOptions: CacheOptions

    @Option(name: .long, help: ArgumentHelp("Also run the change rules against git revision REV.", valueName: "REV"))
    var base: String?

    @Flag(name: .long, help: "Lint what the next commit will contain: the index version of every staged file (base: HEAD).")
    var staged = false

    @Option(name: .long, help: ArgumentHelp("Report only findings in files changed since git revision REV (the workspace stays whole).", valueName: "REV"))
    var changedSince: String?

    @Flag(name: .long, help: "Report every finding, also those the project's .sot-lint-baseline.json records.")
    var noBaseline = false

    @Option(name: .long, help: ArgumentHelp("Read one document from standard input (the path `-`) and lint it as if it were PATH.", valueName: "PATH"))
    var stdinFilename: String?

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Apply the safe fixes rules offer, in place (atomic writes), then report what is left.")
    var fix = false

    @Flag(name: .long, help: "Print the fixes as a unified diff; change nothing.")
    var fixDryRun = false

    @Flag(name: .long, help: "Report errors only.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Exit 1 when there are more than N warnings.", valueName: "N"))
    var maxWarnings: Int?

    @Option(name: .long, help: "Colour text output: auto, always or never (NO_COLOR is respected).")
    var color: ColorChoice = .auto

    func run() throws {
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings needs a number of 0 or more") }
        if fix, fixDryRun { throw ValidationError("--fix and --fix-dry-run exclude each other: --fix-dry-run shows the fixes and changes nothing") }
        if staged, !paths.isEmpty { throw ValidationError("--staged lints the staged files; give no paths with it") }
        if paths.contains("-") != (stdinFilename != nil) || (stdinFilename != nil && paths != ["-"]) {
            throw ValidationError("read standard input with `--stdin-filename PATH -`: both, and no other path")
        }
        var request = LintRequest(paths: stdinFilename == nil ? paths : [], base: base)
        request.staged = staged
        request.changedSince = changedSince
        request.usesBaseline = !noBaseline
        if let stdinFilename { request.stdin = (stdinFilename, try FilePath.readAll(STDIN_FILENO, path: "standard input")) }
        let session = try configOptions.session(cache: try cacheOptions.choice())
        var fixed: [Fixer.Change] = []
        if fix || fixDryRun {
            guard !staged, stdinFilename == nil else { throw ValidationError("--fix works on files, not on --staged or standard input") }
            fixed = try Fixer.fix(request, in: session, write: fix)
            if fixDryRun {
                Output.write(fixed.map { UnifiedDiff.render(path: $0.path, before: $0.before, after: $0.after) }.joined())
                Output.error("--fix-dry-run: would fix \(Self.fixes(fixed)); nothing was written")
                return
            }
        }
        let report = try session.lint(request)
        ProcessLifetime.keep(session)
        // Paths named, Markdown among them, and not one SOT document: say so rather than pass in silence.
        if !paths.isEmpty, stdinFilename == nil, !quiet, report.countsDocuments, report.documentCount == 0, report.markdownCount > 0 {
            Output.error("no SOT document among the \(report.markdownCount) Markdown \(report.markdownCount == 1 ? "file" : "files") of "
                         + paths.joined(separator: ", ") + ": a document is one when its front matter says `"
                         + Self.markerExample(report) + "` or its path matches `sot_documents.paths` (docs/configuration.md)")
        }
        try ReportOutput(format: format, output: output, quiet: quiet, color: color, maxWarnings: maxWarnings)
            .emit(report, fixed: fix ? fixed : nil)
    }

    /// The marker a document of the report's first project would need (`lifecycle_classification: sot`).
    static func markerExample(_ report: LintReport) -> String {
        report.projects.first?.sotMarker ?? "lifecycle_classification: sot"
    }

    /// "3 findings in 2 files": each fix applied resolves one finding.
    static func fixes(_ changes: [Fixer.Change]) -> String {
        let count = changes.reduce(0) { $0 + $1.fixes }
        return "\(count) \(count == 1 ? "finding" : "findings") in \(changes.count) \(changes.count == 1 ? "file" : "files")"
    }
}

/// How a command that reports findings writes them: the format, the file, the closing line, the exit status.
struct ReportOutput {
    let format: OutputFormat
    let output: String?
    let quiet: Bool
    let color: ColorChoice
    let maxWarnings: Int?

    /// Writes `report` and ends the way the exit status documents; `fixed`: what `--fix` changed.
    func emit(_ report: LintReport, fixed: [Fixer.Change]? = nil) throws {
        var report = report
        ProcessLifetime.keep(report)
        // Counted before --quiet hides them: the warning gate holds whatever is shown.
        let warnings = report.count(.warning)
        let remaining = report.diagnostics.count
        if quiet { report = report.filtered { $0.severity == .error } }
        let reporter: any Reporter
        var closingLine: String?
        switch format {
        case .text:
            let textReporter = TextReporter(color: output == nil && Output.useColor(color.rawValue))
            if !quiet || !report.diagnostics.isEmpty { closingLine = textReporter.summary(report) }
            reporter = textReporter
        case .json: reporter = JSONReporter()
        case .sarif: reporter = SARIFReporter(version: SOTLintVersion.current, rules: RuleSet.builtIn.rules.map(\.metadata) + report.teamRules)
        case .github: reporter = GitHubReporter()
        case .junit: reporter = JUnitReporter()
        }
        // The report's bytes go out as the reporter made them: a large report is never copied into a String.
        if let output {
            var bytes: [UInt8] = []
            reporter.write(report) { bytes.append(contentsOf: $0) }
            try AtomicFile.write(bytes, to: output, mode: 0o644)
        } else {
            reporter.write(report) { Output.write(bytes: $0) }
        }
        // After the findings: files that could not be read (they did not stop the run; one line each), what
        // was checked, what --fix changed, and why the exit status is what it is.
        for error in report.fileErrors { Output.error(error.description) }
        if let closingLine { Output.error(closingLine) }
        if let fixed { Output.error("fixed \(LintCommand.fixes(fixed)); \(remaining) \(remaining == 1 ? "finding remains" : "findings remain")") }
        if !report.fileErrors.isEmpty { throw ExitCode(2) }
        var tooManyWarnings = false
        if let maxWarnings, warnings > maxWarnings {
            tooManyWarnings = true
            Output.error("\(warnings) \(warnings == 1 ? "warning" : "warnings"), more than --max-warnings \(maxWarnings) allows")
        }
        if report.count(.error) > 0 || tooManyWarnings { throw ExitCode(1) }
    }
}

