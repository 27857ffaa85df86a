import SOTSource

/// One top-level key of the front matter with the ranges of its key and value.
public struct FrontMatterEntry: Sendable, Codable {
    public let key: String
    public let keyRange: SourceRange
    /// The scalar value as written (quotes removed), or nil for sequences, mappings and empty values.
    public let value: String?
    public let valueRange: SourceRange
    /// Lines the entry spans, first to last.
    public let lines: ClosedRange<Int>
    /// The items of a list value (`[a, b]` or `- a` lines), each scalar item with its exact range (quotes
    /// excluded); empty for any other value. A nested list or mapping item is left out.
    public var items: [FrontMatterItem] = []

    public init(key: String, keyRange: SourceRange, value: String?, valueRange: SourceRange, lines: ClosedRange<Int>,
                items: [FrontMatterItem] = []) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
        self.valueRange = valueRange
        self.lines = lines
        self.items = items
    }

    private enum CodingKeys: String, CodingKey {
        case key, keyRange, value, valueRange, lines, items
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        keyRange = try container.decode(SourceRange.self, forKey: .keyRange)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        valueRange = try container.decode(SourceRange.self, forKey: .valueRange)
        lines = try container.decode(ClosedRange<Int>.self, forKey: .lines)
        items = try container.decodeIfPresent([FrontMatterItem].self, forKey: .items) ?? []
    }
}

/// One scalar item of a front-matter list: its text (quotes removed, escapes read) and where it is written.
public struct FrontMatterItem: Sendable, Codable, Equatable {
    public let text: String
    public let range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// The YAML front matter of a document, as far as it could be read.
public enum FrontMatter: Sendable {
    /// The file does not start with `---`.
    case absent
    /// `---` opens the block on `openLine`, but no closing `---` or `...` follows.
    case unclosed(openLine: Int)
    /// The block is closed but is not a readable YAML mapping.
    case invalid(FrontMatterError, openLine: Int, closeLine: Int)
    /// A readable mapping. `entries` keeps every top-level key in order, duplicates included.
    case mapping([FrontMatterEntry], openLine: Int, closeLine: Int)

    public var entries: [FrontMatterEntry] {
        if case .mapping(let entries, _, _) = self { return entries }
        return []
    }

    /// The first entry with `key`.
    public subscript(key: String) -> FrontMatterEntry? {
        entries.first { $0.key == key }
    }

    /// The first body line after the block (1 when there is no block).
    public var bodyStartLine: Int {
        switch self {
        case .absent: return 1
        case .unclosed(let openLine): return openLine + 1
        case .invalid(_, _, let closeLine), .mapping(_, _, let closeLine): return closeLine + 1
        }
    }
}

/// Why front matter could not be read, at the position YAML reported.
public struct FrontMatterError: Sendable, Equatable {
    public let message: String
    public let position: SourcePosition
}
