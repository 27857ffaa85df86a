/// git's wildmatch for one path component: `*`, `?`, `[...]` classes and `\` escapes, byte-wise.
///
/// A component never contains `/`, so `*`, `?` and classes need no special case for it.
package struct ComponentGlob: Sendable, Equatable {
    package enum Token: Sendable, Equatable {
        case byte(UInt8)
        case anyByte
        case anySequence
        case set(ByteSet)
    }

    package let tokens: [Token]

    /// nil when git would abort matching: an unclosed `[`, an unknown `[:class:]`, a trailing `\`.
    package init?(_ text: ArraySlice<UInt8>) {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            switch byte {
            case DiscoveryByte.star:
                if tokens.last != .anySequence { tokens.append(.anySequence) }
                index += 1
            case DiscoveryByte.question:
                tokens.append(.anyByte)
                index += 1
            case DiscoveryByte.backslash:
                guard index + 1 < text.endIndex else { return nil }
                tokens.append(.byte(text[index + 1]))
                index += 2
            case DiscoveryByte.openBracket:
                guard let (set, next) = ByteSet.parseBracket(text, from: index + 1) else { return nil }
                tokens.append(.set(set))
                index = next
            default:
                tokens.append(.byte(byte))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// The unescaped bytes when the glob has no wildcard at all.
    package var literal: [UInt8]? {
        Self.literal(tokens[...])
    }

    /// The bytes after a leading `*` when nothing else is a wildcard (`*.swift`).
    package var literalSuffix: [UInt8]? {
        guard tokens.first == .anySequence else { return nil }
        return Self.literal(tokens.dropFirst())
    }

    /// Classic two-pointer matching: on a mismatch, retry from the latest `*` one byte further on.
    /// Work is bounded by tokens × bytes, so `a*a*a*…b` cannot go exponential.
    package func matches(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        var tokenIndex = 0
        var textIndex = range.lowerBound
        var starToken = -1
        var starText = 0
        while textIndex < range.upperBound {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .anySequence:
                    starToken = tokenIndex
                    starText = textIndex
                    tokenIndex += 1
                    continue
                case .anyByte:
                    tokenIndex += 1
                    textIndex += 1
                    continue
                case .byte(let byte) where byte == text[textIndex]:
                    tokenIndex += 1
                    textIndex += 1
                    continue
                case .set(let set) where set.contains(text[textIndex]):
                    tokenIndex += 1
                    textIndex += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            tokenIndex = starToken + 1
            starText += 1
            textIndex = starText
        }
        while tokenIndex < tokens.count, tokens[tokenIndex] == .anySequence { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }

    private static func literal(_ tokens: ArraySlice<Token>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.count)
        for token in tokens {
            guard case .byte(let byte) = token else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

extension ComponentGlob {
    /// A set of bytes for a bracket expression, as a 256-bit map so membership is one shift and mask.
    package struct ByteSet: Sendable, Equatable {
        private var words: [UInt64] = [0, 0, 0, 0]

        package func contains(_ byte: UInt8) -> Bool {
            words[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
        }

        package mutating func insert(_ byte: UInt8) {
            words[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
        }

        package mutating func insert(_ range: ClosedRange<UInt8>) {
            for byte in range { insert(byte) }
        }

        package var inverted: ByteSet {
            var result = self
            result.words = words.map { ~$0 }
            return result
        }

        /// Mirrors wildmatch.c: `text[start]` is the byte after `[`. Returns the set and the index after
        /// the closing `]`, or nil where git aborts the whole match.
        package static func parseBracket(_ text: ArraySlice<UInt8>, from start: Int) -> (ByteSet, Int)? {
            let end = text.endIndex
            var index = start
            guard index < end else { return nil }
            let negated = text[index] == DiscoveryByte.bang || text[index] == DiscoveryByte.caret
            if negated { index += 1 }
            var set = ByteSet()
            var previous: UInt8?
            var isFirst = true
            while true {
                guard index < end else { return nil }
                let byte = text[index]
                // A `]` right after `[` or `[!` is a member, not the end.
                if byte == DiscoveryByte.closeBracket && !isFirst { break }
                isFirst = false
                if byte == DiscoveryByte.backslash {
                    index += 1
                    guard index < end else { return nil }
                    set.insert(text[index])
                    previous = text[index]
                } else if byte == DiscoveryByte.dash, let low = previous, index + 1 < end,
                    text[index + 1] != DiscoveryByte.closeBracket
                {
                    index += 1
                    var high = text[index]
                    if high == DiscoveryByte.backslash {
                        index += 1
                        guard index < end else { return nil }
                        high = text[index]
                    }
                    if low <= high { set.insert(low...high) }
                    previous = nil
                } else if byte == DiscoveryByte.openBracket, index + 1 < end, text[index + 1] == DiscoveryByte.colon {
                    var close = index + 2
                    while close < end, text[close] != DiscoveryByte.closeBracket { close += 1 }
                    guard close < end else { return nil }
                    if close - 1 >= index + 2 && text[close - 1] == DiscoveryByte.colon {
                        guard let named = posixClass(text[(index + 2)..<(close - 1)]) else { return nil }
                        set.words = zip(set.words, named.words).map { $0 | $1 }
                        previous = nil
                        index = close
                    } else {
                        // No ":]" before "]": git takes the "[" literally and carries on after it.
                        set.insert(byte)
                        previous = byte
                    }
                } else {
                    set.insert(byte)
                    previous = byte
                }
                index += 1
            }
            return (negated ? set.inverted : set, index + 1)
        }

        /// POSIX classes over ASCII, as git's own ctype does.
        private static func posixClass(_ name: ArraySlice<UInt8>) -> ByteSet? {
            let test: (UInt8) -> Bool
            switch String(decoding: name, as: UTF8.self) {
            case "alnum": test = { isAlpha($0) || isDigit($0) }
            case "alpha": test = isAlpha
            case "blank": test = { $0 == DiscoveryByte.space || $0 == DiscoveryByte.tab }
            case "cntrl": test = { $0 < 32 || $0 == 127 }
            case "digit": test = isDigit
            case "graph": test = { $0 > 32 && $0 < 127 }
            case "lower": test = { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
            case "print": test = { $0 >= 32 && $0 < 127 }
            case "punct": test = { $0 > 32 && $0 < 127 && !isAlpha($0) && !isDigit($0) }
            case "space": test = { $0 == DiscoveryByte.space || ($0 >= 9 && $0 <= 13) }
            case "upper": test = { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            case "xdigit": test = { isDigit($0) || (isAlpha($0) && ($0 | 0x20) <= UInt8(ascii: "f")) }
            default: return nil
            }
            var set = ByteSet()
            for byte in UInt8(0)..<128 where test(byte) { set.insert(byte) }
            return set
        }

        private static func isAlpha(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}
