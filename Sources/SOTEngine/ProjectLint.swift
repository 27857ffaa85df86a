import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The lint of one project: its files, its profile, its workspace, every kind of rule in turn.
package struct ProjectLint {
    package let project: LintInputs.Project
    package let rules: RuleSet
    package let today: CalendarDate
    package let detail: ModelDetail
    package let wholeProject: Bool
    package let workingDirectory: String
    package let base: BaseSource?
    /// Findings on documents that no longer exist (issue-removed) are reported: the whole project or
    /// the whole commit is being checked.
    package let reportsDeletions: Bool
    /// The persistent workspace index of the project, when the run may use one.
    package let index: WorkspaceIndexCache?
    /// Analyses kept between lints of a session (the language server), when it keeps them.
    package let memory: AnalysisMemory?
    /// The configuration's bytes when they do not come from disk (an in-memory project).
    package var configBytes: [UInt8]? = nil

    /// What the change rules compare with.
    package enum BaseSource {
        /// A git revision of the project's repository (`--base REV`, HEAD for `--staged`).
        case revision(String)
        /// Documents given in memory.
        case files([LintInputs.ContextFile])
    }

    private var profile: Profile { project.profile }

    package struct Outcome {
        package var diagnostics: [Diagnostic] = []
        package var redact: [[UInt8]] = []
        package var workspace: Workspace
        package var fileErrors: [SOTLintError] = []
    }

    package func lint(targets: [LintInputs.Target], context: [LintInputs.ContextFile]) throws(SOTLintError) -> Outcome {
        let jobs = targets.map { FileJob(display: $0.displayPath, absolute: $0.absolutePath, isTarget: true,
                                         markdown: $0.markdown, scanSecrets: $0.scanSecrets, bytes: $0.bytes) }
            + context.map(Self.contextJob)
        let (files, errors) = analyze(jobs)
        let workspace = Workspace(documents: files.compactMap(\.summary))
        var outcome = Outcome(workspace: workspace, fileErrors: errors)
        let changes = try changeDiagnostics(workspace, present: Set(files.map(\.path)), targets: targets)
        outcome.diagnostics = targetDiagnostics(files, workspace: workspace, extra: changes)
        var facts = Set<String>()
        for file in files {
            outcome.redact += file.redact
            facts.formUnion(file.facts)
        }
        outcome.diagnostics += try projectDiagnostics(facts: facts)
        return outcome
    }

    /// The project's workspace alone (for `sot-lint graph`): every file read as workspace context.
    package func workspace(targets: [LintInputs.Target], context: [LintInputs.ContextFile]) -> (Workspace, [SOTLintError]) {
        let files = targets.filter(\.markdown).map { LintInputs.ContextFile(display: $0.displayPath, absolute: $0.absolutePath, bytes: $0.bytes) }
            + context
        let (analyses, errors) = analyze(files.map(Self.contextJob))
        return (Workspace(documents: analyses.compactMap(\.summary)), errors)
    }

    private static func contextJob(_ file: LintInputs.ContextFile) -> FileJob {
        FileJob(display: file.display, absolute: file.absolute, isTarget: false, markdown: true, scanSecrets: false, bytes: file.bytes)
    }

    /// Every job analysed once, in parallel: from the session's memory, the workspace index, or the bytes.
    private func analyze(_ jobs: [FileJob]) -> (files: [FileAnalysis], errors: [SOTLintError]) {
        let analyzer = FileAnalyzer(profile: profile, rules: rules, today: today, detail: detail)
        let index = self.index
        let memory = self.memory
        let results = ParallelResults<Result<FileAnalysis?, SOTLintError>>.map(jobs.count) { position in
            let job = jobs[position]
            if !job.isTarget, job.bytes == nil, let index, let cached = index.summary(of: job.absolute, display: job.display) {
                return .success(cached.map { FileAnalysis(path: job.display, isTarget: false, summary: $0) })
            }
            var bytes: [UInt8]
            do throws(SOTLintError) {
                if let given = job.bytes { bytes = given } else { bytes = try FilePath.read(job.absolute) }
            } catch {
                if case .unreadableFile(_, let reason) = error { return .failure(.unreadableFile(path: job.display, reason: reason)) }
                return .failure(error)
            }
            let key = memory.map { _ in AnalysisMemory.Key(job: job, bytes: bytes, profile: profile.fingerprint) }
            if let key, let remembered = memory?.analysis(key) { return .success(remembered) }
            let analysis: FileAnalysis?
            if let key, let memory {
                analysis = analyzer.analyze(job, bytes: bytes) { memory.syntax($0, content: key.content) }
            } else {
                analysis = analyzer.analyze(job, bytes: bytes)
            }
            if let key { memory?.remember(key, analysis) }
            if !job.isTarget || job.markdown, job.bytes == nil, let index {
                index.record(job.absolute, summary: analysis?.summary, profile: profile)
            }
            return .success(analysis)
        }
        var files: [FileAnalysis] = []
        var errors: [SOTLintError] = []
        for result in results {
            switch result {
            case .failure(let error)?: errors.append(error)
            case .success(let file?)?: files.append(file)
            default: continue
            }
        }
        return (files, errors)
    }

    /// Change-rule findings against the base revision, when there is one. Findings on a path that is no
    /// longer there (a deleted document) are kept only when the whole project is linted.
    private func changeDiagnostics(_ head: Workspace, present: Set<String>, targets: [LintInputs.Target]) throws(SOTLintError) -> [Diagnostic] {
        guard let base else { return [] }
        let active = enabled(rules.changeRules) { $0.metadata }
        guard !active.isEmpty else { return [] }
        var displayOf: [String: String] = [:]
        for target in targets { displayOf[target.absolutePath] = target.displayPath }
        let workingDirectory = self.workingDirectory
        let baseWorkspace: Workspace
        switch base {
        case .revision(let revision):
            baseWorkspace = try BaseWorkspace.load(project: project, revision: revision, phrases: rules.invariantPhrases(in: profile)) {
                displayOf[$0] ?? FilePath.relative($0, to: workingDirectory)
            }
        case .files(let files):
            let (documents, errors) = analyze(files.map(Self.contextJob))
            if let error = errors.first { throw error }
            baseWorkspace = Workspace(documents: documents.compactMap(\.summary))
        }
        let targetPaths = Set(targets.map(\.displayPath))
        var diagnostics: [Diagnostic] = []
        for change in active {
            let findings = change.rule.check(base: baseWorkspace, head: head, context: change.context)
            diagnostics += change.diagnostics(findings.filter {
                targetPaths.contains($0.path) || (reportsDeletions && !present.contains($0.path))
            })
        }
        return diagnostics
    }

    /// Every diagnostic of the targets: cached document findings, dated, workspace and content findings,
    /// after inline suppressions (for rules that allow them), plus what the suppression rules say.
    private func targetDiagnostics(_ files: [FileAnalysis], workspace: Workspace, extra: [Diagnostic]) -> [Diagnostic] {
        var byPath: [String: [Diagnostic]] = [:]
        for file in files where file.isTarget { byPath[file.path] = file.diagnostics + dated(file) }
        var elsewhere: [Diagnostic] = []
        for diagnostic in extra {
            if byPath[diagnostic.path] != nil { byPath[diagnostic.path, default: []].append(diagnostic) } else { elsewhere.append(diagnostic) }
        }
        // Only the targets' findings are kept: the workspace rules are told, so that a save of one document
        // does not check the whole workspace.
        let focus = files.allSatisfy(\.isTarget) ? nil : Set(byPath.keys)
        for diagnostic in workspaceDiagnostics(workspace, focus: focus) where byPath[diagnostic.path] != nil {
            byPath[diagnostic.path, default: []].append(diagnostic)
        }
        let known = Set(rules.ids)
        let unsuppressible = Set(rules.rules.filter { !$0.metadata.suppressible }.map(\.metadata.id))
        let suppressionRules = enabled(rules.suppressionRules) { $0.metadata }
        var diagnostics = elsewhere
        for file in files where file.isTarget {
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
        return Array(results.compactMap { $0 }.joined())
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
