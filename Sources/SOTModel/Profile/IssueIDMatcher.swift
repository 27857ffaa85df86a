import SOTSource
import SOTSyntax

/// Finds issue IDs (the profile's `id_pattern`) on word boundaries.
public final class IssueIDMatcher: Sendable {
    public let pattern: String
    private let regex: POSIXRegex
    /// Atoms every match contains in a row (`-[0-9]`, a hyphen and a digit, for the default pattern): text
    /// without them holds no ID, and the regular expression is not run on it.
    package let required: RequiredBytes

    public struct PatternError: Error, Sendable {
        public let message: String
    }

    /// Fails with the regcomp message when `pattern` is not a valid POSIX extended expression.
    /// `ignoreCase`: `task-24` and `TASK-24` both match (`ids.case: insensitive`).
    public init(pattern: String, ignoreCase: Bool = false) throws(PatternError) {
        self.pattern = pattern
        required = RequiredBytes(pattern: pattern, ignoreCase: ignoreCase)
        do {
            regex = try POSIXRegex(pattern, ignoreCase: ignoreCase)
        } catch {
            throw PatternError(message: error.message)
        }
    }

    /// Byte ranges of every ID in `bytes[range]`, on word boundaries.
    public func matches(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        guard required.mayHoldRun(bytes, range) else { return [] }
        var found: [Range<Int>] = []
        regex.forEachWholeMatch(in: bytes, range: range) { match in
            if Self.isWholeID(match, in: bytes, range: range) { found.append(match) }
            return true
        }
        return found
    }

    /// True when a match of the pattern is an ID: not empty, and neither preceded by a word byte or `-`
    /// nor followed by a word byte inside `range`.
    package static func isWholeID(_ match: Range<Int>, in bytes: [UInt8], range: Range<Int>) -> Bool {
        !match.isEmpty
            && (match.lowerBound == range.lowerBound || !(isWordByte(bytes[match.lowerBound - 1]) || bytes[match.lowerBound - 1] == 0x2D))
            && (match.upperBound == range.upperBound || !isWordByte(bytes[match.upperBound]))
    }

    /// True when the whole of `text` is one ID.
    public func matchesWhole(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return matches(in: bytes, range: 0..<bytes.count) == [0..<bytes.count]
    }

    package static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
