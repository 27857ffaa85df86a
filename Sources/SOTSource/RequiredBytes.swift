/// Bytes of which every match of a POSIX extended pattern contains at least one, read off the pattern's
/// top level: an atom that must occur (no `?`, `*` or `{0,…}`) and can only be certain ASCII bytes. A
/// window holding none of them cannot match, so its pattern is neither run nor compiled. This matters at
/// start-up: "authority", in the disclaimer of every SOT document, holds the keyword `auth`, and the
/// generic assignment patterns it wakes (`…[:=]{1,2}…`) take about a millisecond each to compile.
///
/// Only atoms whose bytes are beyond doubt count: a literal, or a bracket expression listing literals,
/// all ASCII; not letters when case is ignored (a locale may fold them to other characters); no ranges,
/// classes, escapes or negation. A pattern with a top-level `|`, or one this reading does not follow,
/// requires nothing.
///
/// The same reading also finds the longest run of plain characters that every match holds in a row
/// (`-WORK-` in the default issue-ID pattern): consecutive literals that must occur exactly once, the
/// last of them possibly repeated (`+`).
package struct RequiredBytes: Sendable, Equatable {
    /// The bytes, or empty when the pattern requires none that this reading can tell.
    package let bytes: [UInt8]
    /// Bytes every match contains in this order, or empty.
    package let run: [UInt8]

    /// `bytes` as two bit sets of ASCII (they are all ASCII): bytes 0-63 and 64-127.
    private let low: UInt64
    private let high: UInt64

    package init(pattern: String, ignoreCase: Bool) {
        let text = Array(pattern.utf8)
        let read = Self.read(text, ignoreCase: ignoreCase)
        bytes = read?.atom.map { Array(text[$0]) } ?? []
        run = read?.run ?? []
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in bytes where byte < 128 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.low = low
        self.high = high
    }

    /// True when `range` of `bytes` may hold a match: it holds `run` (always, when `run` is empty).
    package func mayHoldRun(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = run.first, range.lowerBound >= 0, range.upperBound <= bytes.count else { return true }
        guard range.count >= run.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            var start = range.lowerBound
            let last = range.upperBound - run.count
            while start <= last {
                if haystack[start] == first {
                    var offset = 1
                    while offset < run.count, haystack[start + offset] == run[offset] { offset += 1 }
                    if offset == run.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// False only when `range` of `buffer` holds none of the bytes (so no match can lie in it).
    package func mayMatch(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !bytes.isEmpty else { return true }
        for index in range {
            let byte = UInt64(buffer[index])
            if byte < 128, ((byte < 64 ? low : high) &>> (byte & 63)) & 1 != 0 { return true }
        }
        return false
    }

    /// Where in `pattern` the bytes of its smallest usable required atom are (nil when it has none), and
    /// its longest run of required plain characters; nil when the pattern is not one this reading follows.
    private static func read(_ pattern: [UInt8], ignoreCase: Bool) -> (atom: Range<Int>?, run: [UInt8])? {
        var best: Range<Int>?
        var longest: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > longest.count { longest = run }
            run = []
        }
        var index = 0
        while index < pattern.count {
            // The bytes the atom can match, when they are beyond doubt.
            var atom: Range<Int>?
            switch pattern[index] {
            case UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                return nil
            case UInt8(ascii: "("):
                guard let end = groupEnd(pattern, from: index) else { return nil }
                index = end
            case UInt8(ascii: "["):
                guard let (plain, end) = bracket(pattern, from: index) else { return nil }
                if plain { atom = (index + 1)..<(end - 1) }
                index = end
            case UInt8(ascii: "\\"):
                // GNU gives escaped letters and digits meanings of their own (`\w`, `\b`, back-references).
                guard index + 1 < pattern.count else { return nil }
                index += 2
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                index += 1
            default:
                atom = index..<(index + 1)
                index += 1
            }
            // One byte that the atom matches and nothing else: a plain character, or a bracket listing one.
            let literal = atom.flatMap { $0.count == 1 ? pattern[$0.lowerBound] : nil }
            let atomEnd = index
            guard let (least, end) = leastRepetition(pattern, from: index) else { return nil }
            index = end
            if least > 0, let atom, atom.count < (best?.count ?? Int.max),
               pattern[atom].allSatisfy({ isCertain($0, ignoreCase: ignoreCase) }) {
                best = atom
            }
            // A literal that occurs exactly once extends the run; one repeated by `+` ends it.
            let once = end == atomEnd
            let repeated = !once && pattern[atomEnd] == UInt8(ascii: "+")
            if let literal, isCertain(literal, ignoreCase: ignoreCase), once || repeated {
                run.append(literal)
                if repeated { endRun() }
            } else {
                endRun()
            }
        }
        endRun()
        return (best, longest)
    }

    /// A literal whose match is that byte alone: ASCII, not a control byte, not a letter when case is ignored.
    private static func isCertain(_ byte: UInt8, ignoreCase: Bool) -> Bool {
        let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
        return byte >= 0x20 && byte < 0x80 && !(ignoreCase && isLetter)
    }

    /// The index after the `)` closing the group that opens at `start`.
    private static func groupEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                guard let (_, end) = bracket(pattern, from: index) else { return nil }
                index = end
                continue
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The bracket expression that opens at `start`: whether it only lists single bytes (so its members
    /// are the bytes between its brackets; not so with a negation, range, class or escape), and the index
    /// after its `]`.
    private static func bracket(_ pattern: [UInt8], from start: Int) -> (plain: Bool, end: Int)? {
        let dash = UInt8(ascii: "-")
        let close = UInt8(ascii: "]")
        var index = start + 1
        var plain = true
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") {
            plain = false
            index += 1
        }
        // A `]` right after the opening (and its `^`) is a member.
        let first = index
        if index < pattern.count, pattern[index] == close { index += 1 }
        while index < pattern.count {
            let byte = pattern[index]
            if byte == close { return (plain, index + 1) }
            let next = index + 1 < pattern.count ? pattern[index + 1] : 0
            if byte == UInt8(ascii: "["), next == UInt8(ascii: ":") || next == UInt8(ascii: "=") || next == UInt8(ascii: ".") {
                // `[:class:]`, `[=equivalent=]`, `[.collating.]`: skip to their closing `:]`, `=]` or `.]`.
                var end = index + 2
                while end + 1 < pattern.count, !(pattern[end] == next && pattern[end + 1] == close) { end += 1 }
                guard end + 1 < pattern.count else { return nil }
                plain = false
                index = end + 2
                continue
            }
            // A `-` is a member only first or last; anywhere else it makes a range.
            let startsRange = next == dash && index + 2 < pattern.count && pattern[index + 2] != close
            let strayDash = byte == dash && index > first && next != close
            if startsRange || strayDash || byte == UInt8(ascii: "\\") { plain = false }
            index += 1
        }
        return nil
    }

    /// The least number of times the atom before `start` must occur, by the quantifier at `start` (1
    /// when there is none), and the index after the quantifier.
    private static func leastRepetition(_ pattern: [UInt8], from start: Int) -> (least: Int, end: Int)? {
        guard start < pattern.count else { return (1, start) }
        switch pattern[start] {
        case UInt8(ascii: "*"), UInt8(ascii: "?"):
            return (0, start + 1)
        case UInt8(ascii: "+"):
            return (1, start + 1)
        case UInt8(ascii: "{"):
            var index = start + 1
            var least = 0
            var digits = 0
            while index < pattern.count, pattern[index] >= 0x30, pattern[index] <= 0x39, digits < 6 {
                least = least * 10 + Int(pattern[index] - 0x30)
                digits += 1
                index += 1
            }
            while index < pattern.count, pattern[index] != UInt8(ascii: "}") {
                guard pattern[index] == UInt8(ascii: ",") || (pattern[index] >= 0x30 && pattern[index] <= 0x39) else { return nil }
                index += 1
            }
            guard digits > 0, index < pattern.count else { return nil }
            return (least, index + 1)
        default:
            return (1, start)
        }
    }
}
