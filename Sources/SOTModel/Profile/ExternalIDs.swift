import SOTSource

/// ID patterns owned by systems sot-lint cannot see (`external:` in the profile, POSIX extended regular
/// expressions matched against the whole ID): a reference to one is not unresolved, and it never counts
/// as resolved.
public struct ExternalIDs: Sendable, Equatable {
    public let patterns: [String]
    private let compiled: [POSIXRegex]

    public init() {
        patterns = []
        compiled = []
    }

    /// Fails with the first pattern that is not a valid regular expression.
    public init(_ patterns: [String]) throws(POSIXRegex.CompileError) {
        self.patterns = patterns
        var compiled: [POSIXRegex] = []
        for pattern in patterns {
            // Anchored as a whole: `^` and `$` in the pattern are harmless.
            compiled.append(try POSIXRegex("^(" + pattern + ")$"))
        }
        self.compiled = compiled
    }

    /// Whether an external system owns `id`.
    public func owns(_ id: String) -> Bool {
        guard !compiled.isEmpty else { return false }
        let bytes = Array(id.utf8)
        return compiled.contains { $0.hasMatch(in: bytes) }
    }

    public static func == (lhs: ExternalIDs, rhs: ExternalIDs) -> Bool {
        lhs.patterns == rhs.patterns
    }
}
