import SOTSource

/// An inline `<!-- sot-lint-… -->` comment.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case disable = "sot-lint-disable"
        case enable = "sot-lint-enable"
        case disableNextLine = "sot-lint-disable-next-line"
    }

    public let kind: Kind
    /// Rule ids named by the directive; empty means every rule.
    public let rules: [String]
    public let range: SourceRange
}
