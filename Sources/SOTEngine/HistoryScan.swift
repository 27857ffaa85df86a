import SOTSource
import SOTModel
import SOTRules

/// What the commits of a range added to a project's files, checked by the content rules that read added text
/// (the secret scan). Each finding names its commit and sits on the file's line in that commit; a value found
/// again in later commits, or still in the files being linted, is reported once.
package struct HistoryScan {
    package let project: LintInputs.Project
    package let rules: RuleSet
    package let workingDirectory: String
    /// Absolute paths the user named in this project (files or folders): the pathspecs.
    package let paths: [String]

    package struct Result {
        package var diagnostics: [Diagnostic] = []
        package var redact: [String: [[UInt8]]] = [:]
        package var facts = Set<String>()
        /// The files whose added lines were read.
        package var files = Set<String>()
    }

    /// A finding of commit `commit` (its first 12 hex digits) says so first.
    package static func message(_ message: String, commit: String) -> String {
        "In commit \(commit.prefix(12)): " + message
    }

    /// The message without the commit it names: what a baseline entry recorded from the files matches.
    package static func withoutCommit(_ message: String) -> String {
        guard message.hasPrefix("In commit "), let colon = message.firstIndex(of: ":") else { return message }
        let commit = message[message.index(message.startIndex, offsetBy: 10)..<colon]
        guard commit.count == 12, commit.allSatisfy(\.isHexDigit) else { return message }
        return String(message[message.index(colon, offsetBy: 2)...])
    }

    /// Scans `range` (`git log` syntax). `known` are diagnostics already reported from the files themselves:
    /// a value still there is not reported again from history.
    package func scan(range: String, known: [Diagnostic] = [], progress: ((Int) -> Void)? = nil) throws(SOTLintError) -> Result {
        let profile = project.profile
        let active = rules.contentRules.filter { type(of: $0).checksAddedText }.compactMap { rule -> (any ContentRule, Severity, RuleSettings)? in
            let settings = profile.settings(for: rule.metadata.id)
            return settings.severity.map { (rule, $0, settings) }
        }
        var result = Result()
        guard !active.isEmpty else { return result }
        let git = try GitRepository.find(from: project.location.root, purpose: "reading the history")
        let top = FilePath.realPath(git.topLevel) ?? git.topLevel
        let root = FilePath.realPath(project.location.root) ?? project.location.root
        let pathspecs = paths.map { path -> String in
            let real = FilePath.realPath(path) ?? path
            let relative = FilePath.relative(real, to: top)
            return relative.isEmpty || relative == "." ? ":/" : ":/" + relative
        }
        var seen = Set<Key>()
        for diagnostic in known { seen.insert(Key(path: diagnostic.path, rule: diagnostic.rule, message: diagnostic.message)) }
        try git.addedText(range: range, pathspecs: pathspecs, progress: progress) { added in
            let absolute = FilePath.join(top, added.path)
            // Files of this project only, not excluded, not sot-lint's own baseline.
            guard FilePath.relative(absolute, to: root).hasPrefix("..") == false, !project.isExcluded(absolute),
                  project.scansSecrets(absolute), !added.path.hasSuffix(Baseline.fileName) else { return }
            let display = FilePath.relative(FilePath.join(project.location.root, FilePath.relative(absolute, to: root)), to: workingDirectory)
            let markdown = LintInputs.isMarkdown(added.path)
            let file = ContentFile(source: SourceText(path: display, bytes: added.bytes), markdown: markdown)
            result.files.insert(display)
            for (rule, severity, settings) in active {
                let found = rule.check(file, context: ContentContext(profile: profile, settings: settings))
                result.facts.formUnion(found.facts)
                if !found.redact.isEmpty { result.redact[display, default: []] += found.redact }
                for finding in found.findings {
                    let line = finding.range.start.line - 1
                    guard line >= 0, line < added.lines.count, added.added[line] else { continue }
                    let key = Key(path: display, rule: rule.metadata.id, message: finding.message)
                    guard seen.insert(key).inserted else { continue }
                    let lastLine = min(max(finding.range.end.line - 1, line), added.lines.count - 1)
                    let range = SourceRange(start: SourcePosition(line: added.lines[line], column: finding.range.start.column),
                                            end: SourcePosition(line: added.lines[lastLine], column: finding.range.end.column))
                    var moved = Finding(path: display, range: range, message: Self.message(finding.message, commit: added.commit))
                    moved.severity = finding.severity
                    result.diagnostics.append(moved.diagnostic(rule.metadata.id, severity))
                }
            }
        }
        return result
    }

    private struct Key: Hashable {
        let path: String
        let rule: String
        let message: String
    }
}
