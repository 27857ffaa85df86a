import Foundation
import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

/// The one entry point of every moment — the command line, the hooks, the fixer, the language server:
/// a session over a working directory with its configuration choice, unsaved buffers, and caches of
/// per-file analysis. Each `lint` resolves its inputs, reads and checks every file once in parallel,
/// builds each project's workspace once, runs every kind of rule, applies suppressions, redacts, and
/// answers with sorted diagnostics plus the workspace model.
public final class LintSession: @unchecked Sendable {
    /// Where the persistent workspace index lives.
    public enum CacheChoice: Sendable, Equatable {
        /// `.sot-lint-cache/` in each project's root folder.
        case projectFolder
        /// This folder, for every project (`--cache-dir DIR`).
        case directory(String)
        /// No persistent cache (`--no-cache`).
        case disabled
    }

    public struct Options: Sendable {
        /// Relative paths are resolved against this folder and reported relative to it.
        public var workingDirectory: String
        public var config: ConfigChoice
        public var today: CalendarDate
        public var cache: CacheChoice
        /// Keep per-file analyses between lints (a long-lived session: the language server).
        public var retainsAnalyses: Bool
        /// How much of each document the workspace model keeps.
        public var detail: ModelDetail
        public var rules: RuleSet
        /// Seconds since the epoch, for the cache's "too recent to trust" test (tests move it).
        package var clock: @Sendable () -> Int64 = { FileStat.now() }
        /// A save of one document may take the rest of the workspace from its focus digest (tests of the
        /// per-file index turn it off).
        package var usesFocusDigest = true

        public init(workingDirectory: String, config: ConfigChoice = .discover, today: CalendarDate = .today(),
                    cache: CacheChoice = .disabled, retainsAnalyses: Bool = false, detail: ModelDetail = .index,
                    rules: RuleSet = .builtIn) {
            self.workingDirectory = workingDirectory
            self.config = config
            self.today = today
            self.cache = cache
            self.retainsAnalyses = retainsAnalyses
            self.detail = detail
            self.rules = rules
        }
    }

    public let options: Options
    private var overlays: [String: [UInt8]] = [:]
    private let memory: AnalysisMemory?
    /// Each project's persistent index, loaded once per session and kept between lints (entries are
    /// checked against the files' stats on every use).
    private var indexes: [String: WorkspaceIndexCache] = [:]
    private let lock = NSLock()

    /// What the session keeps of the disk between lints (when it retains analyses).
    private let disk: DiskMemory?

    public init(_ options: Options) {
        self.options = options
        memory = options.retainsAnalyses ? AnalysisMemory() : nil
        disk = options.retainsAnalyses ? DiskMemory() : nil
    }

    /// A change of a file on disk, as an editor's file watcher reports it (paths relative to the working
    /// directory or absolute).
    public enum FileChange: Sendable, Equatable {
        case created(String)
        case changed(String)
        case deleted(String)
    }

    /// Whether every change on disk is reported to the session from now on (`filesChanged`): then a lint
    /// trusts what it keeps of the disk (each project's profile and file list, each other document's
    /// summary) without looking again; otherwise each file's stat is checked at every lint. Only a session
    /// that retains analyses keeps anything.
    public func watchFiles(_ on: Bool) {
        disk?.trust(on)
    }

    /// Files changed on disk: what the session kept of them is forgotten, and read again at the next lint.
    public func filesChanged(_ changes: [FileChange]) {
        let base = options.workingDirectory
        disk?.changed(changes.map { change in
            switch change {
            case .created(let path): .created(FilePath.absolute(path, base: base))
            case .changed(let path): .changed(FilePath.absolute(path, base: base))
            case .deleted(let path): .deleted(FilePath.absolute(path, base: base))
            }
        } as [FileChange])
    }

    /// Files parsed and analyses reused by this session so far (both 0 unless it retains analyses).
    public var statistics: (parses: Int, reused: Int) {
        memory?.statistics ?? (0, 0)
    }

