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
        output.reserve(20)
        if value >= 0, value < 10 {
            output.appendReserved(0x30 + UInt8(truncatingIfNeeded: value))
            return
        }
        if value < 0 { output.appendReserved(0x2D) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            output.appendReserved(0x30 + UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// A JSON number (or `null` for infinities and NaN, which JSON cannot write) as Swift prints it.
    static func appendNumber(_ value: Double, to output: inout JSONByteBuffer) {
        if value.isFinite { output.append(value.description) } else { appendNull(to: &output) }
    }

    /// `text` as a JSON string literal: `"`, `\` and control characters (and the two JavaScript line
    /// separators U+2028 and U+2029) are escaped, everything else is kept as UTF-8. Runs that need no
    /// escape, usually the whole text, are copied in one append.
    static func appendQuoted(_ text: String, to output: inout JSONByteBuffer) {
        var text = text
        // Native strings are contiguous already: this borrows their bytes, it does not copy them.
        text.withUTF8 { bytes in
            output.reserve(bytes.count + 2)
            output.appendReserved(0x22)
            appendEscaped(bytes, to: &output)
            output.append(0x22)
        }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout JSONByteBuffer) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while true {
            index = firstCandidate(in: base, from: index, count: bytes.count)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            var width = 1
            if byte == 0xE2 {
                // Only U+2028 and U+2029 of the characters led by 0xE2 are escaped.
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                width = 3
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(for: byte, third: width == 3 ? bytes[index + 2] : 0, to: &output)
            index += width
            runStart = index
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// The index of the first byte from `index` on that may need an escape: below 0x20, `"`, `\`, 0x7F or
    /// 0xE2 (which leads U+2028 and U+2029); `count` when there is none. Eight bytes at a time while
    /// none of them can.
    private static func firstCandidate(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasCandidate(word) { break }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return index }
            index += 1
        }
        return count
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below 0x20 or equal to `"`, `\`, 0x7F or 0xE2. The classic
    /// "has a zero byte" test: a match sets the high bit of its byte; borrows may also mark bytes above
    /// a match, never a word without one.
    @inline(__always)
    private static func hasCandidate(_ word: UInt64) -> Bool {
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let below = (word &- ones &* 0x20) & ~word & highBits
        return below | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0x7F)) | hasZeroByte(word ^ (ones &* 0xE2)) != 0
    }

    /// The escape of `byte`; for U+2028/U+2029 (`byte` 0xE2), `third` is the last byte of the character.
    private static func appendEscape(for byte: UInt8, third: UInt8, to output: inout JSONByteBuffer) {
        output.reserve(6)
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
