import SOTSource
import SOTSyntax

/// An option value from the profile.
public enum OptionValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case string(String)
    case strings([String])
    case bool(Bool)

    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        case .strings(let values): return "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .bool(let value): return value ? "true" : "false"
        }
    }
}

/// How one rule runs: its severity (nil = off) and its options.
public struct RuleSettings: Sendable, Equatable {
    public var severity: Severity?
    public var options: [String: OptionValue]

    public init(severity: Severity?, options: [String: OptionValue] = [:]) {
        self.severity = severity
        self.options = options
    }

    public func int(_ name: String) -> Int? {
        if case .int(let value)? = options[name] { return value }
        return nil
    }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let value)? = options[name] { return value }
        return nil
    }

    public func strings(_ name: String) -> [String]? {
        switch options[name] {
        case .strings(let values)?: return values
        case .string(let value)?: return [value]
        default: return nil
        }
    }
}