    /// An unsaved buffer: lints read `text` instead of the file at `path` until `close(path:)`.
    public func update(path: String, text: [UInt8]) {
        lock.lock()
        overlays[FilePath.absolute(path, base: options.workingDirectory)] = text
        lock.unlock()
    }

    /// Forgets the buffer of `path`: lints read the file on disk again.
    public func close(path: String) {
        lock.lock()
        overlays[FilePath.absolute(path, base: options.workingDirectory)] = nil
        lock.unlock()
    }

    public func lint(_ request: LintRequest) throws(SOTLintError) -> LintReport {
        let (report, inputs) = try run(request)
        return try finish(report, inputs: inputs, request: request)
    }

    /// The lint of a request as the rules see it: every finding, before the baseline and `--changed-since`.
    private func run(_ request: LintRequest) throws(SOTLintError) -> (LintReport, LintInputs) {
        var inputs = try LintInputs(request: request, workingDirectory: options.workingDirectory, config: options.config, memory: disk)
        if let range = request.history {
            var report = try history(range, inputs: inputs, progress: request.progress)
            report.countsDocuments = false
            return (report, inputs)
        }
        inputs.applyOverlays(currentOverlays())
        if request.contentOnly {
            var report = try contentOnly(inputs)
            report.countsDocuments = false
            return (report, inputs)
        }
        var outcomes: [ProjectLint.Outcome] = []
        var cacheHits = 0
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        for root in Set(byProject.keys).union(inputs.stagedProjects).sorted() {
            guard let project = inputs.projects[root] else { continue }
            let targets = byProject[root] ?? []
            // The workspace only matters to Markdown targets; a run on other files scans them for secrets alone,
            // and when the project's root folder was linted every document is a target already.
            let needsContext = (targets.contains(where: \.markdown) || inputs.stagedProjects.contains(root))
                && !inputs.wholeProjects.contains(root)
            let found = inputs
            let loadsIndex = request.staged || options.cache == .disabled ? nil : { @Sendable in self.indexCache(for: project) }
            var lint = ProjectLint(project: project, rules: options.rules, today: options.today, detail: options.detail,
                                   wholeProject: inputs.wholeProjects.contains(root), workingDirectory: options.workingDirectory,
                                   base: inputs.base.map { .revision($0, staged: request.staged) }, reportsDeletions: inputs.wholeProjects.contains(root) || request.staged,
                                   index: loadsIndex, memory: memory)
            lint.givenPaths = inputs.givenPaths[root] ?? []
            lint.disk = disk
            lint.clock = options.clock
            // A one-process-per-save editor gains from the focus digest; a session that keeps analyses does not need it.
            if loadsIndex != nil, options.usesFocusDigest, memory == nil, options.detail == .index, needsContext, let directory = cacheDirectory(for: project) {
                lint.focusCache = FocusDigest.Location(directory: directory, root: root, workingDirectory: options.workingDirectory,
                                                       profile: project.profile, clock: options.clock)
            }
            outcomes.append(try lint.lint(targets: targets) { () throws(SOTLintError) in needsContext ? try found.contextFiles(of: root) : [] })
            loadedIndexCache(for: project)?.save()
            cacheHits += outcomes.last?.cacheHits ?? 0
        }
        var report = Self.report(outcomes, fileCount: inputs.targets.count, cacheHits: cacheHits)
        report.focusDigestHits = outcomes.filter(\.answeredByFocusDigest).count
        report.configurationProblems = inputs.configurationProblems
        return (report, inputs)
    }

