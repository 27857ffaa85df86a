import Dispatch
import Foundation

/// Runs a lint: resolves inputs, reads and parses every file once in parallel, builds each project's
/// workspace once, runs the rules, applies severities, suppressions and allowances, redacts, and returns
/// sorted diagnostics.
public enum Linter {
    public static func lint(_ request: LintRequest) throws(SOTLintError) -> LintReport {
        let inputs = try LintInputs(request: request)
        var diagnostics: [Diagnostic] = []
        var secrets: [[UInt8]] = []
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        for root in Set(byProject.keys).union(inputs.stagedProjects).sorted() {
            guard let project = inputs.projects[root] else { continue }
            let targets = byProject[root] ?? []
            // The workspace only matters to Markdown targets; a run on other files scans them for secrets alone,
            // and when the project's root folder was linted every document is a target already.
            let needsContext = (targets.contains(where: \.markdown) || inputs.stagedProjects.contains(root))
                && !inputs.wholeProjects.contains(root)
            let context = needsContext ? try inputs.contextFiles(of: root) : []
            let run = ProjectRun(project: project, today: request.today, wholeProject: inputs.wholeProjects.contains(root),
                                 currentDirectory: inputs.currentDirectory, base: inputs.base,
                                 reportsDeletions: inputs.wholeProjects.contains(root) || request.staged)
            let result = try run.lint(targets: targets, context: context)
            diagnostics += result.diagnostics
            secrets += result.secrets
        }
        // The one redaction point: nothing reaches a reporter without passing here.
        let redacted = SecretRedactor(secrets: secrets).redact(diagnostics)
        return LintReport(diagnostics: redacted.sorted(), fileCount: inputs.targets.count)
    }
}

extension Linter {
    /// The workspace of each project the request's paths belong to (for `sot-lint graph`), in root order.
    public static func workspaces(_ request: LintRequest) throws(SOTLintError) -> [Workspace] {
        let inputs = try LintInputs(request: request)
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        var workspaces: [Workspace] = []
        for root in byProject.keys.sorted() {
            guard let project = inputs.projects[root] else { continue }
            let context = inputs.wholeProjects.contains(root) ? [] : try inputs.contextFiles(of: root)
            let run = ProjectRun(project: project, today: request.today, wholeProject: inputs.wholeProjects.contains(root),
                                 currentDirectory: inputs.currentDirectory, base: nil, reportsDeletions: false)
            workspaces.append(try run.workspace(targets: byProject[root] ?? [], context: context))
        }
        return workspaces
    }
}

/// The lint of one project: its files, its profile, its workspace.
private struct ProjectRun {
    let project: LintInputs.Project
    let today: CalendarDate
    let wholeProject: Bool
    let currentDirectory: String
    let base: String?
    /// Findings on documents that no longer exist (issue-removed) are reported: the whole project or
    /// the whole commit is being checked.
    let reportsDeletions: Bool

    private var profile: Profile { project.profile }

    struct Job: Sendable {
        let display: String
        let absolute: String
        let isTarget: Bool
        let markdown: Bool
        let scanSecrets: Bool
        /// Bytes from somewhere else than the working tree (the index), if any.
        let bytes: [UInt8]?
    }

    /// What survives a file's worker: diagnostics and summaries, never the document's text.
    struct ParsedFile: Sendable {
        let path: String
        let isTarget: Bool
        var diagnostics: [Diagnostic] = []
        /// Secret findings and allowance problems: exempt from inline suppressions.
        var secretDiagnostics: [Diagnostic] = []
        var suppressions: Suppressions?
        var summary: WorkspaceDocument?
        var secrets: [[UInt8]] = []
        var usedFingerprints: Set<String> = []
    }

    func lint(targets: [LintInputs.Target], context: [LintInputs.ContextFile])
    throws(SOTLintError) -> (diagnostics: [Diagnostic], secrets: [[UInt8]]) {
        let jobs = targets.map { Job(display: $0.displayPath, absolute: $0.absolutePath, isTarget: true,
                                     markdown: $0.markdown, scanSecrets: $0.scanSecrets, bytes: $0.bytes) }
            + context.map(Self.contextJob)
        let files = try parse(jobs)
        let changes = try changeDiagnostics(files, targets: targets)
        var diagnostics = workspaceDiagnostics(files, extra: changes)
        var secrets: [[UInt8]] = []
        var usedFingerprints = Set<String>()
        for file in files {
            secrets += file.secrets
            usedFingerprints.formUnion(file.usedFingerprints)
            diagnostics += file.secretDiagnostics
        }
        diagnostics += try unusedAllowances(used: usedFingerprints)
        return (diagnostics, secrets)
    }

