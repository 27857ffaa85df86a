import Foundation
import SOTSource

/// Per-file analyses a session keeps between its lints (the language server): a file whose bytes,
/// path and profile did not change is not parsed or checked again.
final class AnalysisMemory: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        let path: String
        let isTarget: Bool
        let markdown: Bool
        let scanSecrets: Bool
        let content: ContentHash
        let profile: String

        init(job: FileJob, bytes: [UInt8], profile: String) {
            path = job.display
            isTarget = job.isTarget
            markdown = job.markdown
            scanSecrets = job.scanSecrets
            content = ContentHash(bytes)
            self.profile = profile
        }
    }

    private var analyses: [Key: FileAnalysis?] = [:]
    /// The key each path was last analysed under, so that an edited file's old analysis is dropped.
    private var latest: [String: Key] = [:]
    private let lock = NSLock()

    /// `.some(nil)` when the file is known not to be an SOT document.
    func analysis(_ key: Key) -> FileAnalysis?? {
        lock.lock()
        defer { lock.unlock() }
        return analyses[key]
    }

    func remember(_ key: Key, _ analysis: FileAnalysis?) {
        lock.lock()
        defer { lock.unlock() }
        if let previous = latest[key.path], previous != key { analyses[previous] = nil }
        latest[key.path] = key
        analyses[key] = .some(analysis)
    }
}
