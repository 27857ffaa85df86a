/// What is wrong with a file's bytes as UTF-8 text, if anything.
public struct EncodingProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case invalidUTF8
        case nulByte
    }

    public let kind: Kind
    /// Byte offset of the first offending byte.
    public let offset: Int
}

public enum EncodingCheck {
    /// The first invalid UTF-8 sequence or NUL byte, or nil when the bytes are clean UTF-8 text.
    public static func firstProblem(in bytes: [UInt8]) -> EncodingProblem? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return EncodingProblem(kind: .nulByte, offset: index) }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return EncodingProblem(kind: .invalidUTF8, offset: index)
            }
            guard index + length <= count else { return EncodingProblem(kind: .invalidUTF8, offset: index) }
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return EncodingProblem(kind: .invalidUTF8, offset: index) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
            if scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
                return EncodingProblem(kind: .invalidUTF8, offset: index)
            }
            index += length
        }
        return nil
    }
}
