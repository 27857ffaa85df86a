import SOTSource
import SOTSyntax

/// Finds issue IDs (the profile's `id_pattern`) on word boundaries.
public final class IssueIDMatcher: Sendable {
    public let pattern: String
    private let regex: POSIXRegex
    /// Bytes every match contains (`-WORK-` for the default pattern), when the pattern shows some: text
    /// without them holds no ID, and the regular expression is not run on it.
    package let requiredBytes: [UInt8]?

    public struct PatternError: Error, Sendable {
        public let message: String
    }

    /// Fails with the regcomp message when `pattern` is not a valid POSIX extended expression.
    public init(pattern: String) throws(PatternError) {
        self.pattern = pattern
        requiredBytes = Self.requiredBytes(of: pattern)
        do {
            regex = try POSIXRegex(pattern)
        } catch {
            throw PatternError(message: error.message)
        }
    }

    /// Byte ranges of every ID in `bytes[range]`, on word boundaries.
    public func matches(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        if let requiredBytes, !Self.contains(bytes, range, requiredBytes) { return [] }
        var found: [Range<Int>] = []
        regex.forEachMatch(in: bytes, range: range) { groups in
            if let match = groups[0], !match.isEmpty,
               match.lowerBound == range.lowerBound || !(Self.isWordByte(bytes[match.lowerBound - 1]) || bytes[match.lowerBound - 1] == 0x2D),
               match.upperBound == range.upperBound || !Self.isWordByte(bytes[match.upperBound]) {
                found.append(match)
            }
            return true
        }
        return found
    }

    /// True when the whole of `text` is one ID.
    public func matchesWhole(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return matches(in: bytes, range: 0..<bytes.count) == [0..<bytes.count]
    }

    private static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, let first = needle.first else { return true }
        guard range.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            var start = range.lowerBound
            let last = range.upperBound - needle.count
            while start <= last {
                if haystack[start] == first {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// The longest run of plain characters that every match of `pattern` contains, read conservatively:
    /// nil for a pattern with groups, alternation, escapes or an unusual `{`, and for one whose top
    /// level shows no required character. A character followed by `*`, `?` or `{…}` is not required; one
    /// followed by `+` is, and ends the run.
    package static func requiredBytes(of pattern: String) -> [UInt8]? {
        let bytes = Array(pattern.utf8)
        guard !bytes.contains(where: { $0 == 0x28 || $0 == 0x29 || $0 == 0x7C || $0 == 0x5C || $0 >= 0x80 }) else { return nil }
        var best: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var literal: UInt8?
            switch byte {
            case 0x5B: // a bracket expression: `]` right after `[` or `[^` is a member
                var close = index + 1
                if close < bytes.count, bytes[close] == 0x5E { close += 1 }
                if close < bytes.count, bytes[close] == 0x5D { close += 1 }
                while close < bytes.count, bytes[close] != 0x5D {
                    // `[:alpha:]`, `[.x.]` and `[=x=]` inside a bracket expression.
                    if bytes[close] == 0x5B, close + 1 < bytes.count, [0x3A, 0x2E, 0x3D].contains(bytes[close + 1]) {
                        let kind = bytes[close + 1]
                        close += 2
                        while close + 1 < bytes.count, !(bytes[close] == kind && bytes[close + 1] == 0x5D) { close += 1 }
                        close += 1
                    }
                    close += 1
                }
                guard close < bytes.count else { return nil }
                index = close
            case 0x2E, 0x5E, 0x24: // `.`, `^`, `$`
                break
            case 0x2A, 0x2B, 0x3F, 0x7B, 0x7D: // a quantifier with nothing to repeat
                return nil
            default:
                literal = byte
            }
            index += 1
            // The atom's quantifier, if any.
            let quantifier: UInt8? = index < bytes.count && [0x2A, 0x2B, 0x3F, 0x7B].contains(bytes[index]) ? bytes[index] : nil
            if quantifier == 0x7B {
                guard let close = bytes[index...].firstIndex(of: 0x7D) else { return nil }
                index = close + 1
            } else if quantifier != nil {
                index += 1
            }
            if let literal, quantifier == nil || quantifier == 0x2B {
                run.append(literal)
                if quantifier == 0x2B { endRun() }
            } else {
                endRun()
            }
            if index < bytes.count, [0x2A, 0x2B, 0x3F, 0x7B].contains(bytes[index]) { return nil }
        }
        endRun()
        return best.isEmpty ? nil : best
    }

    package static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
