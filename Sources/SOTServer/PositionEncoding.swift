import SOTSource

/// The unit an LSP `Position.character` counts (LSP 3.17 `PositionEncodingKind`): UTF-8 bytes, UTF-16 code
/// units (the protocol's default, and what a client that says nothing expects) or Unicode scalars.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The encoding for a client that offers `offered` (`general.positionEncodings`, in its order of
    /// preference): UTF-8 when offered (our own unit, nothing to convert), else UTF-32, else UTF-16, which
    /// every client must support whatever it lists.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        let offered = Set(offered ?? [])
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }

    /// The length of the UTF-8 sequence `lead` starts (1 for ASCII and for a stray continuation byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// How many units of this encoding the scalar whose UTF-8 form starts with `lead` takes.
    @inline(__always)
    func units(ofScalarLeading lead: UInt8) -> Int {
        switch self {
        case .utf8: return Self.sequenceLength(lead)
        case .utf16: return lead >= 0xF0 ? 2 : 1
        case .utf32: return 1
        }
    }
}

/// An LSP position: 0-based line, and `character` counted in the connection's `PositionEncoding` from the
/// start of the line as the client holds it (a byte order mark, if the text has one, is a character of
/// line 0).
public struct LSPPosition: Sendable, Hashable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// Converts between byte offsets of a `SourceText` and LSP positions in one encoding. A line break is CR,
/// LF or CR LF, as everywhere in sot-lint (and in LSP 3.17). Converting positions in increasing order
/// along one line continues from the previous one, so converting every position of a long line is linear
/// in the line, not quadratic.
public struct LSPPositionConverter {
    public let source: SourceText
    public let encoding: PositionEncoding
    /// The last conversion: byte offset and units from its line's start.
    private var last: (line: Int, offset: Int, units: Int)?

    public init(source: SourceText, encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
    }

    /// The position of byte `offset` (clamped to the text). An offset inside a scalar's UTF-8 form counts as
    /// that scalar's start.
    public mutating func position(ofByte offset: Int) -> LSPPosition {
        let offset = min(max(offset, 0), source.bytes.count)
        let line = source.line(ofByte: offset)
        let lineStart = source.lineStarts[line - 1]
        var from = lineStart
        var units = 0
        if let last, last.line == line, last.offset <= offset {
            from = last.offset
            units = last.units
        }
        source.bytes.withUnsafeBufferPointer { bytes in
            var index = from
            while index < offset {
                let lead = bytes[index]
                if lead & 0xC0 == 0x80 {
                    // A stray continuation byte (invalid UTF-8) is one unit of its own, as a decoder's U+FFFD.
                    units += 1
                    index += 1
                    continue
                }
                let length = PositionEncoding.sequenceLength(lead)
                guard index + length <= offset else { break }
                units += encoding.units(ofScalarLeading: lead)
                index += length
            }
            last = (line, index, units)
        }
        return LSPPosition(line: line - 1, character: units)
    }

    /// The byte offset of `position`. As LSP says, a character past the line's end means the end of the
    /// line (before its line break), and a line past the last one means the end of the text; a character
    /// inside a scalar (between the halves of a UTF-16 surrogate pair) means that scalar's start.
    public func byteOffset(of position: LSPPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < source.lineCount else { return source.bytes.count }
        let start = source.lineStarts[position.line]
        let end = source.contentEnd(ofLine: position.line + 1)
        return source.bytes.withUnsafeBufferPointer { bytes in
            var index = start
            var units = 0
            while index < end {
                let lead = bytes[index]
                let length = PositionEncoding.sequenceLength(lead)
                let width = lead & 0xC0 == 0x80 ? 1 : encoding.units(ofScalarLeading: lead)
                guard units + width <= position.character else { return index }
                units += width
                index = min(index + length, end)
            }
            return end
        }
    }
}