    /// The project's workspace alone (for `sot-lint graph`): every file read as workspace context.
    func workspace(targets: [LintInputs.Target], context: [LintInputs.ContextFile]) throws(SOTLintError) -> Workspace {
        let files = targets.filter(\.markdown).map { LintInputs.ContextFile(display: $0.displayPath, absolute: $0.absolutePath, bytes: $0.bytes) }
            + context
        return Workspace(documents: try parse(files.map(Self.contextJob)).compactMap(\.summary))
    }

    private static func contextJob(_ file: LintInputs.ContextFile) -> Job {
        Job(display: file.display, absolute: file.absolute, isTarget: false, markdown: true, scanSecrets: false, bytes: file.bytes)
    }

    /// Reads and parses every job once, in parallel; the first error stops the run.
    private func parse(_ jobs: [Job]) throws(SOTLintError) -> [ParsedFile] {
        let worker = FileWorker(profile: profile, today: today, catalog: try SecretCatalog.builtIn.get())
        let results = ParallelResults<Result<ParsedFile?, SOTLintError>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results.set(index, worker.process(jobs[index]))
        }
        var files: [ParsedFile] = []
        for result in results.values {
            switch result {
            case .failure(let error)?: throw error
            case .success(let file?)?: files.append(file)
            default: continue
            }
        }
        return files
    }

    /// Change-rule findings against the base revision, when there is one. Findings on a path that is no
    /// longer there (a deleted document) are kept only when the whole project is linted.
    private func changeDiagnostics(_ files: [ParsedFile], targets: [LintInputs.Target]) throws(SOTLintError) -> [Diagnostic] {
        guard let base else { return [] }
        let rules = RuleRegistry.changeRules.filter { profile.settings(for: type(of: $0).metadata.id).severity != nil }
        guard !rules.isEmpty else { return [] }
        var displayOf: [String: String] = [:]
        for target in targets { displayOf[target.absolutePath] = target.displayPath }
        let currentDirectory = self.currentDirectory
        let baseWorkspace = try BaseWorkspace.load(project: project, revision: base, phrases: InvariantPhrases.all(in: profile)) {
            displayOf[$0] ?? FilePath.relative($0, to: currentDirectory)
        }
        let head = Workspace(documents: files.compactMap(\.summary))
        let present = Set(files.map(\.path))
        let targetPaths = Set(targets.map(\.displayPath))
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let id = type(of: rule).metadata.id
            let settings = profile.settings(for: id)
            guard let severity = settings.severity else { continue }
            for finding in rule.check(base: baseWorkspace, head: head, context: WorkspaceContext(profile: profile, settings: settings, today: today))
            where targetPaths.contains(finding.path) || (reportsDeletions && !present.contains(finding.path)) {
                diagnostics.append(Diagnostic(path: finding.path, range: finding.range, severity: severity, rule: id, message: finding.message))
            }
        }
        return diagnostics
    }

    /// Document diagnostics plus workspace-rule findings on targets, after inline suppressions.
    private func workspaceDiagnostics(_ files: [ParsedFile], extra: [Diagnostic]) -> [Diagnostic] {
        let workspace = Workspace(documents: files.compactMap(\.summary))
        var byPath: [String: [Diagnostic]] = [:]
        for file in files where file.isTarget { byPath[file.path] = file.diagnostics }
        var elsewhere: [Diagnostic] = []
        for diagnostic in extra {
            if byPath[diagnostic.path] != nil { byPath[diagnostic.path, default: []].append(diagnostic) } else { elsewhere.append(diagnostic) }
        }
        // Workspace rules are independent of each other: run them side by side.
        let rules = RuleRegistry.workspaceRules.filter { profile.settings(for: type(of: $0).metadata.id).severity != nil }
        let results = ParallelResults<[Diagnostic]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            let rule = rules[index]
            let id = type(of: rule).metadata.id
            let settings = profile.settings(for: id)
            guard let severity = settings.severity else { return }
            let findings = rule.check(workspace, context: WorkspaceContext(profile: profile, settings: settings, today: today))
            results.set(index, findings.map {
                Diagnostic(path: $0.path, range: $0.range, severity: severity, rule: id, message: $0.message)
            })
        }
        for diagnostic in results.values.compactMap({ $0 }).joined() where byPath[diagnostic.path] != nil {
            byPath[diagnostic.path, default: []].append(diagnostic)
        }
        let known = Set(RuleRegistry.ids)
        let unusedSeverity = profile.settings(for: SuppressionUnusedRule.metadata.id).severity
        var diagnostics: [Diagnostic] = elsewhere
        for file in files where file.isTarget {
            let own = byPath[file.path] ?? []
            guard let suppressions = file.suppressions else {
                diagnostics += own
                continue
            }
            let (kept, unused) = suppressions.apply(own, path: file.path, knownRules: known)
            diagnostics += kept
            if let unusedSeverity {
                diagnostics += unused.map {
                    Diagnostic(path: $0.path, range: $0.range, severity: unusedSeverity,
                               rule: SuppressionUnusedRule.metadata.id, message: $0.message)
                }
            }
        }
        return diagnostics
    }

    /// `secrets.allow` fingerprints that matched nothing, reported on the configuration file — only
    /// when the whole project was linted, since a partial run cannot know.
    private func unusedAllowances(used: Set<String>) throws(SOTLintError) -> [Diagnostic] {
        let id = SecretAllowUnusedRule.metadata.id
        guard wholeProject, let severity = profile.settings(for: id).severity, let configPath = profile.configPath,
              profile.secretAllowances.contains(where: { !used.contains($0.fingerprint) }) else { return [] }
        let absolute = FilePath.absolute(configPath, base: currentDirectory)
        let source = SourceText(path: configPath, bytes: try FilePath.read(absolute))
        return profile.secretAllowances.filter { !used.contains($0.fingerprint) }.map { allowance in
            let needle = Array(allowance.fingerprint.utf8)
            let range = ByteSearch.firstIndex(of: needle, in: source.bytes).map { source.range($0..<($0 + needle.count)) }
                ?? SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
            return Diagnostic(path: configPath, range: range, severity: severity, rule: id,
                              message: "`secrets.allow` fingerprint \(allowance.fingerprint) matches no finding in the project; remove it")
        }
    }
}

