import SOTSource
import SOTSyntax
import SOTModel

/// One replacement in a file: a byte range of the original and its new text.
public struct TextEdit: Sendable, Hashable {
    public let range: Range<Int>
    /// The same range as line and column, for reporters.
    public let position: SourceRange
    public let replacement: String

    public init(_ range: Range<Int>, in source: SourceText, with replacement: String) {
        self.range = range
        self.position = source.range(range)
        self.replacement = replacement
    }
}

/// A safe fix a rule offers with a finding: edits that change nothing but the finding's cause.
public struct Fix: Sendable, Hashable {
    public let summary: String
    public let edits: [TextEdit]

    public init(_ summary: String, _ edits: [TextEdit]) {
        self.summary = summary
        self.edits = edits
    }

    /// `bytes` with `fixes` applied; an edit that overlaps one already taken is left for a later pass.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> [UInt8] {
        applying(fixes, to: bytes).bytes
    }

    /// `apply(_:to:)`, and how many of the fixes it applied (the others wait for a later pass).
    public static func applying(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        var taken: [TextEdit] = []
        var applied = 0
        for fix in fixes {
            guard !fix.edits.contains(where: { edit in taken.contains { $0.range.overlaps(edit.range) || $0.range == edit.range } }) else {
                continue
            }
            taken += fix.edits
            applied += 1
        }
        var result = bytes
        for edit in taken.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where edit.range.upperBound <= result.count {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return (result, applied)
    }
}

extension TextEdit: Encodable {
    private enum CodingKeys: String, CodingKey {
        case line, column, endLine, endColumn, text
    }

    /// Positions in the original file and the replacement text; byte offsets stay internal.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position.start.line, forKey: .line)
        try container.encode(position.start.column, forKey: .column)
        try container.encode(position.end.line, forKey: .endLine)
        try container.encode(position.end.column, forKey: .endColumn)
        try container.encode(replacement, forKey: .text)
    }
}

extension Fix: Encodable {
    private enum CodingKeys: String, CodingKey {
        case summary, edits
    }
}
