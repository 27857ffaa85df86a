#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path arithmetic and file-system questions, without Foundation's URL round trips.
public enum FilePath {
    public enum Kind: Sendable { case file, directory }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute against `base`, with `.`, `..` and repeated slashes resolved lexically.
    public static func absolute(_ path: String, base: String) -> String {
        normalized(path.hasPrefix("/") ? path : base + "/" + path)
    }

    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func parent(_ path: String) -> String {
        // On the UTF-8 view: a slash is one byte and never inside a character, and Character-level
        // search costs a grapheme walk per path (thousands of paths per run).
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `path` relative to `base` when it lies below it ("." for `base` itself); otherwise `path` unchanged.
    public static func relative(_ path: String, to base: String) -> String {
        // Byte-wise, like the file system: `hasPrefix` and `dropFirst` would compare and count Characters.
        let count = path.utf8.count
        let baseCount = base.utf8.count
        if count == baseCount, path.compareUTF8Prefix(base, count: count) == 0 { return "." }
        let prefixCount = base == "/" ? 1 : baseCount + 1
        guard count >= prefixCount, path.compareUTF8Prefix(base, count: baseCount) == 0 else { return path }
        let slash = path.utf8.index(path.utf8.startIndex, offsetBy: prefixCount - 1)
        guard path.utf8[slash] == UInt8(ascii: "/") else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The files below `directory` whose paths relative to it match `glob` (`rules/*.yml`, `**/*.yml`), sorted
    /// byte-wise. Only the folder the glob names before its first wildcard is walked; hidden folders are not.
    public static func files(matching glob: String, in directory: String) -> [String] {
        let components = glob.split(separator: "/").map(String.init)
        let literal = components.prefix { !isGlob($0) }
        let start = literal.isEmpty ? directory : join(directory, literal.joined(separator: "/"))
        let pattern = PathGlob(glob)
        var found: [String] = []
        var pending = [start]
        while let folder = pending.popLast() {
            guard let stream = opendir(folder) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != "..", !name.hasPrefix(".") else { continue }
                let path = join(folder, name)
                switch kind(path) {
                case .directory?: pending.append(path)
                case .file?: if pattern.matches(relative(path, to: directory)) { found.append(path) }
                case nil: break
                }
            }
        }
        return found.sorted { $0.precedesInBytes($1) }
    }

    /// What a configuration's path-or-glob relative to `base` names: a path, as an absolute path (whether
    /// or not a file is there); a glob (`*`, `?`, `[` anywhere, `**` for any folders), the files matching it.
    public static func files(named pathOrGlob: String, base: String) -> [String] {
        guard isGlob(pathOrGlob) else { return [absolute(pathOrGlob, base: base)] }
        return files(matching: pathOrGlob, in: pathOrGlob.hasPrefix("/") ? "/" : base)
    }

    /// True when `text` holds a wildcard (`*`, `?`, `[`).
    public static func isGlob(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    public static func kind(_ path: String) -> Kind? {
        try? kindOrError(path)
    }

    /// What `path` is; nil when nothing is there, an error naming the cause when it cannot be examined.
    public static func kindOrError(_ path: String) throws(SOTLintError) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .unreadableFile(path: path, reason: errnoText())
        }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The whole file, or an error that names the path and the system's reason.
    public static func read(_ path: String) throws(SOTLintError) -> [UInt8] {
        // Non-blocking, so that opening a FIFO cannot hang; anything but a regular file is refused.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: errnoText()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadableFile(path: path, reason: errnoText()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadableFile(path: path, reason: "is a directory")
        default: throw .unreadableFile(path: path, reason: "not a regular file")
        }
        return try readAll(descriptor, path: path, sizeHint: Int(info.st_size))
    }

    /// Everything left on an open descriptor (a file, or standard input shown as `path`). Bytes are read
    /// straight into the array that is returned: a file whose size is known (`sizeHint`) is one buffer
    /// and no copy.
    public static func readAll(_ descriptor: Int32, path: String, sizeHint: Int = 0) throws(SOTLintError) -> [UInt8] {
        var bytes: [UInt8] = []
        // One byte more than the size, so that the end of the file is seen without a second buffer.
        var want = max(sizeHint, 0) + 1
        while true {
            var failure: Int32 = 0
            var ended = false
            let part = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
                var filled = 0
                while filled < buffer.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress.unsafelyUnwrapped + filled, buffer.count - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if count == 0 {
                        ended = true
                        break
                    }
                    filled += count
                }
                initialized = filled
            }
            if failure != 0 { throw .unreadableFile(path: path, reason: errnoText(failure)) }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            if ended { return bytes }
            want = max(65_536, bytes.count)
        }
    }

    /// The permission bits of a file, to keep them when it is rewritten.
    public static func permissions(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Deletes a file; true when it is gone.
    /// The path with every symbolic link resolved (`realpath`), nil when it cannot be resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func remove(_ path: String) -> Bool {
        unlink(path) == 0
    }

    package static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
