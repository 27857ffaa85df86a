import Foundation
import SOTSource

/// The cache folder itself: made on first use, ignored by git and marked as a cache for backup tools,
/// like other tools' caches.
package enum CacheFolder {
    /// Makes `directory` when it is missing; false when it cannot be made.
    package static func prepare(_ directory: String) -> Bool {
        guard FilePath.kind(directory) == nil else { return true }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else { return false }
        try? AtomicFile.write(Array("# Created by sot-lint: a cache, never commit it.\n*\n".utf8),
                              to: FilePath.join(directory, ".gitignore"), mode: 0o644)
        try? AtomicFile.write(Array("Signature: 8a477f597d28d172789f06886806bc55\n# sot-lint cache\n".utf8),
                              to: FilePath.join(directory, "CACHEDIR.TAG"), mode: 0o644)
        return true
    }

    /// Removes the least recently written files named `prefix…suffix` in `directory` beyond the newest
    /// `keeping` (ties broken by name, so concurrent runs agree on which go).
    package static func removeOldest(in directory: String, prefix: String, suffix: String, keeping: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let files = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.compactMap { name -> (name: String, stat: FileStat)? in
            FileStat.of(FilePath.join(directory, name)).map { (name, $0) }
        }
        guard files.count > keeping else { return }
        let newestFirst = files.sorted { left, right in
            let a = (left.stat.modifiedSeconds, left.stat.modifiedNanoseconds)
            let b = (right.stat.modifiedSeconds, right.stat.modifiedNanoseconds)
            return a != b ? a > b : left.name.precedesInBytes(right.name)
        }
        for file in newestFirst.dropFirst(keeping) { unlink(FilePath.join(directory, file.name)) }
    }
}