    /// The content rules alone over every target, project by project (`LintRequest.contentOnly`).
    private func contentOnly(_ inputs: LintInputs) throws(SOTLintError) -> LintReport {
        var outcomes: [ProjectLint.Outcome] = []
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        for root in byProject.keys.sorted() {
            guard let project = inputs.projects[root] else { continue }
            let lint = ProjectLint(project: project, rules: options.rules, today: options.today, detail: options.detail,
                                   wholeProject: inputs.wholeProjects.contains(root), workingDirectory: options.workingDirectory,
                                   base: nil, reportsDeletions: false, index: nil, memory: nil)
            outcomes.append(try lint.contentOnly(targets: byProject[root] ?? []))
        }
        return Self.report(outcomes, fileCount: inputs.targets.count)
    }

    /// The history scan of each project the request names: what each commit of `range` added.
    private func history(_ range: String, inputs: LintInputs, progress: ((Int) -> Void)?) throws(SOTLintError) -> LintReport {
        var outcomes: [ProjectLint.Outcome] = []
        var files = 0
        for root in inputs.givenPaths.keys.sorted() {
            guard let project = inputs.projects[root] else { continue }
            let scan = HistoryScan(project: project, rules: options.rules, workingDirectory: options.workingDirectory,
                                   paths: inputs.givenPaths[root] ?? [])
            let found = try scan.scan(range: range, progress: progress)
            var outcome = ProjectLint.Outcome(workspace: Workspace(documents: []))
            outcome.diagnostics = found.diagnostics
            outcome.redact = found.redact
            outcomes.append(outcome)
            files += found.files.count
        }
        return Self.report(outcomes, fileCount: files)
    }

    /// What the user is shown of a run: without the findings the projects' baselines record, and with
    /// `--changed-since`, only the findings in changed files.
    private func finish(_ report: LintReport, inputs: LintInputs, request: LintRequest) throws(SOTLintError) -> LintReport {
        var report = report
        if request.usesBaseline {
            let files = BaselineFilter.files(inputs, workingDirectory: options.workingDirectory)
            if !files.isEmpty {
                report = try BaselineFilter(inputs: inputs, report: report, workingDirectory: options.workingDirectory).apply(to: report, files: files)
                // What the files no longer hold is for a lint of the files to tell, not a scan of history.
                if request.history != nil { report.fixedBaselineEntries = [] }
            }
        }
        if let revision = request.changedSince {
            let repository = try GitRepository.find(from: options.workingDirectory, purpose: "--changed-since")
            let changed = try repository.changedFiles(since: try repository.commit(revision))
            // Compared as real paths: git names files under the real top level, the user may reach it through a link.
            var kept: [String: Bool] = [:]
            for path in Set(report.diagnostics.map(\.path)) {
                let absolute = FilePath.normalized(FilePath.absolute(path, base: options.workingDirectory))
                kept[path] = changed.contains(FilePath.realPath(absolute) ?? absolute) || changed.contains(absolute)
            }
            report = report.filtered { kept[$0.path] ?? false }
        }
        return report
    }

    /// Records the findings of the request's files in their projects' baselines (`sot-lint baseline`): a
    /// project linted whole gets a new baseline; for part of a project, the entries of the files linted are
    /// replaced and the others kept. Nothing is written when a file could not be read.
    public func recordBaseline(_ request: LintRequest) throws(SOTLintError) -> (report: LintReport, written: [BaselineRecord]) {
        var request = request
        request.usesBaseline = false
        let (report, inputs) = try run(request)
        if let error = report.fileErrors.first { throw error }
        let filter = BaselineFilter(inputs: inputs, report: report, workingDirectory: options.workingDirectory)
        return (report, try filter.record(report))
    }

