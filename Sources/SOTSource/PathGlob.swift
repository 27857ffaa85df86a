#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `include`/`exclude` globs of the profile, matched against paths relative to the project root:
/// `*`, `?` and `[…]` within one path component (fnmatch), `**` for any number of components.
public struct PathGlob: Sendable {
    private let components: [String]
    /// Each component as a NUL-terminated C string, converted once rather than on every match.
    private let patterns: [[CChar]]

    public init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasPrefix("/") { text.removeFirst() }
        components = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        patterns = components.map { Array($0.utf8CString) }
    }

    public func matches(_ relativePath: String) -> Bool {
        // The usual `**/*.md`: only the last component needs a look.
        if components.count == 2, components[0] == "**" {
            let bytes = relativePath.utf8
            let end = bytes.last == UInt8(ascii: "/") ? bytes.index(before: bytes.endIndex) : bytes.endIndex
            guard end > bytes.startIndex else { return false }
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
            guard start < end else {
                // Repeated trailing slashes: fall back to the general walk over the components.
                return matchParts(relativePath)
            }
            return Self.matchesComponent(patterns[1], relativePath[start..<end])
        }
        return matchParts(relativePath)
    }

    private func matchParts(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        var memo = [Int8](repeating: -1, count: (components.count + 1) * (parts.count + 1))
        return match(0, 0, parts, &memo)
    }

    private func match(_ p: Int, _ s: Int, _ parts: [Substring], _ memo: inout [Int8]) -> Bool {
        let key = p * (parts.count + 1) + s
        if memo[key] >= 0 { return memo[key] == 1 }
        let result: Bool
        if p == components.count {
            result = s == parts.count
        } else if components[p] == "**" {
            result = match(p + 1, s, parts, &memo) || (s < parts.count && match(p, s + 1, parts, &memo))
        } else {
            result = s < parts.count && Self.matchesComponent(patterns[p], parts[s]) && match(p + 1, s + 1, parts, &memo)
        }
        memo[key] = result ? 1 : 0
        return result
    }

    /// fnmatch(3) of one path component; a name holding a NUL byte cannot be a file name and never matches.
    private static func matchesComponent(_ pattern: [CChar], _ name: Substring) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard !bytes.contains(0) else { return false }
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
                for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
                buffer[bytes.count] = 0
                return pattern.withUnsafeBufferPointer { fnmatch($0.baseAddress, buffer.baseAddress, 0) == 0 }
            }
        }
    }
}
