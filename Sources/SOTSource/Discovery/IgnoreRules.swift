#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ignore files that apply to one directory: `.git/info/exclude` of the root, then each
/// .gitignore from the root down. Paths are UTF-8 bytes relative to the ignore root.
package struct IgnoreRules: Sendable {
    private struct Level: Sendable {
        /// Where paths relative to the ignore file's directory start within paths relative to the root.
        package let pathStart: Int
        package let patterns: [GitignorePattern]
    }

    /// Lowest precedence first: git lets a deeper .gitignore override a shallower one, and any
    /// .gitignore override `.git/info/exclude`.
    private var levels: [Level] = []

    package init() {}

    /// Adds an ignore file's contents for the directory `base`, which must be deeper than (or the same
    /// as) every level already added.
    package mutating func add(contents: [UInt8], base: [UInt8]) {
        let patterns = Self.patterns(in: contents)
        guard !patterns.isEmpty else { return }
        levels.append(Level(pathStart: base.isEmpty ? 0 : base.count + 1, patterns: patterns))
    }

    /// Adds the ignore file at `filePath` when it is a readable regular file.
    /// `followSymlinks` is false for in-tree .gitignore files, which git refuses to follow.
    package mutating func add(fileAt filePath: [UInt8], base: [UInt8], followSymlinks: Bool) {
        guard let contents = Self.readRegularFile(filePath, followSymlinks: followSymlinks) else { return }
        add(contents: contents, base: base)
    }

    /// Whether `path` (relative to the root, every level's base an ancestor of it) is excluded by these
    /// rules alone; excluded parent directories are the caller's business, since git never descends into them.
    package func isExcluded(_ path: [UInt8], isDirectory: Bool) -> Bool {
        let basenameStart = (path.lastIndex(of: DiscoveryByte.slash) ?? -1) + 1
        for level in levels.reversed() {
            for pattern in level.patterns.reversed()
            where pattern.matches(path, from: level.pathStart, basenameStart: basenameStart, isDirectory: isDirectory) {
                return !pattern.isNegated
            }
        }
        return false
    }

    package static func patterns(in contents: [UInt8]) -> [GitignorePattern] {
        var body = contents[...]
        // git skips a UTF-8 byte order mark at the start of an ignore file.
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.split(separator: DiscoveryByte.newline, omittingEmptySubsequences: true)
            .compactMap { GitignorePattern(line: $0) }
    }

    private static func readRegularFile(_ path: [UInt8], followSymlinks: Bool) -> [UInt8]? {
        let flags = O_RDONLY | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW)
        let descriptor = DiscoveryPath.withCString(path) { open($0, flags) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            contents.append(contentsOf: chunk[0..<count])
        }
        return contents
    }
}