    /// The report of some projects' outcomes, through the one redaction point: nothing reaches a reporter
    /// without passing here.
    static func report(_ outcomes: [ProjectLint.Outcome], fileCount: Int, cacheHits: Int = 0) -> LintReport {
        var secrets: [String: [[UInt8]]] = [:]
        for outcome in outcomes { secrets.merge(outcome.redact) { $0 + $1 } }
        let redacted = SecretRedactor(secrets: secrets).redact(outcomes.flatMap(\.diagnostics))
        var report = LintReport(diagnostics: redacted.sorted(), fileCount: fileCount, workspaces: outcomes.map(\.workspace),
                                fileErrors: outcomes.flatMap(\.fileErrors).sorted { $0.description < $1.description }, cacheHits: cacheHits)
        report.documentCount = outcomes.reduce(0) { $0 + $1.documentCount }
        report.markdownCount = outcomes.reduce(0) { $0 + $1.markdownCount }
        report.projects = outcomes.compactMap(\.project)
        var teamRuleIDs = Set<String>()
        report.teamRules = outcomes.flatMap(\.teamRules).filter { teamRuleIDs.insert($0.id).inserted }
        return report
    }

    /// The workspace of each project the request's paths belong to (for `sot-lint graph`), in root order.
    public func workspaces(_ request: LintRequest) throws(SOTLintError) -> [Workspace] {
        try projectWorkspaces(request).map(\.workspace)
    }

    /// `workspaces(_:)` with each project as a report describes it (root, configuration, ready settings).
    public func projectWorkspaces(_ request: LintRequest) throws(SOTLintError) -> [(workspace: Workspace, project: LintReport.Project)] {
        var inputs = try LintInputs(request: request, workingDirectory: options.workingDirectory, config: options.config, memory: disk)
        inputs.applyOverlays(currentOverlays())
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        var workspaces: [(workspace: Workspace, project: LintReport.Project)] = []
        for root in byProject.keys.sorted() {
            guard let project = inputs.projects[root] else { continue }
            let context = inputs.wholeProjects.contains(root) ? [] : try inputs.contextFiles(of: root)
            let loadsIndex = options.cache == .disabled ? nil : { @Sendable in self.indexCache(for: project) }
            var lint = ProjectLint(project: project, rules: options.rules, today: options.today, detail: options.detail,
                                   wholeProject: inputs.wholeProjects.contains(root), workingDirectory: options.workingDirectory,
                                   base: nil, reportsDeletions: false, index: loadsIndex, memory: memory)
            lint.disk = disk
            lint.clock = options.clock
            let (workspace, errors) = lint.workspace(targets: byProject[root] ?? [], context: context)
            loadedIndexCache(for: project)?.save()
            if let error = errors.first { throw error }
            workspaces.append((workspace, LintReport.Project(root: FilePath.relative(root, to: options.workingDirectory),
                                                             configPath: project.profile.configPath, ready: project.profile.ready)))
        }
        return workspaces
    }

    private func currentOverlays() -> [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return overlays
    }

    /// The persistent index of a project, when this session uses one.
    private func indexCache(for project: LintInputs.Project) -> WorkspaceIndexCache? {
        let root = project.location.root
        lock.lock()
        defer { lock.unlock() }
        if let known = indexes[root], known.profileFingerprint == project.profile.fingerprint { return known }
        let made = makeIndexCache(for: project)
        indexes[root] = made
        return made
    }

    /// The index of a project that this session has loaded already, if any.
    private func loadedIndexCache(for project: LintInputs.Project) -> WorkspaceIndexCache? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = indexes[project.location.root], known.profileFingerprint == project.profile.fingerprint else { return nil }
        return known
    }

    private func makeIndexCache(for project: LintInputs.Project) -> WorkspaceIndexCache? {
        guard let directory = cacheDirectory(for: project) else { return nil }
        return WorkspaceIndexCache(directory: directory, root: project.location.root, profile: project.profile, clock: options.clock)
    }

    /// The folder of a project's persistent cache, nil without one.
    private func cacheDirectory(for project: LintInputs.Project) -> String? {
        switch options.cache {
        case .disabled: nil
        case .projectFolder: FilePath.join(project.location.root, ".sot-lint-cache")
        case .directory(let folder): FilePath.absolute(folder, base: options.workingDirectory)
        }
    }
}
