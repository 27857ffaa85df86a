import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// What the engine keeps of one file after its own checks: everything later steps need, never the
/// file's text or tree. It depends only on the bytes, the profile and the tool, so it can be cached.
struct FileAnalysis: Sendable {
    let path: String
    let isTarget: Bool
    /// Document-rule diagnostics (severities applied) of a linted Markdown file.
    var diagnostics: [Diagnostic] = []
    /// What the dated rules read; they run after the cache, on every lint.
    var dated: DatedFacts?
    var suppressions: Suppressions?
    /// The SOT document's contribution to the workspace.
    var summary: WorkspaceDocument?
    /// Content-rule diagnostics (secrets).
    var contentDiagnostics: [Diagnostic] = []
    /// Byte strings no report may quote (kept in memory only).
    var redact: [[UInt8]] = []
    var facts: Set<String> = []
}

/// One file to analyse: where it is, what applies to it, and its bytes when they do not come from disk.
struct FileJob: Sendable {
    let display: String
    let absolute: String
    let isTarget: Bool
    let markdown: Bool
    let scanSecrets: Bool
    /// Bytes from somewhere else than the working tree (the index, an editor buffer), if any.
    let bytes: [UInt8]?
}
