import SOTSource
import SOTSyntax
import SOTModel

/// A finding with its rule and severity, ready for a reporter. Carries no source text.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public let path: String
    public let range: SourceRange
    public let severity: Severity
    public let rule: String
    public let message: String
    public let fix: Fix?

    public init(path: String, range: SourceRange, severity: Severity, rule: String, message: String, fix: Fix? = nil) {
        self.path = path
        self.range = range
        self.severity = severity
        self.rule = rule
        self.message = message
        self.fix = fix
    }

    /// Path, line, column, rule; then the rest, so that output never depends on scheduling.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.range.end != rhs.range.end { return lhs.range.end < rhs.range.end }
        return lhs.message < rhs.message
    }
}
