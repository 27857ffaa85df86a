/// The one definition of how sot-lint writes JSON text, shared by `JSONValue` and the streaming
/// encoder: compact separators (`", "`, `": "`), except that members of the outermost object and
/// elements of an array directly inside it go on lines of their own, so a report reads one finding
/// per line. Depths count containers: the outermost value is at depth 0.
enum JSONLayout {
    /// The separator before member `index` of an object at `depth`, the quoted key and the colon.
    static func appendMemberHead(_ key: String, index: Int, depth: Int, to output: inout JSONByteBuffer) {
        if index > 0 {
            output.reserve(3)
            output.appendReserved(0x2C)
            if depth == 0 { output.appendReserved(0x0A) }
            output.appendReserved(0x20)
        }
        appendQuoted(key, to: &output)
        output.reserve(2)
        output.appendReserved(0x3A)
        output.appendReserved(0x20)
    }

    /// The separator before element `index` of an array at `depth`; the `[` is already written.
    static func appendElementSeparator(index: Int, depth: Int, to output: inout JSONByteBuffer) {
        output.reserve(4)
        if depth == 1 {
            if index > 0 { output.appendReserved(0x2C) }
            output.appendReserved(0x0A)
            output.appendReserved(0x20)
            output.appendReserved(0x20)
        } else if index > 0 {
            output.appendReserved(0x2C)
            output.appendReserved(0x20)
        }
    }

    /// The end of an array of `count` elements at `depth`: `[]` when empty, its own line when broken.
    static func appendArrayEnd(count: Int, depth: Int, to output: inout JSONByteBuffer) {
        output.reserve(3)
        if depth == 1, count > 0 {
            output.appendReserved(0x0A)
            output.appendReserved(0x20)
        }
        output.appendReserved(0x5D)
    }

    static func appendNull(to output: inout JSONByteBuffer) {
        output.reserve(4)
        output.appendReserved(0x6E)
        output.appendReserved(0x75)
        output.appendReserved(0x6C)
        output.appendReserved(0x6C)
    }

    static func appendBool(_ value: Bool, to output: inout JSONByteBuffer) {
        output.reserve(5)
        if value {
            output.appendReserved(0x74)
            output.appendReserved(0x72)
            output.appendReserved(0x75)
        } else {
            output.appendReserved(0x66)
            output.appendReserved(0x61)
            output.appendReserved(0x6C)
            output.appendReserved(0x73)
        }
        output.appendReserved(0x65)
    }

    /// `value` in decimal, without the `String` that `String(value)` would make.
    static func appendInteger(_ value: Int, to output: inout JSONByteBuffer) {
        if value < 0 { output.append(0x2D) }
        output.appendDecimal(value.magnitude)
    }

    /// A JSON number (or `null` for infinities and NaN, which JSON cannot write) as Swift prints it.
    static func appendNumber(_ value: Double, to output: inout JSONByteBuffer) {
        if value.isFinite { output.append(value.description) } else { appendNull(to: &output) }
    }

    /// `text` as a JSON string literal: `"`, `\` and control characters (and the two JavaScript line
    /// separators U+2028 and U+2029) are escaped, everything else is kept as UTF-8.
    static func appendQuoted(_ text: String, to output: inout JSONByteBuffer) {
        // Native strings are contiguous: their bytes are read in place, not copied.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0, to: &output) }
        if done == nil {
            var text = text
            text.withUTF8 { appendQuoted(utf8: $0, to: &output) }
        }
    }

    private static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout JSONByteBuffer) {
        output.reserve(bytes.count + 2)
        output.appendReserved(0x22)
        if let base = bytes.baseAddress { appendEscaped(base, count: bytes.count, to: &output) }
        output.append(0x22)
    }

    /// Copies `count` bytes from `base`, escaped; `output` has room for them unescaped. Eight bytes at a
    /// time while they are printable ASCII (scanned and copied in the same pass), else those eight byte
    /// by byte.
    private static func appendEscaped(_ base: UnsafePointer<UInt8>, count: Int, to output: inout JSONByteBuffer) {
        var index = 0
        while index < count {
            let windowEnd = min(index + 8, count)
            if windowEnd - index == 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPlainASCII(word) {
                    output.appendReserved(word: word)
                    index = windowEnd
                    continue
                }
            }
            while index < windowEnd {
                let byte = base[index]
                let isSeparator = byte == 0xE2 && index + 2 < count && base[index + 1] == 0x80
                    && (base[index + 2] == 0xA8 || base[index + 2] == 0xA9)
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || isSeparator {
                    // An escape is at most six bytes; what follows it still fits unescaped.
                    output.reserve(6 + count - index)
                    appendEscape(for: byte, third: isSeparator ? base[index + 2] : 0, to: &output)
                    index += isSeparator ? 3 : 1
                } else {
                    output.appendReserved(byte)
                    index += 1
                }
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether every byte of `word` is in 0x20...0x7E and neither `"` nor `\`. The classic "has a zero
    /// byte" tests, exact for whether a word has a match: a lane that matches sets its high bit, and a
    /// carry or borrow reaches the next lane only from a lane that matches.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let atLeast0x7F = (word | (word &+ ones)) & highBits
        let below0x20 = (word &- ones &* 0x20) & ~word & highBits
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote & highBits
        let zeroInBackslash = (backslash &- ones) & ~backslash & highBits
        return atLeast0x7F | below0x20 | zeroInQuote | zeroInBackslash == 0
    }

    /// The escape of `byte`, after `reserve` made room for six bytes; for U+2028/U+2029 (`byte` 0xE2),
    /// `third` is the last byte of the character.
    private static func appendEscape(for byte: UInt8, third: UInt8, to output: inout JSONByteBuffer) {
        output.appendReserved(0x5C)
        switch byte {
        case 0x22, 0x5C: output.appendReserved(byte)
        case 0x0A: output.appendReserved(0x6E)
        case 0x0D: output.appendReserved(0x72)
        case 0x09: output.appendReserved(0x74)
        case 0xE2:
            // U+2028 and U+2029 end lines in JavaScript.
            for digit: UInt8 in [0x75, 0x32, 0x30, 0x32, third == 0xA8 ? 0x38 : 0x39] { output.appendReserved(digit) }
        default:
            for digit: UInt8 in [0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)] { output.appendReserved(digit) }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
