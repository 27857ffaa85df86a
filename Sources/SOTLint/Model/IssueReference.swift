/// A mention of an issue ID somewhere in a document.
public struct IssueReference: Sendable, Hashable {
    public let id: String
    public let range: SourceRange
    /// The canonical label of the field the mention sits in, nil in prose.
    public let field: String?
    /// True when the mention is inside a code span.
    public let inCodeSpan: Bool
    /// The issue section the mention belongs to, nil in the preamble.
    public let sectionID: String?
}
