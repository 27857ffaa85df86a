/// A place in the original file: 1-based line, 1-based column counted in Unicode scalars.
/// A UTF-8 byte order mark is not counted; CR LF ends a line like LF does.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of the original file: `end` is the position just after the last character.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.init(start: SourcePosition(line: line, column: column),
                  end: SourcePosition(line: endLine, column: endColumn))
    }

    public var description: String { "\(start)-\(end)" }
}

extension SourceRange {
    private enum CodingKeys: String, CodingKey {
        case line, column, endLine, endColumn
    }

    /// Flat, as every report writes a range: `line`, `column`, `endLine`, `endColumn`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
                  endLine: try container.decode(Int.self, forKey: .endLine), endColumn: try container.decode(Int.self, forKey: .endColumn))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start.line, forKey: .line)
        try container.encode(start.column, forKey: .column)
        try container.encode(end.line, forKey: .endLine)
        try container.encode(end.column, forKey: .endColumn)
    }
}
