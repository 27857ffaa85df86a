import SOTSource
import SOTSyntax

/// One item of a labelled list.
public struct FieldItem: Sendable {
    /// The item's text as written (first paragraph, lines joined by spaces).
    public let text: String
    public let range: SourceRange
    public let references: [IssueReference]
    /// The item's task-list marker: true for `[x]`, false for `[ ]`, nil when it has none.
    public var checked: Bool? = nil
}

/// A labelled part of an issue section: `Acceptance:` followed by a list, or `Status: blocked`.
///
/// A class (immutable, so it behaves as a value) for the reason `IssueSection` is one: rules walk every
/// field of every section, and a struct was copied a retain per text and array at each step.
public final class Field: Sendable {
    /// The canonical label when the label is known, otherwise the label as written.
    public let label: String
    public let rawLabel: String
    public let isKnown: Bool
    public let labelRange: SourceRange
    /// Text after the colon on the label's own paragraph, if any.
    public let inlineValue: String?
    public let inlineValueRange: SourceRange?
    /// ID mentions on the label's own paragraph.
    public let inlineReferences: [IssueReference]
    public let items: [FieldItem]

    public init(label: String, rawLabel: String, isKnown: Bool, labelRange: SourceRange, inlineValue: String?,
                inlineValueRange: SourceRange?, inlineReferences: [IssueReference], items: [FieldItem]) {
        self.label = label
        self.rawLabel = rawLabel
        self.isKnown = isKnown
        self.labelRange = labelRange
        self.inlineValue = inlineValue
        self.inlineValueRange = inlineValueRange
        self.inlineReferences = inlineReferences
        self.items = items
    }

    /// The issues this field names: every ID of the inline value and the first ID of each item.
    public var namedIssues: [IssueReference] {
        inlineReferences + items.compactMap(\.references.first)
    }

    /// True when the field has neither an inline value nor a list item with text.
    public var isEmpty: Bool {
        (inlineValue ?? "").isEmpty && !items.contains { !$0.text.trimmingSpaces.isEmpty }
    }
}

/// The status line of an issue section.
public struct StatusLine: Sendable, Codable {
    /// The value as written, markup removed (`blocked.`).
    public let raw: String
    /// Lower case, trailing period dropped, spaces as hyphens (`blocked`).
    public let normalized: String
    /// Range of the value without a trailing period.
    public let range: SourceRange
    public let labelRange: SourceRange

    public init(raw: String, normalized: String, range: SourceRange, labelRange: SourceRange) {
        self.raw = raw
        self.normalized = normalized
        self.range = range
        self.labelRange = labelRange
    }
}
