/// Bytes every match of a POSIX extended pattern contains, read off the pattern: atoms that must occur
/// (no `?`, `*` or `{0,…}`) and can only be certain ASCII bytes, at the top level or inside groups that
/// must occur and have no `|` of their own. A window holding no byte of one of them cannot match, so its
/// pattern is neither run nor compiled. This matters at start-up: "authority", in the disclaimer of every
/// SOT document, holds the keyword `auth`, and the generic assignment patterns it wakes (`…[:=]{1,2}…`)
/// take about a millisecond each to compile; and it matters for the scan's speed: a line with `=` but no
/// digit cannot hold an assignment whose value needs a digit, and glibc's matcher costs microseconds a line.
///
/// Only atoms whose bytes are beyond doubt count: a literal, or a bracket expression listing literals (and
/// the digits `0-9`), all ASCII; not letters when case is ignored (a locale may fold them to other
/// characters); no other ranges, classes, escapes or negation. A pattern with a top-level `|`, or one this
/// reading does not follow, requires nothing.
///
/// The same reading also finds a run of atoms that every match holds in a row: consecutive top-level atoms
/// whose bytes are beyond doubt (a literal, or a bracket such as `[0-9]`) that must occur exactly once, the
/// last of them possibly repeated (`+`). Of several runs, the one with the most literals is kept, then the
/// longest: `-WORK-[0-9]` in `[A-Z][A-Z0-9]*-WORK-[0-9]+`, and `-[0-9]` (a hyphen, then a digit) in the
/// default issue-ID pattern, which has no fixed word but still skips text where no digit follows a hyphen.
package struct RequiredBytes: Sendable, Equatable {
    /// The bytes of the smallest required atom, or empty when the pattern requires none that this reading
    /// can tell.
    package let bytes: [UInt8]
    /// The atoms every match contains in this order, each as the bytes it can match (one for a literal),
    /// or empty. At most 64 atoms are kept.
    package let run: [[UInt8]]
    /// For each ASCII byte, a bit per atom of `run` that it can match (bit k: atom k).
    private let runAtomsOfByte: [UInt64]
    /// Up to eight required atoms (the smallest), as a bit per atom for each ASCII byte it holds.
    private let atomsOfByte: [UInt8]
    private let allAtoms: UInt8

    package init(pattern: String, ignoreCase: Bool) {
        let text = Array(pattern.utf8)
        let read = Self.read(text, 0..<text.count, ignoreCase: ignoreCase, depth: 0)
        var atoms: [[UInt8]] = []
        for atom in read?.atoms ?? [] where !atoms.contains(atom) { atoms.append(atom) }
        bytes = atoms.min { $0.count < $1.count } ?? []
        run = Array((read?.run ?? []).prefix(64))
        var runTable = [UInt64](repeating: 0, count: run.isEmpty ? 0 : 128)
        for (position, atom) in run.enumerated() {
            for byte in atom { runTable[Int(byte)] |= 1 << UInt64(position) }
        }
        runAtomsOfByte = runTable
        var table = [UInt8](repeating: 0, count: atoms.isEmpty ? 0 : 128)
        let kept = atoms.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.prefix(8)
        for (bit, atom) in kept.enumerated() {
            for byte in atom.element { table[Int(byte)] |= 1 << UInt8(bit) }
        }
        atomsOfByte = table
        allAtoms = kept.isEmpty ? 0 : UInt8(truncatingIfNeeded: (1 << kept.count) - 1)
    }
    /// True when `range` of `bytes` may hold a match: it holds `run` (always, when `run` is empty).
    package func mayHoldRun(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !run.isEmpty, range.lowerBound >= 0, range.upperBound <= bytes.count else { return true }
        guard range.count >= run.count else { return false }
        let length = run.count
        return bytes.withUnsafeBufferPointer { haystack in
            runAtomsOfByte.withUnsafeBufferPointer { atomsOfByte in
                var start = range.lowerBound
                let last = range.upperBound - length
                while start <= last {
                    // Bytes of 128 and above are in no atom: every atom's bytes are ASCII.
                    var offset = 0
                    while offset < length {
                        let byte = haystack[start + offset]
                        guard byte < 128, atomsOfByte[Int(byte)] & (1 << UInt64(offset)) != 0 else { break }
                        offset += 1
                    }
                    if offset == length { return true }
                    start += 1
                }
                return false
            }
        }
    }

    /// False only when `range` of `buffer` lacks every byte of some required atom (so no match can lie in it).
    package func mayMatch(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard allAtoms != 0 else { return true }
        return atomsOfByte.withUnsafeBufferPointer { atomsOfByte in
            var seen: UInt8 = 0
            for index in range where buffer[index] < 128 {
                seen |= atomsOfByte[Int(buffer[index])]
                if seen == allAtoms { return true }
            }
            return false
        }
    }

    /// The required atoms of `range` of `pattern` (each as the bytes it can match) and its best run of
    /// required atoms in a row (the most literals, then the longest); nil when this part of the pattern is
    /// not one this reading follows.
    private static func read(_ pattern: [UInt8], _ range: Range<Int>, ignoreCase: Bool, depth: Int) -> (atoms: [[UInt8]], run: [[UInt8]])? {
        var atoms: [[UInt8]] = []
        var longest: [[UInt8]] = []
        var run: [[UInt8]] = []
        func literals(_ atoms: [[UInt8]]) -> Int { atoms.reduce(0) { $0 + ($1.count == 1 ? 1 : 0) } }
        func endRun() {
            let (new, old) = (literals(run), literals(longest))
            if new > old || (new == old && run.count > longest.count) { longest = run }
            run = []
        }
        var index = range.lowerBound
        while index < range.upperBound {
            // The bytes the atom can match, when they are beyond doubt; a group's own required atoms.
            var members: [UInt8]?
            var inner: [[UInt8]] = []
            switch pattern[index] {
            case UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                return nil
            case UInt8(ascii: "("):
                guard let end = groupEnd(pattern, from: index), end <= range.upperBound else { return nil }
                if depth < 8 { inner = read(pattern, (index + 1)..<(end - 1), ignoreCase: ignoreCase, depth: depth + 1)?.atoms ?? [] }
                index = end
            case UInt8(ascii: "["):
                guard let (listed, end) = bracket(pattern, from: index), end <= range.upperBound else { return nil }
                members = listed
                index = end
            case UInt8(ascii: "\\"):
                // GNU gives escaped letters and digits meanings of their own (`\w`, `\b`, back-references).
                guard index + 1 < range.upperBound else { return nil }
                index += 2
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                index += 1
            default:
                members = [pattern[index]]
                index += 1
            }
            let atomEnd = index
            guard let (least, end) = leastRepetition(pattern, from: index), end <= range.upperBound else { return nil }
            index = end
            if least > 0 {
                if let members, !members.isEmpty, members.allSatisfy({ isCertain($0, ignoreCase: ignoreCase) }) { atoms.append(members) }
                atoms += inner
            }
            // An atom that occurs exactly once extends the run; one repeated by `+` ends it.
            let once = end == atomEnd
            let repeated = !once && pattern[atomEnd] == UInt8(ascii: "+")
            if let members, !members.isEmpty, inner.isEmpty, members.allSatisfy({ isCertain($0, ignoreCase: ignoreCase) }), once || repeated {
                run.append(members)
                if repeated { endRun() }
            } else {
                endRun()
            }
        }
        endRun()
        return (atoms, longest)
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

    /// The bracket expression that opens at `start`: its members when it lists only single bytes and the
    /// digits `0-9` (nil with a negation, another range, a class or an escape), and the index after its `]`.
    private static func bracket(_ pattern: [UInt8], from start: Int) -> (members: [UInt8]?, end: Int)? {
        let dash = UInt8(ascii: "-")
        let close = UInt8(ascii: "]")
        var index = start + 1
        var members: [UInt8]? = []
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") {
            members = nil
            index += 1
        }
        // A `]` right after the opening (and its `^`) is a member.
        let first = index
        if index < pattern.count, pattern[index] == close {
            members?.append(close)
            index += 1
        }
        while index < pattern.count {
            let byte = pattern[index]
            if byte == close { return (members, index + 1) }
            let next = index + 1 < pattern.count ? pattern[index + 1] : 0
            if byte == UInt8(ascii: "["), next == UInt8(ascii: ":") || next == UInt8(ascii: "=") || next == UInt8(ascii: ".") {
                // `[:class:]`, `[=equivalent=]`, `[.collating.]`: skip to their closing `:]`, `=]` or `.]`.
                var end = index + 2
                while end + 1 < pattern.count, !(pattern[end] == next && pattern[end + 1] == close) { end += 1 }
                guard end + 1 < pattern.count else { return nil }
                members = nil
                index = end + 2
                continue
            }
            // A `-` is a member only first or last; anywhere else it makes a range (of which only `0-9` is read).
            let startsRange = next == dash && index + 2 < pattern.count && pattern[index + 2] != close
            if startsRange {
                if byte == UInt8(ascii: "0"), pattern[index + 2] == UInt8(ascii: "9") {
                    members? += Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
                } else {
                    members = nil
                }
                index += 3
                continue
            }
            let strayDash = byte == dash && index > first && next != close
            if strayDash || byte == UInt8(ascii: "\\") { members = nil }
            members?.append(byte)
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
