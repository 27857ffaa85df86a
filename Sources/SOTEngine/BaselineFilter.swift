import SOTSource
import SOTModel
import SOTRules

/// Where each finding of a run belongs — its project, its path there, the issue whose section holds it —
/// and what each project's baseline makes of the findings.
struct BaselineFilter: Sendable {
    /// Project roots of the run, longest first: the first that holds a path owns it.
    private let roots: [String]
    private let wholeProjects: Set<String>
    /// The files linted, by project root, relative to it.
    private let linted: [String: Set<String>]
    /// Projects with a file linted, in root order.
    private let lintedRoots: [String]
    private let rootOfDisplay: [String: String]
    private let absoluteOfDisplay: [String: String]
    private let documents: [String: WorkspaceDocument]
    private let workingDirectory: String

    init(inputs: LintInputs, report: LintReport, workingDirectory: String) {
        self.workingDirectory = workingDirectory
        roots = inputs.projects.keys.sorted { $0.utf8.count > $1.utf8.count }
        wholeProjects = inputs.wholeProjects
        var linted: [String: Set<String>] = [:]
        var rootOfDisplay: [String: String] = [:]
        var absoluteOfDisplay: [String: String] = [:]
        for target in inputs.targets {
            linted[target.project, default: []].insert(FilePath.relative(target.absolutePath, to: target.project))
            rootOfDisplay[target.displayPath] = target.project
            absoluteOfDisplay[target.displayPath] = target.absolutePath
        }
        self.linted = linted
        lintedRoots = Set(inputs.targets.map(\.project)).union(inputs.stagedProjects).sorted()
        self.rootOfDisplay = rootOfDisplay
        self.absoluteOfDisplay = absoluteOfDisplay
        var documents: [String: WorkspaceDocument] = [:]
        for workspace in report.workspaces {
            for document in workspace.documents { documents[document.path] = document }
        }
        self.documents = documents
    }

    /// The projects with a file linted that have a baseline, with its file: only for them is a filter
    /// worth building.
    static func files(_ inputs: LintInputs, workingDirectory: String) -> [(root: String, absolute: String, display: String)] {
        Set(inputs.targets.map(\.project)).union(inputs.stagedProjects).sorted().compactMap { root in
            let file = Self.file(of: root, workingDirectory: workingDirectory)
            return FilePath.exists(file.absolute) ? (root, file.absolute, file.display) : nil
        }
    }

    /// The project of each finding and its baseline key (nil outside every project of the run), computed
    /// in parallel chunks.
    private func keys(_ diagnostics: [Diagnostic]) -> [(root: String, key: Baseline.Key)?] {
        let chunk = 2048
        let chunks = ParallelResults<[(root: String, key: Baseline.Key)?]>.map((diagnostics.count + chunk - 1) / chunk) { index in
            diagnostics[(index * chunk)..<min(diagnostics.count, (index + 1) * chunk)].map(key)
        }
        return Array(chunks.joined())
    }

