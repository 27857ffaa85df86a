import SOTSource
import SOTSyntax

/// One labelled field of an issue in the workspace model: its label, where it sits, its inline value
/// and its list items with their text and range.
public struct FieldEntry: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public let text: String
        public let range: SourceRange
    }

    /// The canonical label when the profile knows it, otherwise the label as written.
    public let label: String
    public let isKnown: Bool
    public let labelRange: SourceRange
    public let value: String?
    public let valueRange: SourceRange?
    public let items: [Item]

    package init(_ field: Field) {
        label = field.label
        isKnown = field.isKnown
        labelRange = field.labelRange
        value = field.inlineValue
        valueRange = field.inlineValueRange
        items = field.items.map { Item(text: $0.text, range: $0.range) }
    }
}

/// What the workspace keeps of one issue: the graph rules' inputs always; every field with its text
/// when the model is built in full detail (for the model export and the language server).
public struct IssueEntry: Sendable, Codable {
    public let id: String
    public let title: String
    public let path: String
    public let idRange: SourceRange
    /// The heading's text range (without the `#` markers).
    public let headingRange: SourceRange
    public let status: StatusLine?
    public let category: StatusCategory?
    /// The first ID of each `Blocked by` item and every ID of an inline `Blocked by:` value.
    public let blockers: [IssueReference]
    public let invariants: [DeclaredInvariant]
    /// Every field with its items, in document order (full detail only; empty otherwise).
    public let fields: [FieldEntry]

    public init(id: String, title: String, path: String, idRange: SourceRange, headingRange: SourceRange, status: StatusLine?,
                category: StatusCategory?, blockers: [IssueReference], invariants: [DeclaredInvariant], fields: [FieldEntry]) {
        self.id = id
        self.title = title
        self.path = path
        self.idRange = idRange
        self.headingRange = headingRange
        self.status = status
        self.category = category
        self.blockers = blockers
        self.invariants = invariants
        self.fields = fields
    }
}
