import SOTSource
import SOTSyntax

/// A mention of an issue ID somewhere in a document.
public struct IssueReference: Sendable, Hashable, Codable {
    public let id: String
    public let range: SourceRange
    /// The canonical label of the field the mention sits in, nil in prose.
    public let field: String?
    /// True when the mention is inside a code span.
    public let inCodeSpan: Bool
    /// The issue section the mention belongs to, nil in the preamble.
    public let sectionID: String?

    /// True when the mention sits in a relation field, `Blocked by` or `Depends on` (a one-issue layout's
    /// front-matter dependencies among them): always a reference. A mention anywhere else, the status line
    /// included (its explanation is prose), may be a word such as `UTF-8` (`ids.prose`).
    public var isRelation: Bool {
        field == "Blocked by" || field == "Depends on"
    }

    public init(id: String, range: SourceRange, field: String?, inCodeSpan: Bool, sectionID: String?) {
        self.id = id
        self.range = range
        self.field = field
        self.inCodeSpan = inCodeSpan
        self.sectionID = sectionID
    }
}
