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

    /// `apply(_:to:)`, and how many of the fixes it applied (the others wait for a later pass). Fixes are
    /// taken in order; one is taken when its edits do not collide with each other (`collide`) and none
    /// conflicts with an edit taken before: a
    /// replacement shares a byte with one, or holds an insertion point strictly inside it; an insertion
    /// is at the same point as one, or strictly inside a replaced stretch; or the edit lies outside the
    /// file. O((bytes + edits) log bytes): the taken bytes and points are counted in Fenwick trees, and the
    /// result is built in one forward pass.
    public static func applying(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        var taken = TakenPlaces(count: bytes.count)
        var edits: [TextEdit] = []
        var applied = 0
        for fix in fixes where Self.isConsistent(fix.edits) && !fix.edits.contains(where: taken.conflicts) {
            for edit in fix.edits { taken.take(edit.range) }
            edits += fix.edits
            applied += 1
        }
        // Taken edits never overlap; at one position an insertion comes before a replacement starting there.
        edits.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in edits {
            result += bytes[cursor..<edit.range.lowerBound]
            result += edit.replacement.utf8
            cursor = edit.range.upperBound
        }
        result += bytes[cursor...]
        return (result, applied)
    }
}

extension Fix {
    /// A fix's own edits do not collide (no rule offers such a fix; one that did is never applied).
    /// Pairwise: a fix has a handful of edits.
    static func isConsistent(_ edits: [TextEdit]) -> Bool {
        for (index, edit) in edits.enumerated() {
            for other in edits[(index + 1)...] where collide(edit.range, other.range) { return false }
        }
        return true
    }

    /// Two edits collide: replacements that share a byte, insertions at one point, or an insertion
    /// strictly inside a replacement.
    static func collide(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        switch (first.isEmpty, second.isEmpty) {
        case (false, false): first.overlaps(second)
        case (true, true): first.lowerBound == second.lowerBound
        case (true, false): first.lowerBound > second.lowerBound && first.lowerBound < second.upperBound
        case (false, true): second.lowerBound > first.lowerBound && second.lowerBound < first.upperBound
        }
    }
}

/// The bytes and insertion points the taken edits of one pass occupy.
private struct TakenPlaces {
    private let count: Int
    /// Bytes replaced by a taken edit (each at most once: taken edits do not overlap).
    private var covered: FenwickTree
    /// Insertion points taken, 0...count.
    private var points: FenwickTree

    init(count: Int) {
        self.count = count
        covered = FenwickTree(count: count)
        points = FenwickTree(count: count + 1)
    }

    func conflicts(_ edit: TextEdit) -> Bool {
        let range = edit.range
        guard range.lowerBound >= 0, range.upperBound <= count else { return true }
        if range.isEmpty {
            let point = range.lowerBound
            return points.sum(point..<(point + 1)) > 0 || (point > 0 && point < count && covered.sum((point - 1)..<(point + 1)) == 2)
        }
        return covered.sum(range) > 0 || points.sum((range.lowerBound + 1)..<range.upperBound) > 0
    }

    mutating func take(_ range: Range<Int>) {
        if range.isEmpty {
            points.add(at: range.lowerBound)
        } else {
            for position in range { covered.add(at: position) }
        }
    }
}

/// Counts over positions 0..<count: add one at a position, sum a range, each in O(log count).
private struct FenwickTree {
    private var tree: [Int32]

    init(count: Int) {
        tree = Array(repeating: 0, count: count + 1)
    }

    mutating func add(at position: Int) {
        var index = position + 1
        while index < tree.count {
            tree[index] += 1
            index += index & -index
        }
    }

    /// The sum over `range` (empty or out of bounds parts count nothing).
    func sum(_ range: Range<Int>) -> Int {
        let upper = min(range.upperBound, tree.count - 1)
        let lower = max(range.lowerBound, 0)
        return upper <= lower ? 0 : prefix(upper) - prefix(lower)
    }

    private func prefix(_ end: Int) -> Int {
        var total = 0
        var index = end
        while index > 0 {
            total += Int(tree[index])
            index -= index & -index
        }
        return total
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
