import SOTSource
import SOTSyntax
import SOTModel

/// A problem a rule found, before severity and suppressions are applied.
public struct Finding: Sendable, Hashable {
    public let path: String
    public let range: SourceRange
    public let message: String
    /// A safe fix, when the rule can offer one.
    public let fix: Fix?
    /// Other places the finding involves (the other members of a cycle), for reports that show them.
    public var related: [RelatedLocation] = []
    /// A severity of the finding's own, over its rule's (a secret detector given one in `secrets.detectors`).
    public var severity: Severity?

    public init(path: String, range: SourceRange, message: String, fix: Fix? = nil) {
        self.path = path
        self.range = range
        self.message = message
        self.fix = fix
    }

    public init(_ document: SOTDocument, _ range: SourceRange, _ message: String, fix: Fix? = nil) {
        self.init(path: document.path, range: range, message: message, fix: fix)
    }

    public init(_ issue: IssueEntry, _ range: SourceRange, _ message: String) {
        self.init(path: issue.path, range: range, message: message)
    }
}

/// A place a finding points at besides its own range: a path, a range there, and what it is (for a
/// cycle's member, its ID).
public struct RelatedLocation: Sendable, Hashable {
    public let path: String
    public let range: SourceRange
    public let message: String

    public init(path: String, range: SourceRange, message: String) {
        self.path = path
        self.range = range
        self.message = message
    }
}
