import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The lint of one project: its files, its profile, its workspace, every kind of rule in turn.
package struct ProjectLint {
    package let project: LintInputs.Project
    /// The rules that run: those given and the project's own (`rule_files`).
    package let rules: RuleSet
    package let today: CalendarDate
    package let detail: ModelDetail
    package let wholeProject: Bool
    package let workingDirectory: String
    package let base: BaseSource?
    /// Findings on documents that no longer exist (issue-removed) are reported: the whole project or
    /// the whole commit is being checked.
    package let reportsDeletions: Bool
    /// The persistent workspace index of the project, when the run may use one. It is loaded while the
    /// targets are checked (`lint(targets:context:)`).
    package let index: (@Sendable () -> WorkspaceIndexCache?)?
    /// Analyses kept between lints of a session (the language server), when it keeps them.
    package let memory: AnalysisMemory?
    /// The other documents' summaries kept between lints of a session, when it keeps them: then the
    /// session's analyses are kept for the targets only.
    package var disk: DiskMemory? = nil
    /// Seconds since the epoch, for "too recent to trust" (tests move it).
    package var clock: @Sendable () -> Int64 = { FileStat.now() }
    /// Where a save of one document finds the rest of the workspace in brief, when the run may use it.
    package var focusCache: FocusDigest.Location? = nil
    /// The configuration's bytes when they do not come from disk (an in-memory project).
    package var configBytes: [UInt8]? = nil
    /// The files and folders named in this project: with a base revision, what each commit since added to
    /// them is scanned too (`HistoryScan`).
    package var givenPaths: [String] = []

    /// What the change rules compare with.
    package enum BaseSource {
        /// A git revision of the project's repository (`--base REV`, HEAD for `--staged`); `staged`: the head
        /// is the index, not the working tree.
        case revision(String, staged: Bool)
        /// Documents given in memory.
        case files([LintInputs.ContextFile])
    }

    private var profile: Profile { project.profile }

    /// `rules` are the rules besides the project's own (`rule_files`), which join them here, once.
    package init(project: LintInputs.Project, rules: RuleSet, today: CalendarDate, detail: ModelDetail, wholeProject: Bool,
                 workingDirectory: String, base: BaseSource?, reportsDeletions: Bool, index: (@Sendable () -> WorkspaceIndexCache?)?,
                 memory: AnalysisMemory?) {
        self.project = project
        self.rules = rules.adding(userRulesOf: project.profile)
        self.today = today
        self.detail = detail
        self.wholeProject = wholeProject
        self.workingDirectory = workingDirectory
        self.base = base
        self.reportsDeletions = reportsDeletions
        self.index = index
        self.memory = memory
    }

    package struct Outcome {
        package var diagnostics: [Diagnostic] = []
        /// The secrets detected in each target, by its display path: what the redactor removes.
        package var redact: [String: [[UInt8]]] = [:]
        package var workspace: Workspace
        package var fileErrors: [SOTLintError] = []
        /// Documents the workspace index answered for without a read.
        package var cacheHits = 0
        /// The rest of the workspace came from the focus digest.
        package var answeredByFocusDigest = false
        /// Targets that are SOT documents.
        package var documentCount = 0
        /// Targets linted as Markdown.
        package var markdownCount = 0
        /// The project, as the report describes it.
        package var project: LintReport.Project?
        /// The project's own rules (`rule_files`).
        package var teamRules: [RuleMetadata] = []
    }

    /// Lints the targets within their project. The targets' own checks need nothing from the rest of the
    /// project, so they run while `context` finds its other documents and the workspace index (or, for a
    /// save of one document, its focus digest) is loaded.
    package func lint(targets: [LintInputs.Target],
                      context: @escaping @Sendable () throws(SOTLintError) -> [LintInputs.ContextFile]) throws(SOTLintError) -> Outcome {
        let targetJobs = targets.map { FileJob(display: $0.displayPath, absolute: $0.absolutePath, isTarget: true,
                                               markdown: $0.markdown, scanSecrets: $0.scanSecrets, bytes: $0.bytes) }
        // Other repositories' issues (`imports:`): known to the workspace, never linted.
        let imported = try ImportedModels.documents(profile: profile, root: project.location.root, workingDirectory: workingDirectory)
        let loadIndex = index
        let digestLocation = focusLocation(targets)
        // The walk for the other documents is the longest part: it runs beside the targets' checks and
        // the loading of the index or the digest. For a digest the other files' stats are taken there too.
        let ((analyzer, own, loaded), found) = concurrently({
            let analyzer = makeAnalyzer()
            let own = analyze(targetJobs, with: analyzer, index: nil, stats: loadIndex != nil)
            let loaded: Loaded = if let digestLocation, let focus = targets.first {
                .digest(FocusDigest.load(digestLocation, focus: focus.displayPath))
            } else {
                .index(loadIndex?())
            }
            return (analyzer, own, loaded)
        }) {
            () -> Result<([LintInputs.ContextFile], [FileStat?]?), SOTLintError> in
            do throws(SOTLintError) {
                let files = try context()
                guard digestLocation != nil else { return .success((files, nil)) }
                let stats = ParallelResults<FileStat?>.map(files.count) { files[$0].bytes == nil ? FileStat.of(files[$0].absolute) : nil }
                return .success((files, stats))
            } catch {
                return .failure(error)
            }
        }
        let (contextFiles, contextStats) = try found.get()
        var collected = Collected()
        collected.add(own)
        let workspace: Workspace
        let focused: Bool
        var answeredByFocusDigest = false
        if case .digest(let digest?) = loaded,
           let slice = digest.slice(files: contextFiles, stats: contextStats ?? [], focus: collected.documents.first, profile: profile) {
            workspace = slice.workspace
            focused = slice.focused
            collected.hits = slice.hits
            answeredByFocusDigest = true
        } else {
            var index: WorkspaceIndexCache?
            if case .index(let loadedIndex) = loaded { index = loadedIndex } else { index = loadIndex?() }
            if let index {
                // Recorded now that the index is there; each stat was taken before its file was read.
                for (job, analysed) in zip(targetJobs, own) where job.markdown {
                    if case .target(let analysis, let stat?) = analysed {
                        index.record(job.absolute, stat: stat, summary: analysis?.summary)
                    }
                }
            }
            let context = analyze(contextFiles.map(Self.contextJob), with: analyzer, index: index, stats: index != nil, knownStats: contextStats)
            collected.add(context)
            // Imported models are read at every lint (no watcher sees them): their workspace is built whole.
            workspace = imported.isEmpty ? buildWorkspace(collected.documents, own: own, context: context, files: contextFiles, jobs: targetJobs)
                : Workspace(documents: collected.documents + imported)
            focused = collected.hasContextDocuments
            if let digestLocation, let focus = targets.first, let contextStats, FocusDigest.searchesFitTheBudget(workspace) {
                Self.writeDigest(digestLocation, focus: focus.displayPath, files: contextFiles, stats: contextStats, analysed: context)
            }
        }
        var outcome = Outcome(workspace: workspace, fileErrors: collected.errors, cacheHits: collected.hits)
        outcome.project = LintReport.Project(root: FilePath.relative(project.location.root, to: workingDirectory),
                                             configPath: profile.configPath, ready: profile.ready, wholeProject: wholeProject)
        outcome.project?.sotMarker = profile.sot.example
        outcome.answeredByFocusDigest = answeredByFocusDigest
        outcome.teamRules = profile.userRules.compactMap { rules.rule(id: $0.id)?.metadata }
        outcome.documentCount = collected.targets.filter { $0.summary != nil }.count
        outcome.markdownCount = collected.targets.filter(\.isMarkdown).count
        let changes = try changeDiagnostics(workspace, present: collected.present, targets: targets)
        outcome.diagnostics = targetDiagnostics(collected.targets, workspace: workspace, focused: focused, extra: changes)
        var facts = Set<String>()
        for file in collected.targets {
            if !file.redact.isEmpty { outcome.redact[file.path, default: []] += file.redact }
            facts.formUnion(file.facts)
        }
        // A secret added and removed again between the base and HEAD is in neither tree: each commit's added lines.
        if case .revision(let revision, _)? = base, !givenPaths.isEmpty {
            let history = try HistoryScan(project: project, rules: rules, workingDirectory: workingDirectory, paths: givenPaths)
                .scan(range: revision + "..HEAD", known: outcome.diagnostics)
            outcome.diagnostics += history.diagnostics
            outcome.redact.merge(history.redact) { $0 + $1 }
            facts.formUnion(history.facts)
        }
        outcome.diagnostics += try projectDiagnostics(facts: facts)
        return outcome
    }

    /// The targets' content findings alone (`sot-lint secrets`), with the project rules: no document is
    /// built, no other file read, no cache read or written. The content findings are those `lint` gives.
    package func contentOnly(targets: [LintInputs.Target]) throws(SOTLintError) -> Outcome {
        let analyzer = makeAnalyzer()
        let analysed = ParallelResults<Result<FileAnalysis?, SOTLintError>>.map(targets.count) { position in
            let target = targets[position]
            let job = FileJob(display: target.displayPath, absolute: target.absolutePath, isTarget: true, markdown: target.markdown,
                              scanSecrets: target.scanSecrets, bytes: target.bytes)
            return Self.bytes(of: job).map { analyzer.analyzeContent(job, bytes: $0) }
        }
        var outcome = Outcome(workspace: Workspace(documents: []))
        var facts = Set<String>()
        for result in analysed {
            switch result {
            case .success(let analysis?):
                outcome.diagnostics += analysis.contentDiagnostics
                if !analysis.redact.isEmpty { outcome.redact[analysis.path, default: []] += analysis.redact }
                facts.formUnion(analysis.facts)
            case .success(nil):
                continue
            case .failure(let error):
                outcome.fileErrors.append(error)
            }
        }
        outcome.diagnostics += try projectDiagnostics(facts: facts)
        return outcome
    }

    /// What the foreground loads beside the targets' checks: the focus digest of a save, or the index.
    private enum Loaded {
        case digest(FocusDigest?)
        case index(WorkspaceIndexCache?)
    }

    /// Where the focus digest of this lint is, when it is a save of one Markdown document within its project
    /// (no base revision: the change rules read the whole workspace).
    private func focusLocation(_ targets: [LintInputs.Target]) -> FocusDigest.Location? {
        // A digest holds the workspace's own documents only: a project that imports others builds it whole.
        guard let focusCache, base == nil, !wholeProject, targets.count == 1, targets[0].markdown, profile.imports.isEmpty else { return nil }
        return focusCache
    }

    /// Writes the digest of a save that built the whole workspace, when every other file was read.
    private static func writeDigest(_ location: FocusDigest.Location, focus: String, files: [LintInputs.ContextFile], stats: [FileStat?],
                                    analysed: [Analysed]) {
        var digestFiles: [FocusDigest.File] = []
        digestFiles.reserveCapacity(files.count)
        for (position, file) in files.enumerated() {
            guard file.bytes == nil, let stat = stats[position], case .context(let document, _) = analysed[position] else { return }
            digestFiles.append(FocusDigest.File(display: file.display, stat: stat, document: document))
        }
        FocusDigest.write(location, focus: focus, files: digestFiles)
    }

    /// The workspace of `documents`. A session that is told of every change on disk builds it from its last
    /// one when only the documents it did not read from disk (the targets, other buffers) differ, and they
    /// define the same IDs: an edit in a large workspace does not index every issue again.
    private func buildWorkspace(_ documents: [WorkspaceDocument], own: [Analysed], context: [Analysed],
                                files: [LintInputs.ContextFile], jobs: [FileJob]) -> Workspace {
        guard let disk, disk.isTrusted else { return Workspace(documents: documents) }
        var fresh: [String] = []
        var replacements: [WorkspaceDocument] = []
        func note(_ path: String, _ document: WorkspaceDocument?) {
            // Whether it is an SOT document is part of the key: one that stops or starts being one is not a replacement.
            fresh.append(path + (document == nil ? "\u{0}-" : "\u{0}+"))
            if let document { replacements.append(document) }
        }
        for (job, analysed) in zip(jobs, own) where job.markdown {
            if case .target(let analysis, _) = analysed { note(job.display, analysis?.summary) }
        }
        for (file, analysed) in zip(files, context) where file.bytes != nil {
            if case .context(let document, _) = analysed { note(file.display, document) }
        }
        let root = project.location.root
        let workspace = disk.workspace(root: root, fresh: fresh)?.replacing(replacements) ?? Workspace(documents: documents)
        disk.built(root: root, fresh: fresh, workspace: workspace)
        return workspace
    }

    /// The project's workspace alone (for `sot-lint graph`, the language server's index): every file read as
    /// workspace context, from the persistent index and the session's memory when there are some.
    package func workspace(targets: [LintInputs.Target], context: [LintInputs.ContextFile]) -> (Workspace, [SOTLintError]) {
        let files = targets.filter(\.markdown).map { LintInputs.ContextFile(display: $0.displayPath, absolute: $0.absolutePath, bytes: $0.bytes) }
            + context
        var collected = Collected()
        let index = self.index?()
        collected.add(analyze(files.map(Self.contextJob), with: makeAnalyzer(), index: index, stats: index != nil))
        let imported: [WorkspaceDocument]
        do {
            imported = try ImportedModels.documents(profile: profile, root: project.location.root, workingDirectory: workingDirectory)
        } catch {
            return (Workspace(documents: collected.documents), collected.errors + [error])
        }
        return (Workspace(documents: collected.documents + imported), collected.errors)
    }

    private static func contextJob(_ file: LintInputs.ContextFile) -> FileJob {
        FileJob(display: file.display, absolute: file.absolute, isTarget: false, markdown: true, scanSecrets: false, bytes: file.bytes)
    }

    /// What became of one job: a target's analysis (nil for a file with nothing to report) with the stat
    /// taken before it was read; a context file's document (nil when it is not an SOT document), and
    /// whether the workspace index answered; or an error.
    private enum Analysed: Sendable {
        case target(FileAnalysis?, stat: FileStat?)
        case context(WorkspaceDocument?, hit: Bool)
        case failed(SOTLintError)
    }

    /// Every job analysed once, in parallel: from the session's memory, `index`, or the bytes. Files read
    /// from disk are recorded in `index`; with `stats` each gets its stat before it is read, so that a
    /// record can only be older than the file, never vouch for content it did not see (`knownStats`, when
    /// given, were taken that way before this step).
    private func analyze(_ jobs: [FileJob], with analyzer: FileAnalyzer, index: WorkspaceIndexCache?, stats: Bool,
                         knownStats: [FileStat?]? = nil) -> [Analysed] {
        let memory = self.memory
        let disk = self.disk
        let trusted = disk?.isTrusted ?? false
        let fingerprint = profile.fingerprint
        let clock = self.clock
        // A watched memory answers for the other documents it knows all at once, under one lock; only the rest
        // are analysed, in parallel.
        var known: [WorkspaceDocument??] = []
        if trusted, let disk {
            known = disk.summaries(of: jobs.map { !$0.isTarget && $0.bytes == nil ? $0.absolute : nil }, profile: fingerprint)
        }
        let missing = known.isEmpty ? Array(jobs.indices) : jobs.indices.filter { known[$0] == nil }
        let analysed = ParallelResults<Analysed>.map(missing.count) { slot in
            let position = missing[slot]
            let job = jobs[position]
            // Another document read from disk, whose summary the session may know.
            let remembered = disk != nil && !job.isTarget && job.bytes == nil
            // Its stat is taken before it is read, when the index or an unwatched memory needs one; a watched
            // memory answers without one.
            let takesStat = job.bytes == nil && (stats || remembered)
            var stat = takesStat && !(remembered && trusted) ? knownStats?[position] ?? FileStat.of(job.absolute) : nil
            if remembered, let known = disk?.summary(of: job.absolute, profile: fingerprint, stat: stat) {
                return .context(known, hit: true)
            }
            if takesStat, stats, stat == nil { stat = knownStats?[position] ?? FileStat.of(job.absolute) }
            if !job.isTarget, let stat, let index, let cached = index.summary(of: job.absolute, display: job.display, stat: stat) {
                if remembered { disk?.record(job.absolute, profile: fingerprint, stat: stat, document: cached, now: clock()) }
                return .context(cached, hit: true)
            }
            let bytes: [UInt8]
            switch Self.bytes(of: job) {
            case .success(let read): bytes = read
            case .failure(let error): return .failed(error)
            }
            if remembered {
                let summary = analyzer.analyze(job, bytes: bytes)?.summary
                disk?.record(job.absolute, profile: fingerprint, stat: stat, document: summary, now: clock())
                if let stat, let index { index.record(job.absolute, stat: stat, summary: summary) }
                return .context(summary, hit: false)
            }
            let key = memory.map { _ in AnalysisMemory.Key(job: job, bytes: bytes, profile: fingerprint) }
            let analysis: FileAnalysis?
            if let key, let remembered = memory?.analysis(key) {
                analysis = remembered
            } else {
                if let key, let memory {
                    analysis = analyzer.analyze(job, bytes: bytes) { memory.syntax($0, content: key.content) }
                } else {
                    analysis = analyzer.analyze(job, bytes: bytes)
                }
                if let key { memory?.remember(key, analysis) }
                if !job.isTarget, let stat, let index {
                    index.record(job.absolute, stat: stat, summary: analysis?.summary)
                }
            }
            return job.isTarget ? .target(analysis, stat: stat) : .context(analysis?.summary, hit: false)
        }
        if missing.count == jobs.count { return analysed }
        var result: [Analysed] = []
        result.reserveCapacity(jobs.count)
        var next = 0
        for position in jobs.indices {
            if next < missing.count, missing[next] == position {
                result.append(analysed[next])
                next += 1
            } else if let summary = known[position] {
                result.append(.context(summary, hit: true))
            }
        }
        return result
    }

    /// A job's bytes: given, or read from disk; a file that cannot be read is named as the user sees it.
    private static func bytes(of job: FileJob) -> Result<[UInt8], SOTLintError> {
        if let given = job.bytes { return .success(given) }
        do throws(SOTLintError) {
            return .success(try FilePath.read(job.absolute))
        } catch {
            if case .unreadableFile(_, let reason) = error { return .failure(.unreadableFile(path: job.display, reason: reason)) }
            return .failure(error)
        }
    }

    private func makeAnalyzer() -> FileAnalyzer {
        FileAnalyzer(profile: profile, rules: rules, today: today, detail: detail, root: project.location.root)
    }

    /// The analyses sorted out: the targets' analyses, every SOT document (targets first, in job order),
    /// the paths of the files that have one, the errors, and how many documents the index answered for.
    private struct Collected {
        var targets: [FileAnalysis] = []
        var documents: [WorkspaceDocument] = []
        var present: [String] = []
        var errors: [SOTLintError] = []
        var hits = 0
        /// Some document of the workspace is not a target: the workspace rules look at the targets only.
        var hasContextDocuments = false

        mutating func add(_ analysed: [Analysed]) {
            documents.reserveCapacity(documents.count + analysed.count)
            for item in analysed {
                switch item {
                case .target(let analysis?, _):
                    targets.append(analysis)
                    present.append(analysis.path)
                    if let document = analysis.summary { documents.append(document) }
                case .target(nil, _):
                    continue
                case .context(let document, let hit):
                    if hit { hits += 1 }
                    guard let document else { continue }
                    documents.append(document)
                    present.append(document.path)
                    hasContextDocuments = true
                case .failed(let error):
                    errors.append(error)
                }
            }
        }
    }

    /// Change-rule findings against the base revision, when there is one. Findings on a path that is no
    /// longer there (a deleted document) are kept only when the whole project is linted.
    private func changeDiagnostics(_ head: Workspace, present paths: [String], targets: [LintInputs.Target]) throws(SOTLintError) -> [Diagnostic] {
        guard let base else { return [] }
        let present = Set(paths)
        let active = enabled(rules.changeRules) { $0.metadata }
        guard !active.isEmpty else { return [] }
        var displayOf: [String: String] = [:]
        for target in targets { displayOf[target.absolutePath] = target.displayPath }
        let workingDirectory = self.workingDirectory
        let baseWorkspace: Workspace
        var history: ChangeHistory?
        switch base {
        case .revision(let revision, let staged):
            let git = try BaseWorkspace(project: project, phrases: rules.invariantPhrases(in: profile)) {
                displayOf[$0] ?? FilePath.relative($0, to: workingDirectory)
            }
            let commit = try git.commit(revision)
            baseWorkspace = try git.load(commit: commit)
            // The commits in between are read only for the rules about one change at a time, and only when
            // there is an issue now for a finding to sit on.
            if active.contains(where: { type(of: $0.rule).checksEachCommit }), head.documents.contains(where: { !$0.issues.isEmpty }) {
                history = try git.history(from: commit, to: head, staged: staged)
            }
        case .files(let files):
            var collected = Collected()
            collected.add(analyze(files.map(Self.contextJob), with: makeAnalyzer(), index: nil, stats: false))
            if let error = collected.errors.first { throw error }
            baseWorkspace = Workspace(documents: collected.documents)
        }
        let targetPaths = Set(targets.map(\.displayPath))
        var diagnostics: [Diagnostic] = []
        for change in active {
            let findings = history.flatMap { change.rule.check(history: $0, head: head, context: change.context) }
                ?? change.rule.check(base: baseWorkspace, head: head, context: change.context)
            diagnostics += change.diagnostics(findings.filter {
                targetPaths.contains($0.path) || (reportsDeletions && !present.contains($0.path))
            })
        }
        return diagnostics
    }

    /// Every diagnostic of the targets: cached document findings, dated, workspace and content findings,
    /// after inline suppressions (for rules that allow them), plus what the suppression rules say.
    private func targetDiagnostics(_ files: [FileAnalysis], workspace: Workspace, focused: Bool, extra: [Diagnostic]) -> [Diagnostic] {
        var byPath: [String: [Diagnostic]] = [:]
        for file in files { byPath[file.path] = file.diagnostics + dated(file) }
        var elsewhere: [Diagnostic] = []
        for diagnostic in extra {
            if byPath[diagnostic.path] != nil { byPath[diagnostic.path, default: []].append(diagnostic) } else { elsewhere.append(diagnostic) }
        }
        // Only the targets' findings are kept: the workspace rules are told, so that a save of one document
        // does not check the whole workspace.
        let focus = focused ? Set(byPath.keys) : nil
        for diagnostic in workspaceDiagnostics(workspace, focus: focus) where byPath[diagnostic.path] != nil {
            byPath[diagnostic.path, default: []].append(diagnostic)
        }
        let known = Set(rules.ids)
        let unsuppressible = Set(rules.rules.filter { !$0.metadata.suppressible }.map(\.metadata.id))
        let suppressionRules = enabled(rules.suppressionRules) { $0.metadata }
        var diagnostics = elsewhere
        for file in files {
            diagnostics += file.contentDiagnostics
            let own = byPath[file.path] ?? []
            guard let suppressions = file.suppressions else {
                diagnostics += own
                continue
            }
            let (kept, unused) = suppressions.apply(own.filter { !unsuppressible.contains($0.rule) }, path: file.path, knownRules: known)
            diagnostics += kept + own.filter { unsuppressible.contains($0.rule) }
            for suppression in suppressionRules {
                diagnostics += suppression.diagnostics(suppression.rule.check(unused: unused, context: suppression.context))
            }
        }
        return diagnostics
    }

    /// The dated rules on one target: they depend on today, so they never come from a cache.
    private func dated(_ file: FileAnalysis) -> [Diagnostic] {
        guard let facts = file.dated else { return [] }
        return enabled(rules.datedRules) { $0.metadata }.flatMap { $0.diagnostics($0.rule.check(facts, context: $0.context)) }
    }

    /// Workspace rules are independent of each other: they run side by side.
    private func workspaceDiagnostics(_ workspace: Workspace, focus: Set<String>?) -> [Diagnostic] {
        let active = enabled(rules.workspaceRules) { $0.metadata }
        let results = ParallelResults<[Diagnostic]>.map(active.count) { index in
            var context = active[index].context
            context.focus = focus
            return active[index].diagnostics(active[index].rule.check(workspace, context: context))
        }
        return Array(results.joined())
    }

    /// Project rules, once every file was checked.
    private func projectDiagnostics(facts: Set<String>) throws(SOTLintError) -> [Diagnostic] {
        let active = enabled(rules.projectRules) { $0.metadata }
        guard !active.isEmpty else { return [] }
        let configPath = profile.configPath
        // A partial run cannot tell what is unused: the configuration is read only for a whole project.
        var configBytes = self.configBytes
        if configBytes == nil, wholeProject, let configPath {
            configBytes = try FilePath.read(FilePath.absolute(configPath, base: workingDirectory))
        }
        let project = ProjectFacts(wholeProject: wholeProject, configPath: configPath, configBytes: configBytes, facts: facts)
        return active.flatMap { $0.diagnostics($0.rule.check(project, context: $0.context)) }
    }

    /// The rules of one kind the profile turns on.
    private func enabled<Kind: Sendable>(_ list: [Kind], _ metadata: (Kind) -> RuleMetadata) -> [EnabledRule<Kind>] {
        EnabledRule.all(list, metadata: metadata, profile: profile, today: today)
    }
}
