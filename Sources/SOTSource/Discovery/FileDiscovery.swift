#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum DiscoveryError: Error, Equatable, Sendable {
    case unreadableDirectory(path: String, reason: String)
}

/// Lists the files of a working tree that git's ignore rules let through, without running git:
/// .gitignore files (nested ones too) and `.git/info/exclude` are honoured. The index is not read, so a
/// tracked file that matches an ignore pattern is skipped too.
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
    /// A `directory` that is itself ignored yields no files. One outside `ignoreRoot` is walked with only
    /// the ignore files at and below it.
    public func files(under directory: String, accept: (String) -> Bool) throws -> [String] {
        try walk(under: directory, accept: accept).files
    }

    /// What a walk saw: the files, every directory it listed, and those whose listing names `.git` or
    /// `.sot-lint.yml` (project markers, see `ProjectRoot`), directories spelled as `files` spells them.
    package struct Walk: Sendable {
        package var files: [String] = []
        package var folders: [String] = []
        package var marked: [String] = []
        /// The files among `files` that are symbolic links (to regular files).
        package var links: [String] = []

        /// `files` with each file once: a link to a file the walk also found, or to the same file as an
        /// earlier link, is left out (a document linked from two places is still one document).
        package var distinctFiles: [String] {
            guard !links.isEmpty, let top = folders.first else { return files }
            let all = Set(files)
            let linked = Set(links)
            // Link targets are compared in the walk's spelling: the top folder's real path (it may itself
            // lie under a linked folder) is replaced by the top folder as walked.
            let realTop = FilePath.realPath(top) ?? top
            var targets = Set<String>()
            return files.filter { file in
                guard linked.contains(file), var real = FilePath.realPath(file) else { return true }
                if real.hasPrefix(realTop + "/") { real = FilePath.join(top, String(real.dropFirst(realTop.count + 1))) }
                return !all.contains(real) && targets.insert(real).inserted
            }
        }
    }

    /// `files(under:accept:)` with the directories listed on the way.
    package func walk(under directory: String, accept: (String) -> Bool) throws -> Walk {
        let root = DiscoveryPath.canonical(Array(ignoreRoot.utf8))
        let start = DiscoveryPath.canonical(Array(directory.utf8))
        var relative: [UInt8] = []
        var rules = IgnoreRules()
        if let inside = DiscoveryPath.relative(start, to: root) {
            // A directory that is itself ignored (or inside one) has no files git would see.
            guard let inherited = inheritedRules(from: root, reaching: inside, lastIsDirectory: true) else { return Walk() }
            relative = inside
            rules = inherited
        }
        // Outside the ignore root only the ignore files at and below `directory` can apply.
        var walker = Walker(display: DiscoveryPath.trimmingTrailingSlashes(directory), relative: relative)
        try walker.walk(rules: rules, accept: accept)
        return walker.seen
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
}

/// One walk's state. The two path buffers grow and shrink as the walk descends, so no path is
/// allocated per entry except for the results.
private struct Walker: Sendable {
    /// The current directory as the caller spells it (and as results are spelled).
    package var display: [UInt8]
    /// The same directory relative to the ignore root, which patterns are matched against.
    package var relative: [UInt8]
    /// The files found and the directories listed.
    private(set) var seen = FileDiscovery.Walk()

    package init(display: [UInt8], relative: [UInt8]) {
        self.display = display
        self.relative = relative
    }

    /// Listings are sorted so that appending in walk order already yields byte-wise sorted paths.
    package mutating func walk(rules inherited: IgnoreRules, accept: (String) -> Bool) throws {
        let openPath = display.isEmpty ? [DiscoveryByte.dot] : display
        let listing = try DirectoryListing(path: openPath)
        var rules = inherited
        let folder = String(decoding: openPath, as: UTF8.self)
        seen.folders.append(folder)
        if listing.hasProjectMarker { seen.marked.append(folder) }
        if listing.hasGitignore {
            let gitignore = DiscoveryPath.join(openPath, DiscoveryPath.gitignoreName)
            rules.add(fileAt: gitignore, base: relative, followSymlinks: false)
        }
        let displayCount = display.count
        let relativeCount = relative.count
        for entry in listing.entries {
            Self.append(entry.name, to: &relative)
            if entry.isDirectory {
                if !rules.isExcluded(relative, isDirectory: true) {
                    Self.append(entry.name, to: &display)
                    try walk(rules: rules, accept: accept)
                }
            } else if accept(String(decoding: entry.name, as: UTF8.self)),
                !rules.isExcluded(relative, isDirectory: false)
            {
                Self.append(entry.name, to: &display)
                seen.files.append(String(decoding: display, as: UTF8.self))
                if entry.isLink { seen.links.append(seen.files[seen.files.count - 1]) }
            }
            display.removeLast(display.count - displayCount)
            relative.removeLast(relative.count - relativeCount)
        }
    }

    /// Same joining rule as `DiscoveryPath.join`, in place.
    private static func append(_ name: [UInt8], to path: inout [UInt8]) {
        if !path.isEmpty && path.last != DiscoveryByte.slash { path.append(DiscoveryByte.slash) }
        path.append(contentsOf: name)
    }
}

/// The entries of one directory that discovery cares about: subdirectories (not symlinks to them) and
/// regular files (symlinks to them included); `.`, `..`, `.git` and sot-lint's own cache folder are left out.
private struct DirectoryListing: Sendable {
    package struct Entry: Sendable {
        package let name: [UInt8]
        package let isDirectory: Bool
        /// A symbolic link to a regular file.
        package var isLink = false
    }

    private(set) var entries: [Entry] = []
    private(set) var hasGitignore = false
    /// The directory names `.git` or `.sot-lint.yml`, whatever their kind.
    private(set) var hasProjectMarker = false

    package init(path: [UInt8]) throws {
        let (opened, openError) = DiscoveryPath.withCString(path) { (opendir($0), errno) }
        guard let stream = opened else { throw Self.error(path, code: openError) }
        defer { closedir(stream) }
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw Self.error(path, code: errno) }
                break
            }
            let type = entry.pointee.d_type
            let (name, kind) = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field -> ([UInt8], Bool?) in
                let size = MemoryLayout.size(ofValue: field.pointee)
                return field.withMemoryRebound(to: CChar.self, capacity: size) { cName in
                    let name = DiscoveryPath.bytes(of: cName)
                    return (name, Self.isDirectory(type: type, directory: dirfd(stream), name: cName))
                }
            }
            if name == [DiscoveryByte.dot] || name == [DiscoveryByte.dot, DiscoveryByte.dot] { continue }
            if name == DiscoveryPath.gitDirectoryName || name == DiscoveryPath.configName { hasProjectMarker = true }
            if name == DiscoveryPath.gitDirectoryName || name == DiscoveryPath.cacheDirectoryName { continue }
            if name == DiscoveryPath.gitignoreName { hasGitignore = true }
            if let isDirectory = kind { entries.append(Entry(name: name, isDirectory: isDirectory, isLink: Int(type) == Int(DT_LNK))) }
        }
        // Byte-wise order of the paths the entries lead to: a directory compares as its name plus "/",
        // the prefix of every path below it, so its subtree sorts as one block among its siblings.
        let keys = entries.map { $0.isDirectory ? $0.name + [DiscoveryByte.slash] : $0.name }
        let listed = entries
        entries = keys.indicesInByteOrder().map { listed[$0] }
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

    private static func error(_ path: [UInt8], code: Int32) -> DiscoveryError {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return .unreadableDirectory(path: String(decoding: path, as: UTF8.self), reason: reason)
    }
}
