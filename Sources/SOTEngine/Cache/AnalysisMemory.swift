import Foundation
import SOTSource
import SOTSyntax

/// Per-file analyses a session keeps between its lints (the language server): a file whose bytes,
/// path and profile did not change is not parsed or checked again.
package final class AnalysisMemory: @unchecked Sendable {
    package struct Key: Hashable, Sendable {
        package let path: String
        package let isTarget: Bool
        package let markdown: Bool
        package let scanSecrets: Bool
        package let content: ContentHash
        package let profile: String

        package init(job: FileJob, bytes: [UInt8], profile: String) {
            path = job.display
            isTarget = job.isTarget
            markdown = job.markdown
            scanSecrets = job.scanSecrets
            content = ContentHash(bytes)
            self.profile = profile
        }
    }

    private var analyses: [Key: FileAnalysis?] = [:]
    /// Profile-free syntax by path and content: a new profile re-reads it without parsing again. The path
    /// is part of the key because a syntax carries its source's path, which every finding and summary of
    /// the document takes: the same bytes under another name (an editor's buffer linted by its absolute
    /// path, the file found on disk by a relative one) are another document.
    private struct SyntaxKey: Hashable {
        let path: String
        let content: ContentHash
    }
    private var syntaxes: [SyntaxKey: DocumentSyntax] = [:]
    private var contentOf: [String: ContentHash] = [:]
    /// How many files were parsed, and how many analyses were reused (for tests and statistics).
    private(set) var parses = 0
    private(set) var reused = 0
    /// The key each path was last analysed under, so that an edited file's old analysis is dropped.
    private var latest: [String: Key] = [:]
    private let lock = NSLock()

    /// `.some(nil)` when the file is known not to be an SOT document.
    package func analysis(_ key: Key) -> FileAnalysis?? {
        lock.lock()
        defer { lock.unlock() }
        let found = analyses[key]
        if found != nil { reused += 1 }
        return found
    }

    /// The syntax of `source` (whose content hash is `content`), parsed only the first time.
    package func syntax(_ source: SourceText, content: ContentHash) -> DocumentSyntax {
        let key = SyntaxKey(path: source.path, content: content)
        lock.lock()
        if let known = syntaxes[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let parsed = DocumentSyntax.parse(source)
        lock.lock()
        parses += 1
        if let previous = contentOf[source.path], previous != content { syntaxes[SyntaxKey(path: source.path, content: previous)] = nil }
        contentOf[source.path] = content
        syntaxes[key] = parsed
        lock.unlock()
        return parsed
    }

    package var statistics: (parses: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (parses, reused)
    }

    package func remember(_ key: Key, _ analysis: FileAnalysis?) {
        lock.lock()
        defer { lock.unlock() }
        if let previous = latest[key.path], previous != key { analyses[previous] = nil }
        latest[key.path] = key
        analyses[key] = .some(analysis)
    }
}
