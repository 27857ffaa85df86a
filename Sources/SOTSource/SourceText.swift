/// The bytes of one file with a line index. Every position the linter reports is computed here,
/// from byte offsets into the original bytes, so front matter, CRLF, a BOM and tabs shift nothing.
public struct SourceText: Sendable {
    /// The path as the user gave it (or as discovered under a path the user gave).
    public let path: String
    public let bytes: [UInt8]
    /// Number of bytes of a leading UTF-8 byte order mark (0 or 3).
    public let bomLength: Int
    /// Byte offset where each line starts; `lineStarts[0]` is line 1.
    public let lineStarts: [Int]
    /// Scalar index: `leadsBefore[k]` is the number of bytes in `bytes[0 ..< k * 64]` that start a
    /// Unicode scalar (are not UTF-8 continuation bytes). Columns are counted from it instead of from the
    /// start of the line, so that converting every position of a 5 MB line costs O(1) each, not O(line).
    private let leadsBefore: [Int]
    /// Line index: `lineAtBlock[k]` is the (0-based) line holding byte `k * 64`. A lookup starts there and
    /// steps over the few lines that can start within one block: O(1), where a binary search over every
    /// line made converting all positions of a file n log n.
    private let lineAtBlock: [Int]
    private static let blockShift = 6

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // One pass over the bytes for both indexes (this runs for every file of a run).
        let count = bytes.count
        var starts = [0]
        var leads = [Int]()
        leads.reserveCapacity((count >> Self.blockShift) + 1)
        var lines = [Int]()
        lines.reserveCapacity((count >> Self.blockShift) + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var leadCount = 0
            var index = 0
            while index < count {
                if index & ((1 << Self.blockShift) - 1) == 0 {
                    leads.append(leadCount)
                    lines.append(starts.count - 1)
                }
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 { leadCount += 1 }
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D, index + 1 >= count || buffer[index + 1] != 0x0A {
                    starts.append(index + 1)
                }
                index += 1
            }
            if count & ((1 << Self.blockShift) - 1) == 0 {
                leads.append(leadCount)
                lines.append(starts.count - 1)
            }
        }
        self.leadsBefore = leads
        self.lineAtBlock = lines
        self.lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// Byte offset of the first content byte of `line` (after the BOM on line 1).
    public func contentStart(ofLine line: Int) -> Int {
        let start = lineStarts[line - 1]
        return line == 1 ? start + bomLength : start
    }

    /// Byte offset just after the last content byte of `line` (before CR, LF or CR LF).
    public func contentEnd(ofLine line: Int) -> Int {
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > lineStarts[line - 1], end <= bytes.count, bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line - 1], end <= bytes.count, bytes[end - 1] == 0x0D { end -= 1 }
        return max(end, contentStart(ofLine: line))
    }

    /// The content bytes of `line`, without its line ending.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        bytes[contentStart(ofLine: line)..<contentEnd(ofLine: line)]
    }

    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    public func text(_ byteRange: Range<Int>) -> String {
        String(decoding: bytes[byteRange], as: UTF8.self)
    }

    /// The 1-based line containing byte `offset`.
    public func line(ofByte offset: Int) -> Int {
        let block = offset >> Self.blockShift
        if offset >= 0, block < lineAtBlock.count {
            var line = lineAtBlock[block]
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset { line += 1 }
            return line + 1
        }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (in Unicode scalars) of byte `offset`: one plus the number of bytes from the
    /// line's content start up to `offset` that start a scalar.
    public func position(ofByte offset: Int) -> SourcePosition {
        let line = line(ofByte: offset)
        let start = contentStart(ofLine: line)
        let limit = min(offset, bytes.count)
        guard limit > start else { return SourcePosition(line: line, column: 1) }
        // Within a short stretch counting directly is cheapest; the block index keeps long lines linear.
        if limit - start <= 128 {
            var column = 1
            for index in start..<limit where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return SourcePosition(line: line, column: column)
        }
        return SourcePosition(line: line, column: 1 + leads(before: limit) - leads(before: start))
    }

    /// Number of scalar-starting bytes in `bytes[0 ..< offset]`: the block's count plus at most 63 bytes.
    private func leads(before offset: Int) -> Int {
        let block = offset >> Self.blockShift
        var count = leadsBefore[block]
        var index = block << Self.blockShift
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Offset of the scalar-starting byte that has `rank` scalar-starting bytes before it, if any.
    private func offset(ofLead rank: Int) -> Int? {
        // The last block whose count before it is at most `rank` holds that byte, if the file does.
        var low = 0
        var high = leadsBefore.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if leadsBefore[mid] <= rank { low = mid } else { high = mid - 1 }
        }
        var count = leadsBefore[low]
        var index = low << Self.blockShift
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if count == rank { return index }
                count += 1
            }
            index += 1
        }
        return nil
    }

    public func range(_ byteRange: Range<Int>) -> SourceRange {
        SourceRange(start: position(ofByte: byteRange.lowerBound), end: position(ofByte: byteRange.upperBound))
    }

    /// Byte offset of a 1-based line and a 1-based byte column on that line, as cmark reports them.
    public func byteOffset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(contentStart(ofLine: line) + max(byteColumn - 1, 0), bytes.count)
    }

    /// The byte range of a range of positions.
    public func byteRange(_ range: SourceRange) -> Range<Int> {
        byteOffset(line: range.start.line, scalarColumn: range.start.column)..<byteOffset(line: range.end.line, scalarColumn: range.end.column)
    }

    /// The line ending the file uses (that of its first line break), for text a fix inserts.
    public var lineEnding: String {
        guard lineStarts.count > 1 else { return "\n" }
        let end = lineStarts[1]
        return end >= 2 && bytes[end - 2] == 0x0D && bytes[end - 1] == 0x0A ? "\r\n" : (bytes[end - 1] == 0x0D ? "\r" : "\n")
    }

    /// Byte offset of a 1-based line and a column counted in Unicode scalars. Column 1 is the content
    /// start; each further column steps over one byte and the continuation bytes after it, so column c
    /// (c >= 2) is the (c - 2)-th scalar-starting byte after the content start's first byte, or the end
    /// of the line. Found through the scalar index instead of a walk from the start of the line.
    public func byteOffset(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        let start = contentStart(ofLine: line)
        let end = contentEnd(ofLine: line)
        guard start < end, scalarColumn > 1 else { return start }
        // Fewer than `end - start` scalars follow the first byte: a larger column is the line's end.
        guard scalarColumn - 2 < end - start else { return end }
        guard let found = offset(ofLead: leads(before: start + 1) + scalarColumn - 2), found < end else { return end }
        return found
    }
}
