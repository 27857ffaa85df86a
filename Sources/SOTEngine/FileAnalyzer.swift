import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Reads, parses and checks one file on a worker thread, with the rules the profile turns on.
package struct FileAnalyzer: Sendable {
    package let profile: Profile
    package let today: CalendarDate
    package let detail: ModelDetail
    /// The project root, which `sot_documents.paths` are relative to.
    package let root: String
    private let marker: [UInt8]
    private let documentRules: [EnabledRule<any DocumentRule>]
    private let contentRules: [(rule: any ContentRule, severity: Severity?, settings: RuleSettings)]
    private let phrases: [DeclaredInvariant.Kind: InvariantPhrases]

    package init(profile: Profile, rules: RuleSet, today: CalendarDate, detail: ModelDetail, root: String) {
        self.profile = profile
        self.root = root
        marker = Array(profile.sot.marker.utf8)
        self.today = today
        self.detail = detail
        phrases = rules.invariantPhrases(in: profile)
        documentRules = EnabledRule.all(rules.documentRules, metadata: { $0.metadata }, profile: profile, today: today)
        // A content rule that is off still runs for its redactions: a secret is never printed.
        contentRules = rules.contentRules.map { rule in
            let settings = profile.settings(for: rule.metadata.id)
            return (rule, settings.severity, settings)
        }
    }

    /// The analysis of `job`, or nil for a context file that is not an SOT document.
    package func analyze(_ job: FileJob, bytes: [UInt8], syntax parse: (SourceText) -> DocumentSyntax = DocumentSyntax.parse) -> FileAnalysis? {
        // A context file can only join the workspace if it names the marker key or its path makes it SOT.
        let relative = FilePath.relative(job.absolute, to: root)
        let sotByPath = profile.isSOTByPath(relative)
        guard job.isTarget || sotByPath || ByteSearch.contains(bytes, marker) else { return nil }
        // Our own reports are never findings (a SARIF report quotes example tokens in its rule help).
        guard !OwnReport.isOwnReport(bytes) else { return nil }
        let source = SourceText(path: job.display, bytes: bytes)
        var analysis = FileAnalysis(path: job.display, isTarget: job.isTarget)
        analysis.isMarkdown = job.markdown
        var code: MarkdownCodeRegions?
        if job.markdown {
            let syntax = parse(source)
            code = syntax.code
            let document = DocumentBuilder(syntax: syntax, profile: profile, relativePath: relative).build()
            if job.isTarget {
                for enabled in documentRules {
                    analysis.diagnostics += enabled.diagnostics(enabled.rule.check(document, context: enabled.context))
                }
                analysis.dated = DatedFacts(path: document.path, isSOT: document.isSOT, frontMatter: document.frontMatter)
                analysis.suppressions = Suppressions(document)
            }
            // Only the summary outlives this worker: the document's text and tree are freed here.
            if document.isSOT { analysis.summary = WorkspaceDocument(document, profile: profile, phrases: phrases, detail: detail) }
        }
        if job.isTarget, job.scanSecrets, job.markdown || !Self.isBinary(bytes) {
            checkContent(ContentFile(source: source, markdown: job.markdown, code: code), into: &analysis)
        }
        return analysis
    }

    /// The content rules (the secret scan) alone, for `sot-lint secrets`: no document is built and no other
    /// file is needed; a Markdown file's code is parsed by the scan, and only when it holds a backtick or a
    /// tilde. The same content findings as `analyze` gives the file.
    package func analyzeContent(_ job: FileJob, bytes: [UInt8]) -> FileAnalysis? {
        guard !OwnReport.isOwnReport(bytes) else { return nil }
        var analysis = FileAnalysis(path: job.display, isTarget: true)
        if job.scanSecrets, job.markdown || !Self.isBinary(bytes) {
            checkContent(ContentFile(source: SourceText(path: job.display, bytes: bytes), markdown: job.markdown), into: &analysis)
        }
        return analysis
    }

    private func checkContent(_ file: ContentFile, into analysis: inout FileAnalysis) {
        for (rule, severity, settings) in contentRules {
            let found = rule.check(file, context: ContentContext(profile: profile, settings: settings))
            analysis.redact += found.redact
            analysis.facts.formUnion(found.facts)
            guard let severity else { continue }
            analysis.contentDiagnostics += found.findings.map {
                $0.diagnostic(rule.metadata.id, severity)
            }
        }
    }


    /// Git's rule: a NUL byte in the first 8,000 bytes makes a file binary.
    package static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8_000).contains(0)
    }
}