    private func key(_ diagnostic: Diagnostic) -> (root: String, key: Baseline.Key)? {
        let absolute = absoluteOfDisplay[diagnostic.path] ?? FilePath.normalized(FilePath.absolute(diagnostic.path, base: workingDirectory))
        guard let root = rootOfDisplay[diagnostic.path] ?? roots.first(where: { absolute.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            return nil
        }
        let issue = documents[diagnostic.path].flatMap { Self.issue(holding: diagnostic.range.start.line, in: $0) }
        return (root, Baseline.key(rule: diagnostic.rule, path: FilePath.relative(absolute, to: root), issue: issue, message: diagnostic.message))
    }

    /// The ID of the last issue whose heading is on or before `line`: the section that holds the line.
    private static func issue(holding line: Int, in document: WorkspaceDocument) -> String? {
        var low = 0
        var high = document.issues.count
        while low < high {
            let middle = (low + high) / 2
            if document.issues[middle].idRange.start.line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : document.issues[low - 1].id
    }

    /// A project's baseline file, absolute and as the run shows it.
    private static func file(of root: String, workingDirectory: String) -> (absolute: String, display: String) {
        let absolute = FilePath.join(root, Baseline.fileName)
        return (absolute, FilePath.relative(absolute, to: workingDirectory))
    }

    /// The report without the findings the baselines record; those, and the entries fixed since, are
    /// kept beside it. An entry counts as fixed only when its file was linted (or its whole project was).
    /// `files`: the baselines of the run (`files(_:workingDirectory:)`).
    func apply(to report: LintReport, files: [(root: String, absolute: String, display: String)]) throws(SOTLintError) -> LintReport {
        guard !files.isEmpty else { return report }
        // The baselines are read while the findings' keys are computed.
        let diagnostics = report.diagnostics
        let (keys, loaded) = concurrently({ self.keys(diagnostics) }) { () -> Result<[String: Baseline], SOTLintError> in
            var baselines: [String: Baseline] = [:]
            for file in files {
                do throws(SOTLintError) {
                    if let baseline = try Baseline.load(file.absolute, display: file.display) { baselines[file.root] = baseline }
                } catch {
                    return .failure(error)
                }
            }
            return .success(baselines)
        }
        let baselines = try loaded.get()
        var positions: [String: [Int]] = [:]
        for (position, place) in keys.enumerated() {
            if let place, baselines[place.root] != nil { positions[place.root, default: []].append(position) }
        }
        var recorded = Set<Int>()
        var fixed: [FixedBaselineEntry] = []
        for (root, baseline) in baselines {
            let own = positions[root] ?? []
            let (matched, unmatched) = baseline.match(own.compactMap { keys[$0]?.key })
            for index in matched { recorded.insert(own[index]) }
            let lintedHere = linted[root] ?? []
            for (key, count) in unmatched where wholeProjects.contains(root) || lintedHere.contains(key.path) {
                fixed.append(FixedBaselineEntry(rule: key.rule, path: FilePath.relative(FilePath.join(root, key.path), to: workingDirectory),
                                                issue: key.issue, count: count))
            }
        }
        var result = report
        result.usedBaseline = true
        var kept: [Diagnostic] = []
        var baselined: [Diagnostic] = []
        for (position, diagnostic) in report.diagnostics.enumerated() {
            if recorded.contains(position) { baselined.append(diagnostic) } else { kept.append(diagnostic) }
        }
        result.replaceDiagnostics(kept)
        result.baselined = baselined
        result.fixedBaselineEntries = fixed.sorted { ($0.path, $0.rule, $0.issue ?? "") < ($1.path, $1.rule, $1.issue ?? "") }
        return result
    }

    /// Writes the baseline of each project with a file linted: the report's findings, for a whole project;
    /// for part of one, the entries of the files linted replaced and those of other files that still exist kept.
    func record(_ report: LintReport) throws(SOTLintError) -> [BaselineRecord] {
        var byRoot: [String: [Baseline.Key]] = [:]
        for place in keys(report.diagnostics) {
            if let place { byRoot[place.root, default: []].append(place.key) }
        }
        var records: [BaselineRecord] = []
        for root in lintedRoots {
            let file = Self.file(of: root, workingDirectory: workingDirectory)
            let keys = byRoot[root] ?? []
            var baseline = Baseline(keys)
            let exists = FilePath.exists(file.absolute)
            // A whole project is recorded afresh (which also repairs a damaged file); part of one is merged.
            if exists, !wholeProjects.contains(root), let existing = try Baseline.load(file.absolute, display: file.display) {
                let gone = Set(existing.counts.keys.map(\.path)).filter { FilePath.kind(FilePath.join(root, $0)) == nil }
                baseline = existing.replacing(paths: (linted[root] ?? []).union(gone), with: keys)
            }
            // A project with nothing to record gets no file; one it had is emptied.
            if baseline.counts.isEmpty, !exists { continue }
            try AtomicFile.write(baseline.encoded(), to: file.absolute, mode: 0o644)
            records.append(BaselineRecord(path: file.display, findings: baseline.findingCount, entries: baseline.counts.count))
        }
        return records
    }
}
