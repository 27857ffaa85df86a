#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum DiscoveryError: Error, Equatable, Sendable {
    case unreadableDirectory(path: String, reason: String)
}

/// Lists files the way `git ls-files --cached --others --exclude-standard` would see a working tree,
/// without running git: .gitignore files (nested ones too) and `.git/info/exclude` are honoured.
public struct FileDiscovery: Sendable {
    private let ignoreRoot: String

    /// `ignoreRoot`: the directory whose .gitignore files (and those of every directory between it and
    /// `directory`) apply; normally the git top level or the project root. Must be `directory` itself or an ancestor.
    public init(ignoreRoot: String) {
        self.ignoreRoot = ignoreRoot
    }

    /// Every regular file below `directory` (recursively) for which `accept(fileName)` is true,
    /// skipping `.git` and everything ignored; symbolic links to directories are not followed.
    /// Paths are `directory` joined with the relative path, sorted byte-wise.
    public func files(under directory: String, accept: (String) -> Bool) throws -> [String] {
        let root = DiscoveryPath.canonical(Array(ignoreRoot.utf8))
        let start = DiscoveryPath.canonical(Array(directory.utf8))
        var relative: [UInt8] = []
        var rules = IgnoreRules()
        if let inside = DiscoveryPath.relative(start, to: root) {
            // A directory that is itself ignored (or inside one) has no files git would see.
            guard let inherited = inheritedRules(from: root, reaching: inside, lastIsDirectory: true) else { return [] }
            relative = inside
            rules = inherited
        }
        // Outside the ignore root only the ignore files at and below `directory` can apply.
        var found: [[UInt8]] = []
        let display = DiscoveryPath.trimmingTrailingSlashes(directory)
        try walk(display: display, relative: relative, rules: rules, accept: accept, into: &found)
        found.sort { $0.lexicographicallyPrecedes($1) }
        return found.map { String(decoding: $0, as: UTF8.self) }
    }

    /// True when `path` (a file, relative to the cwd or absolute, under ignoreRoot) is ignored by the rules,
    /// directly or because a parent directory is. Paths inside a `.git` folder count as ignored, since
    /// `files(under:accept:)` never returns them.
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        let root = DiscoveryPath.canonical(Array(ignoreRoot.utf8))
        let target = DiscoveryPath.canonicalKeepingLastComponent(DiscoveryPath.trimmingTrailingSlashes(path))
        guard let relative = DiscoveryPath.relative(target, to: root), !relative.isEmpty else { return false }
        return inheritedRules(from: root, reaching: relative, lastIsDirectory: isDirectory) == nil
    }

    /// The rules in force inside `relative`: `.git/info/exclude` plus the .gitignore files of every
    /// directory from `root` down to `relative`'s parent. nil when `relative` or one of its parents is
    /// excluded or is a `.git` folder, because git never looks inside an excluded directory.
    private func inheritedRules(from root: [UInt8], reaching relative: [UInt8], lastIsDirectory: Bool) -> IgnoreRules? {
        var rules = IgnoreRules()
        let exclude = DiscoveryPath.join(root, Array(".git/info/exclude".utf8))
        rules.add(fileAt: exclude, base: [], followSymlinks: true)
        let components = relative.split(separator: DiscoveryByte.slash)
        var prefix: [UInt8] = []
        for (index, component) in components.enumerated() {
            let gitignore = DiscoveryPath.join(DiscoveryPath.join(root, prefix), DiscoveryPath.gitignoreName)
            rules.add(fileAt: gitignore, base: prefix, followSymlinks: false)
            prefix = DiscoveryPath.join(prefix, component)
            if component.elementsEqual(DiscoveryPath.gitDirectoryName) { return nil }
            let isDirectory = index < components.count - 1 || lastIsDirectory
            if rules.isExcluded(prefix, isDirectory: isDirectory) { return nil }
        }
        return rules
    }

    /// `display` is the directory as the caller spells it (and as results are spelled);
    /// `relative` is the same directory relative to the ignore root, which patterns are matched against.
    private func walk(
        display: [UInt8],
        relative: [UInt8],
        rules inherited: IgnoreRules,
        accept: (String) -> Bool,
        into found: inout [[UInt8]]
    ) throws {
        let openPath = display.isEmpty ? [DiscoveryByte.dot] : display
        let listing = try DirectoryListing(path: openPath)
        var rules = inherited
        if listing.hasGitignore {
            let gitignore = DiscoveryPath.join(openPath, DiscoveryPath.gitignoreName)
            rules.add(fileAt: gitignore, base: relative, followSymlinks: false)
        }
        for entry in listing.entries {
            let childRelative = DiscoveryPath.join(relative, entry.name)
            if entry.isDirectory {
                guard !rules.isExcluded(childRelative, isDirectory: true) else { continue }
                let childDisplay = DiscoveryPath.join(display, entry.name)
                try walk(display: childDisplay, relative: childRelative, rules: rules, accept: accept, into: &found)
            } else {
                guard accept(String(decoding: entry.name, as: UTF8.self)),
                    !rules.isExcluded(childRelative, isDirectory: false)
                else { continue }
                found.append(DiscoveryPath.join(display, entry.name))
            }
        }
    }
}

/// The entries of one directory that discovery cares about: subdirectories (not symlinks to them) and
/// regular files (symlinks to them included); `.`, `..` and `.git` are left out.
private struct DirectoryListing {
    struct Entry {
        let name: [UInt8]
        let isDirectory: Bool
    }

    private(set) var entries: [Entry] = []
    private(set) var hasGitignore = false

    init(path: [UInt8]) throws {
        guard let stream = DiscoveryPath.withCString(path, { opendir($0) }) else {
            throw Self.error(path)
        }
        defer { closedir(stream) }
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw Self.error(path) }
                return
            }
            let type = entry.pointee.d_type
            let (name, kind) = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> ([UInt8], Bool?) in
                let name = Array(raw.prefix { $0 != 0 })
                let pointer = raw.bindMemory(to: CChar.self)
                guard let cName = pointer.baseAddress else { return (name, nil) }
                return (name, Self.isDirectory(type: type, directory: dirfd(stream), name: cName))
            }
            if name == [DiscoveryByte.dot] || name == [DiscoveryByte.dot, DiscoveryByte.dot] { continue }
            if name == DiscoveryPath.gitDirectoryName { continue }
            if name == DiscoveryPath.gitignoreName { hasGitignore = true }
            if let isDirectory = kind { entries.append(Entry(name: name, isDirectory: isDirectory)) }
        }
    }

    /// true for a directory, false for a regular file (directly or through a symlink), nil for anything else.
    /// `d_type` answers without a system call on the usual file systems; only links and unknowns need a stat.
    private static func isDirectory(type: UInt8, directory: Int32, name: UnsafePointer<CChar>) -> Bool? {
        switch Int(type) {
        case Int(DT_DIR):
            return true
        case Int(DT_REG):
            return false
        case Int(DT_LNK):
            return mode(directory, name, followingLinks: true) == S_IFREG ? false : nil
        case Int(DT_UNKNOWN):
            switch mode(directory, name, followingLinks: false) {
            case S_IFDIR: return true
            case S_IFREG: return false
            case S_IFLNK: return mode(directory, name, followingLinks: true) == S_IFREG ? false : nil
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func mode(_ directory: Int32, _ name: UnsafePointer<CChar>, followingLinks: Bool) -> mode_t? {
        var info = stat()
        let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
        guard fstatat(directory, name, &info, flags) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    private static func error(_ path: [UInt8]) -> DiscoveryError {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return .unreadableDirectory(path: String(decoding: path, as: UTF8.self), reason: reason)
    }
}
