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
    /// Other places the finding involves (SARIF `relatedLocations`; not part of the JSON contract).
    public var related: [RelatedLocation] = []

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
        if lhs.path != rhs.path { return lhs.path.precedesInBytes(rhs.path) }
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.range.end != rhs.range.end { return lhs.range.end < rhs.range.end }
        return lhs.message < rhs.message
    }
}

extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey {
        case path, line, column, endLine, endColumn, severity, rule, message, fix
    }

    /// The JSON contract's flat form (DESIGN.md §5): position fields beside the path, `fix` null when none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(range.start.line, forKey: .line)
        try container.encode(range.start.column, forKey: .column)
        try container.encode(range.end.line, forKey: .endLine)
        try container.encode(range.end.column, forKey: .endColumn)
        try container.encode(severity, forKey: .severity)
        try container.encode(rule, forKey: .rule)
        try container.encode(message, forKey: .message)
        if let fix { try container.encode(fix, forKey: .fix) } else { try container.encodeNil(forKey: .fix) }
    }
}

extension Finding {
    /// The finding as `rule` reports it at `severity` (or its own): the one place a finding becomes a diagnostic.
    public func diagnostic(_ rule: String, _ severity: Severity) -> Diagnostic {
        var diagnostic = Diagnostic(path: path, range: range, severity: self.severity ?? severity, rule: rule, message: message, fix: fix)
        diagnostic.related = related
        return diagnostic
    }
}
