import SOTSource

/// An acceptance item of an unresolved issue that declares something about another issue,
/// like "Keeps `CTO-WORK-020` blocked until …".
public struct DeclaredInvariant: Sendable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// "Keeps `X` blocked until …": X must be blocked while the declaring issue is unresolved.
        case keepsBlocked
        /// "… does not change `X` status": one change may not move both statuses.
        case statusUnchanged
    }

    public let kind: Kind
    /// The issue the declaration is about.
    public let target: String
    /// The acceptance item that declares it.
    public let range: SourceRange

    public init(kind: Kind, target: String, range: SourceRange) {
        self.kind = kind
        self.target = target
        self.range = range
    }
}
