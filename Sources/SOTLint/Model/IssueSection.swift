/// One `## ID - Title` section of an SOT document.
public struct IssueSection: Sendable {
    public let id: String
    public let idRange: SourceRange
    public let title: String
    /// The whole heading line's content.
    public let headingRange: SourceRange
    /// The heading's text as written, without the `#` markers.
    public let headingText: String
    public let headingLevel: Int
    /// True when the heading reads `## ID - Title` with a non-empty title.
    public let headingIsWellFormed: Bool
    /// The first `Status:` field, read as a status.
    public let status: StatusLine?
    public let fields: [Field]
    /// Every issue-ID mention inside the section, the heading's own ID excluded.
    public let references: [IssueReference]
    public let lines: ClosedRange<Int>

    public func field(_ label: String) -> Field? {
        fields.first { $0.isKnown && $0.label == label }
    }

    public func fields(_ label: String) -> [Field] {
        fields.filter { $0.isKnown && $0.label == label }
    }
}

extension IssueSection {
    /// The issues this one is blocked by, from every `Blocked by` field.
    public var blockers: [IssueReference] {
        fields("Blocked by").flatMap(\.namedIssues)
    }
}
