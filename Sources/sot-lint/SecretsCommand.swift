import ArgumentParser
import Dispatch
import Foundation
import SOTSource
import SOTRules
import SOTEngine
import SOTReport
#if canImport(Glibc)
import Glibc
#endif

struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Scan files for secrets only; with --history, what every commit of a range added.",
        discussion: """
        Without --history, the secret rules alone (secret-leak, secret-allow-unused) over the files: the \
        findings `lint` gives them, without building documents, reading the rest of the workspace or using the \
        cache. With --history, the first argument may be a revision range in git log syntax \
        (`main..HEAD`, `v1.2..`, a commit for its whole history; default HEAD, the current branch's whole \
        history) — it is one when it contains `..` or is not a file or folder; the files and folders after it \
        limit the scan. Each commit's added lines are scanned; a finding names the commit and the line in \
        that commit's file, and a value added again later is reported once, at its first commit. Merges add \
        nothing of their own. `secrets.allow`, allow comments and `secrets.detectors` apply, and so does \
        the project's baseline for a value it records in the file. On a terminal, a progress line counts the \
        commits read. Exit status as for lint.
        """)

    @Flag(name: .long, help: "Scan what the commits of a revision range added instead of the files.")
    var history = false

    @Argument(help: ArgumentHelp("With --history, optionally a revision range first; then files and folders (default: the current folder).",
                                 valueName: "range-or-path"))
    var arguments: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "Report every finding, also those the project's .sot-lint-baseline.json records.")
    var noBaseline = false

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Report errors only.")
    var quiet = false

    @Option(name: .long, help: "Colour text output: auto, always or never (NO_COLOR is respected).")
    var color: ColorChoice = .auto

    func run() throws {
        var paths = arguments
        var range: String?
        if history {
            range = "HEAD"
            if let first = paths.first, first.contains("..") || FilePath.kind(first) == nil {
                range = first
                paths.removeFirst()
            }
        }
        var request = LintRequest(paths: paths)
        request.usesBaseline = !noBaseline
        request.history = range
        request.contentOnly = true
        let session = try configOptions.session()
        var progress: HistoryProgress?
        if let range, isatty(STDERR_FILENO) != 0 {
            let shown = HistoryProgress(total: try? GitRepository.find(from: FilePath.currentDirectory(), purpose: "--history")
                .commitCount(range: range))
            request.progress = { shown.show($0) }
            progress = shown
        }
        // The progress line is gone before the report or an error is written.
        let report: LintReport
        do {
            report = try session.lint(request)
        } catch {
            progress?.clear()
            throw error
        }
        progress?.clear()
        try emit(report)
    }

    private func emit(_ report: LintReport) throws {
        let secretRules = Set(RuleSet.builtIn.rules.map(\.metadata).filter { $0.category == .secrets }.map(\.id))
        try ReportOutput(format: format, output: output, quiet: quiet, color: color, maxWarnings: nil)
            .emit(report.filtered { secretRules.contains($0.rule) })
    }
}

/// `sot-lint: history: 1,234 of 5,678 commits` on standard error, rewritten in place at most ten times a second.
final class HistoryProgress: @unchecked Sendable {
    private let total: Int?
    private var shownAt: UInt64 = 0
    private var shown = false

    init(total: Int?) {
        self.total = total
    }

    func show(_ commits: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - shownAt >= 100_000_000 else { return }
        shownAt = now
        shown = true
        let of = total.map { " of \($0)" } ?? ""
        let line = "\rsot-lint: history: \(commits)\(of) commits read\u{1B}[K"
        _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
    }

    func clear() {
        guard shown else { return }
        shown = false
        let line = "\r\u{1B}[K"
        _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
    }
}
