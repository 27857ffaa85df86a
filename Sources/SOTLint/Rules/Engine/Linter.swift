import Dispatch
import Foundation

/// Runs a lint: resolves inputs, parses every file once in parallel, builds each project's workspace
/// once, runs the rules, applies severities and suppressions, and returns sorted diagnostics.
public enum Linter {
    public static func lint(_ request: LintRequest) throws(SOTLintError) -> LintReport {
        let inputs = try LintInputs(request: request)
        var diagnostics: [Diagnostic] = []
        let byProject = Dictionary(grouping: inputs.targets, by: \.project)
        for root in byProject.keys.sorted() {
            guard let project = inputs.projects[root], let targets = byProject[root] else { continue }
            let context = try inputs.contextFiles(of: root)
            diagnostics += try lintProject(project, targets: targets, context: context, today: request.today)
        }
        return LintReport(diagnostics: diagnostics.sorted(), fileCount: inputs.targets.count)
    }

    private static func lintProject(_ project: LintInputs.Project, targets: [LintInputs.Target],
                                    context: [(display: String, absolute: String)],
                                    today: CalendarDate) throws(SOTLintError) -> [Diagnostic] {
        let profile = project.profile
        let jobs = targets.map { ($0.displayPath, $0.absolutePath, true) } + context.map { ($0.display, $0.absolute, false) }
        let results = ParallelResults<Result<ParsedFile?, SOTLintError>>(count: jobs.count)
        let phrases = InvariantPhrases(profile: profile)
        let enabledDocumentRules = RuleRegistry.documentRules.filter { profile.settings(for: type(of: $0).metadata.id).severity != nil }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (display, absolute, isTarget) = jobs[index]
            let bytes: [UInt8]
            do throws(SOTLintError) {
                bytes = try FilePath.read(absolute)
            } catch {
                results.set(index, .failure(SOTLintError.unreadableFile(path: display, reason: Self.reason(error))))
                return
            }
            // A context file can only join the workspace if it names the classification key.
            guard isTarget || ByteSearch.contains(bytes, Array("lifecycle_classification".utf8)) else {
                results.set(index, .success(nil))
                return
            }
            let document = DocumentBuilder.build(SourceText(path: display, bytes: bytes), profile: profile)
            var diagnostics: [Diagnostic] = []
            if isTarget {
                for rule in enabledDocumentRules {
                    let id = type(of: rule).metadata.id
                    let settings = profile.settings(for: id)
                    guard let severity = settings.severity else { continue }
                    let findings = rule.check(document, context: DocumentContext(profile: profile, settings: settings, today: today))
                    diagnostics += findings.map { Diagnostic(path: $0.path, range: $0.range, severity: severity, rule: id, message: $0.message) }
                }
            }
            // Only the summary outlives this closure: the document's text and tree are freed here.
            results.set(index, .success(ParsedFile(
                path: display, isTarget: isTarget, diagnostics: diagnostics,
                suppressions: isTarget ? Suppressions(document) : nil,
                summary: document.isSOT ? WorkspaceDocument(document, profile: profile, phrases: phrases) : nil)))
        }
        var files: [ParsedFile] = []
        for result in results.values {
            switch result {
            case .failure(let error)?: throw error
            case .success(let file?)?: files.append(file)
            default: continue
            }
        }
        let workspace = Workspace(documents: files.compactMap(\.summary))
        var byPath: [String: [Diagnostic]] = [:]
        for file in files where file.isTarget { byPath[file.path] = file.diagnostics }
        for rule in RuleRegistry.workspaceRules {
            let id = type(of: rule).metadata.id
            let settings = profile.settings(for: id)
            guard let severity = settings.severity else { continue }
            for finding in rule.check(workspace, context: WorkspaceContext(profile: profile, settings: settings, today: today))
            where byPath[finding.path] != nil {
                byPath[finding.path, default: []].append(
                    Diagnostic(path: finding.path, range: finding.range, severity: severity, rule: id, message: finding.message))
            }
        }
        let known = Set(RuleRegistry.ids)
        let unusedSeverity = profile.settings(for: SuppressionUnusedRule.metadata.id).severity
        var diagnostics: [Diagnostic] = []
        for file in files where file.isTarget {
            let own = byPath[file.path] ?? []
            let (kept, unused) = (file.suppressions ?? Suppressions()).apply(own, path: file.path, knownRules: known)
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

    private struct ParsedFile: Sendable {
        let path: String
        let isTarget: Bool
        let diagnostics: [Diagnostic]
        let suppressions: Suppressions?
        let summary: WorkspaceDocument?
    }

    private static func reason(_ error: SOTLintError) -> String {
        if case .unreadableFile(_, let reason) = error { return reason }
        return error.description
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
