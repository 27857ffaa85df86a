import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// What the engine keeps of one file after its own checks: everything later steps need, never the
/// file's text or tree. It depends only on the bytes, the profile and the tool, so it can be cached.
package struct FileAnalysis: Sendable {
    package let path: String
    package let isTarget: Bool
    /// Read as Markdown (a document, if it is one); false for a file only scanned for secrets.
    package var isMarkdown = false
    /// Document-rule diagnostics (severities applied) of a linted Markdown file.
    package var diagnostics: [Diagnostic] = []
    /// What the dated rules read; they run after the cache, on every lint.
    package var dated: DatedFacts?
    package var suppressions: Suppressions?
    /// The SOT document's contribution to the workspace.
    package var summary: WorkspaceDocument?
    /// Content-rule diagnostics (secrets).
    package var contentDiagnostics: [Diagnostic] = []
    /// Byte strings no report may quote (kept in memory only).
    package var redact: [[UInt8]] = []
    package var facts: Set<String> = []
}

/// One file to analyse: where it is, what applies to it, and its bytes when they do not come from disk.
package struct FileJob: Sendable {
    package let display: String
    package let absolute: String
    package let isTarget: Bool
    package let markdown: Bool
    package let scanSecrets: Bool
    /// Bytes from somewhere else than the working tree (the index, an editor buffer), if any.
    package let bytes: [UInt8]?
}