/// Reads, parses and checks one file on a worker thread.
private struct FileWorker: Sendable {
    let profile: Profile
    let today: CalendarDate
    let catalog: SecretCatalog
    let phrases: [DeclaredInvariant.Kind: InvariantPhrases]
    let documentRules: [any DocumentRule]

    init(profile: Profile, today: CalendarDate, catalog: SecretCatalog) {
        self.profile = profile
        self.today = today
        self.catalog = catalog
        phrases = InvariantPhrases.all(in: profile)
        documentRules = RuleRegistry.documentRules.filter { profile.settings(for: type(of: $0).metadata.id).severity != nil }
    }

    func process(_ job: ProjectRun.Job) -> Result<ProjectRun.ParsedFile?, SOTLintError> {
        let bytes: [UInt8]
        do throws(SOTLintError) {
            if let preloaded = job.bytes { bytes = preloaded } else { bytes = try FilePath.read(job.absolute) }
        } catch {
            if case .unreadableFile(_, let reason) = error { return .failure(.unreadableFile(path: job.display, reason: reason)) }
            return .failure(error)
        }
        // A context file can only join the workspace if it names the classification key.
        guard job.isTarget || ByteSearch.contains(bytes, Array("lifecycle_classification".utf8)) else { return .success(nil) }
        let source = SourceText(path: job.display, bytes: bytes)
        var file = ProjectRun.ParsedFile(path: job.display, isTarget: job.isTarget)
        if job.markdown {
            let document = DocumentBuilder.build(source, profile: profile)
            if job.isTarget {
                for rule in documentRules {
                    let id = type(of: rule).metadata.id
                    let settings = profile.settings(for: id)
                    guard let severity = settings.severity else { continue }
                    let findings = rule.check(document, context: DocumentContext(profile: profile, settings: settings, today: today))
                    file.diagnostics += findings.map {
                        Diagnostic(path: $0.path, range: $0.range, severity: severity, rule: id, message: $0.message, fix: $0.fix)
                    }
                }
                file.suppressions = Suppressions(document)
            }
            // Only the summary outlives this worker: the document's text and tree are freed here.
            if document.isSOT { file.summary = WorkspaceDocument(document, profile: profile, phrases: phrases) }
        }
        if job.isTarget, job.scanSecrets, job.markdown || !Self.isBinary(bytes) {
            scanSecrets(source, markdown: job.markdown, into: &file)
        }
        return .success(file)
    }

    private func scanSecrets(_ source: SourceText, markdown: Bool, into file: inout ProjectRun.ParsedFile) {
        let leak = SecretLeakRule.metadata.id
        let unused = SecretAllowUnusedRule.metadata.id
        let result = SecretFinder(catalog: catalog, allowances: profile.secretAllowances).scan(source, markdown: markdown)
        file.secrets = result.secrets
        file.usedFingerprints = result.usedFingerprints
        if let severity = profile.settings(for: leak).severity {
            file.secretDiagnostics += result.findings.map {
                Diagnostic(path: $0.path, range: $0.range, severity: severity, rule: leak, message: $0.message)
            }
        }
        if let severity = profile.settings(for: unused).severity {
            file.secretDiagnostics += result.unusedDirectives.map {
                Diagnostic(path: $0.path, range: $0.range, severity: severity, rule: unused, message: $0.message)
            }
        }
    }

    /// Git's rule: a NUL byte in the first 8,000 bytes makes a file binary.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8_000).contains(0)
    }
}

/// Slots filled concurrently by `concurrentPerform`, read after it returns.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = [Value?](repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
