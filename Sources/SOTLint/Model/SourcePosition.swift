/// A place in the original file: 1-based line, 1-based column counted in Unicode scalars.
/// A UTF-8 byte order mark is not counted; CR LF ends a line like LF does.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
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
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
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
