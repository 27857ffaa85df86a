import SOTSource
import SOTSyntax

/// What a status means to the graph rules.
public enum StatusCategory: String, Sendable, CaseIterable, Codable {
    case active
    case blocked
    case accepted
    case resolved
}

/// Severity of a finding; `off` in configuration disables a rule.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
