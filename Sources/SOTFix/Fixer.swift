import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// Applies the fixes rules offer, pass after pass until nothing changes. Passes run on the session's
/// buffers, so a dry run iterates as far as a real one and unchanged files are not checked again;
/// writing happens once at the end, each file atomically (temporary file and rename, permissions
/// kept). Bytes outside an edit are never touched.
public enum Fixer {
    /// A file the fixes change: its path as reported, and its bytes before and after.
    public struct Change: Sendable {
        public let path: String
        public let before: [UInt8]
        public let after: [UInt8]
        /// Fixes applied to the file, over every pass.
        public let fixes: Int
    }

    package static let maximumPasses = 8

    /// Fixes the request's files in `session`. With `write: false` nothing is written.
    public static func fix(_ request: LintRequest, in session: LintSession, write: Bool) throws(SOTLintError) -> [Change] {
        let workingDirectory = session.options.workingDirectory
        var original: [String: [UInt8]] = [:]
        var latest: [String: [UInt8]] = [:]
        var applied: [String: Int] = [:]
        defer { for path in latest.keys { session.close(path: path) } }
        for _ in 0..<maximumPasses {
            let report = try session.lint(request)
            let fixes = Dictionary(grouping: report.diagnostics.filter { $0.fix != nil }, by: \Diagnostic.path)
            var changed = false
            for path in fixes.keys.sorted() {
                let bytes: [UInt8]
                if let current = latest[path] { bytes = current } else { bytes = try FilePath.read(FilePath.absolute(path, base: workingDirectory)) }
                let (fixed, count) = Fix.applying(fixes[path]?.compactMap(\Diagnostic.fix) ?? [], to: bytes)
                guard fixed != bytes else { continue }
                applied[path, default: 0] += count
                if original[path] == nil { original[path] = bytes }
                latest[path] = fixed
                session.update(path: path, text: fixed)
                changed = true
            }
            if !changed { break }
        }
        let changes = original.keys.sorted().compactMap { path -> Change? in
            guard let before = original[path], let after = latest[path] else { return nil }
            return Change(path: path, before: before, after: after, fixes: applied[path] ?? 0)
        }
        if write {
            for change in changes {
                let absolute = FilePath.absolute(change.path, base: workingDirectory)
                try AtomicFile.write(change.after, to: absolute, mode: FilePath.permissions(absolute) ?? 0o644)
            }
        }
        return changes
    }
}
