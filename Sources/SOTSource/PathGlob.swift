#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `include`/`exclude` globs of the profile, matched against paths relative to the project root:
/// `*`, `?` and `[…]` within one path component (fnmatch), `**` for any number of components.
public struct PathGlob: Sendable {
    private let components: [String]

    public init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasPrefix("/") { text.removeFirst() }
        components = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public func matches(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // The usual `**/*.md`: only the last component needs a look.
        if components.count == 2, components[0] == "**", let name = parts.last {
            return fnmatch(components[1], name, 0) == 0
        }
        var memo = [Int8](repeating: -1, count: (components.count + 1) * (parts.count + 1))
        return match(0, 0, parts, &memo)
    }

    private func match(_ p: Int, _ s: Int, _ parts: [String], _ memo: inout [Int8]) -> Bool {
        let key = p * (parts.count + 1) + s
        if memo[key] >= 0 { return memo[key] == 1 }
        let result: Bool
        if p == components.count {
            result = s == parts.count
        } else if components[p] == "**" {
            result = match(p + 1, s, parts, &memo) || (s < parts.count && match(p, s + 1, parts, &memo))
        } else {
            result = s < parts.count && fnmatch(components[p], parts[s], 0) == 0 && match(p + 1, s + 1, parts, &memo)
        }
        memo[key] = result ? 1 : 0
        return result
    }
}
