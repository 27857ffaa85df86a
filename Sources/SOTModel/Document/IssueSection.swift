import SOTSource
import SOTSyntax

/// One `## ID - Title` section of an SOT document.
/// One issue section. A class (immutable, so it behaves as a value): every document rule walks the
/// sections of every document, and a struct was copied field by field — a retain for each of its texts
/// and arrays — at every step of those loops.
public final class IssueSection: Sendable {
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
    /// ID mentions outside fields: in the heading (its own ID excluded) and in prose.
    public let proseReferences: [IssueReference]
    public let lines: ClosedRange<Int>

    public init(id: String, idRange: SourceRange, title: String, headingRange: SourceRange, headingText: String, headingLevel: Int,
                headingIsWellFormed: Bool, status: StatusLine?, fields: [Field], proseReferences: [IssueReference], lines: ClosedRange<Int>) {
        self.id = id
        self.idRange = idRange
        self.title = title
        self.headingRange = headingRange
        self.headingText = headingText
        self.headingLevel = headingLevel
        self.headingIsWellFormed = headingIsWellFormed
        self.status = status
        self.fields = fields
        self.proseReferences = proseReferences
        self.lines = lines
    }

    /// Every issue-ID mention inside the section, in order, the heading's own ID excluded.
    /// Computed, so that each mention is stored once.
    public var references: [IssueReference] {
        var all = proseReferences
        for field in fields {
            all += field.inlineReferences
            for item in field.items { all += item.references }
        }
        return all.sorted { $0.range.start < $1.range.start }
    }

    public func field(_ label: String) -> Field? {
        fields.first { $0.isKnown && $0.label == label }
    }

    public func fields(_ label: String) -> [Field] {
        fields.filter { $0.isKnown && $0.label == label }
    }
}

extension IssueSection {
    /// The issues this one waits for: every `Blocked by` field, and every `Depends on` field (a dependency
    /// counts for the graph and the ready queue like a blocker, but asks for no `blocked` status).
    public var blockers: [IssueReference] {
        fields.filter { $0.isKnown && ($0.label == "Blocked by" || $0.label == "Depends on") }.flatMap(\.namedIssues)
    }
}
