#if canImport(Glibc)
import Glibc
#endif

/// Applies the fixes rules offer, pass after pass until nothing changes, writing each file atomically
/// (temporary file and rename, permissions kept). Bytes outside an edit are never touched.
public enum Fixer {
    /// A file the fixes change: its path as reported, and its bytes before and after.
    public struct Change: Sendable {
        public let path: String
        public let before: [UInt8]
        public let after: [UInt8]
    }

    static let maximumPasses = 8

    /// Fixes the request's files. With `write: false` nothing is written and one pass is computed.
    public static func fix(_ request: LintRequest, write: Bool) throws(SOTLintError) -> [Change] {
        let currentDirectory = FilePath.currentDirectory()
        var original: [String: [UInt8]] = [:]
        var latest: [String: [UInt8]] = [:]
        for _ in 0..<(write ? maximumPasses : 1) {
            let report = try Linter.lint(request)
            let fixes = Dictionary(grouping: report.diagnostics.filter { $0.fix != nil }, by: \.path)
            guard !fixes.isEmpty else { break }
            var changed = false
            for path in fixes.keys.sorted() {
                let absolute = FilePath.absolute(path, base: currentDirectory)
                let bytes = try FilePath.read(absolute)
                let fixed = Fix.apply(fixes[path]?.compactMap(\.fix) ?? [], to: bytes)
                guard fixed != bytes else { continue }
                if original[path] == nil { original[path] = bytes }
                latest[path] = fixed
                changed = true
                if write { try AtomicFile.write(fixed, to: absolute, mode: FilePath.permissions(absolute) ?? 0o644) }
            }
            if !changed { break }
        }
        return original.keys.sorted().compactMap { path in
            guard let before = original[path], let after = latest[path] else { return nil }
            return Change(path: path, before: before, after: after)
        }
    }
}
