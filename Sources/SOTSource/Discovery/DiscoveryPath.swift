#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File system paths as raw bytes: names need not be UTF-8, and bytes are what gitignore matching uses.
package enum DiscoveryPath {
    package static let gitDirectoryName: [UInt8] = Array(".git".utf8)
    /// sot-lint's cache folder: never linted, whatever the ignore files say.
    package static let cacheDirectoryName = Array(".sot-lint-cache".utf8)
    package static let gitignoreName: [UInt8] = Array(".gitignore".utf8)
    package static let configName: [UInt8] = Array(ProjectRoot.configName.utf8)

    /// `base` + "/" + `name`, without doubling the slash of "/" and with no prefix for an empty base.
    package static func join(_ base: [UInt8], _ name: some Collection<UInt8>) -> [UInt8] {
        if base.isEmpty { return Array(name) }
        var result = base
        if base.last != DiscoveryByte.slash { result.append(DiscoveryByte.slash) }
        result.append(contentsOf: name)
        return result
    }

    /// `path` with trailing slashes removed, except for "/" itself.
    package static func trimmingTrailingSlashes(_ path: String) -> [UInt8] {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == DiscoveryByte.slash { bytes.removeLast() }
        return bytes
    }

    /// The absolute path with symbolic links resolved, so that an ignore root and a directory spelled
    /// differently ("." vs "/abs", or through a symlink) still relate. Falls back to a lexical
    /// normalisation when the path does not exist.
    package static func canonical(_ path: [UInt8]) -> [UInt8] {
        let target = path.isEmpty ? Array(".".utf8) : path
        let resolved: [UInt8]? = withCString(target) { cPath in
            guard let result = realpath(cPath, nil) else { return nil }
            defer { free(result) }
            return bytes(of: result)
        }
        return resolved ?? lexicallyNormalised(target)
    }

    /// The canonical form of a path whose last component must not be resolved (it may be a symlink
    /// that gitignore rules judge by its own name).
    package static func canonicalKeepingLastComponent(_ path: [UInt8]) -> [UInt8] {
        guard let cut = path.lastIndex(of: DiscoveryByte.slash) else {
            return isDotOrDotDot(path) ? canonical(path) : join(canonical([]), path)
        }
        let name = path[(cut + 1)...]
        if name.isEmpty || isDotOrDotDot(name) { return canonical(path) }
        let parent = cut == 0 ? [DiscoveryByte.slash] : Array(path[..<cut])
        return join(canonical(parent), name)
    }

    /// `path` relative to `root` ("" when equal), or nil when it is not inside `root`.
    package static func relative(_ path: [UInt8], to root: [UInt8]) -> [UInt8]? {
        if path == root { return [] }
        let prefix = root.last == DiscoveryByte.slash ? root : root + [DiscoveryByte.slash]
        guard path.starts(with: prefix) else { return nil }
        return Array(path[prefix.count...])
    }

    package static func withCString<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        var terminated = path.map { CChar(bitPattern: $0) }
        terminated.append(0)
        return body(terminated)
    }

    package static func bytes(of cString: UnsafePointer<CChar>) -> [UInt8] {
        let length = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    private static func isDotOrDotDot(_ name: some Collection<UInt8>) -> Bool {
        name.elementsEqual([DiscoveryByte.dot]) || name.elementsEqual([DiscoveryByte.dot, DiscoveryByte.dot])
    }

    private static func lexicallyNormalised(_ path: [UInt8]) -> [UInt8] {
        var absolute = path
        if path.first != DiscoveryByte.slash {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd: [UInt8] = buffer.withUnsafeMutableBufferPointer { pointer in
                guard let base = pointer.baseAddress, getcwd(base, pointer.count) != nil else { return [] }
                return bytes(of: base)
            }
            absolute = cwd + [DiscoveryByte.slash] + path
        }
        var components: [ArraySlice<UInt8>] = []
        for component in absolute.split(separator: DiscoveryByte.slash) {
            if component.elementsEqual([DiscoveryByte.dot]) { continue }
            if component.elementsEqual([DiscoveryByte.dot, DiscoveryByte.dot]) {
                _ = components.popLast()
                continue
            }
            components.append(component)
        }
        var result: [UInt8] = []
        for component in components {
            result.append(DiscoveryByte.slash)
            result.append(contentsOf: component)
        }
        return result.isEmpty ? [DiscoveryByte.slash] : result
    }
}
