import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Aho–Corasick automaton over ASCII-case-folded bytes: one pass over a file finds every occurrence of
/// every detector keyword. The transition table is dense over byte classes (bytes that occur in no
/// keyword share one class), so it stays small enough for the cache and the inner loop is two loads
/// per byte. It is built over those classes in flat arrays from the start: every process builds it
/// once, and building a 256-entry row per state first cost about 2 ms of each start.
public struct KeywordAutomaton: Sendable {
    /// Keywords as given (lower case).
    public let keywords: [[UInt8]]
    /// Next state per (state, class); a negative entry `~s` means state `s`, where a keyword ends.
    /// 16-bit: half the memory of 32-bit entries, so building the table and scanning with it touch half
    /// the cache lines (the catalog's 700-odd keywords make about 5,000 states; at most 32,767 fit).
    private let transitions: [Int16]
    /// Byte -> class; the table has `classCount` columns.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// The keyword indices that end at state `s` (through output links) are
    /// `outputKeywords[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputKeywords: [Int32]
    /// The length of the longest keyword: how far a hit may run past the range it starts in.
    private let longest: Int

    public init(keywords: [String]) {
        let patterns = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = patterns
        longest = patterns.map { $0.count }.max() ?? 1
        // Column per class: every byte of a keyword (both cases) gets its own, all other bytes share 0.
        var inKeyword = [Bool](repeating: false, count: 256)
        for pattern in patterns {
            for byte in pattern { inKeyword[Int(byte)] = true }
        }
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for byte in 0..<256 where inKeyword[byte] && classes[byte] == 0 {
            classes[byte] = UInt8(count)
            // Upper-case ASCII letters follow the transitions of their lower-case forms.
            if byte >= 0x61, byte <= 0x7A { classes[byte - 0x20] = UInt8(count) }
            count += 1
        }
        // The trie: one row of `count` entries per state, -1 where it has no edge yet; at most one state
        // per keyword byte besides the root.
        let capacity = 1 + patterns.reduce(0) { $0 + $1.count }
        precondition(capacity <= Int(Int16.max), "KeywordAutomaton: keywords too long for 16-bit states")
        var table = [Int16](repeating: -1, count: capacity * count)
        var output: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let slot = state * count + Int(classes[Int(byte)])
                if table[slot] >= 0 {
                    state = Int(table[slot])
                } else {
                    state = output.count
                    table[slot] = Int16(state)
                    output.append([])
                }
            }
            output[state].append(Int32(index))
        }
        let states = output.count
        table.removeLast(table.count - states * count)
        // Breadth-first: failure links, then a complete transition function. A state's failure state is
        // shallower, so its row is complete by the time the state is reached.
        var failure = [Int16](repeating: 0, count: states)
        var order = [Int16](repeating: 0, count: states)
        table.withUnsafeMutableBufferPointer { rows in
            failure.withUnsafeMutableBufferPointer { failure in
                order.withUnsafeMutableBufferPointer { queue in
                    var tail = 0
                    for column in 0..<count {
                        if rows[column] >= 0 {
                            queue[tail] = rows[column]
                            tail += 1
                        } else {
                            rows[column] = 0
                        }
                    }
                    var head = 0
                    while head < tail {
                        let row = Int(queue[head]) * count
                        let fallbackRow = Int(failure[Int(queue[head])]) * count
                        head += 1
                        for column in 0..<count {
                            let next = rows[row + column]
                            let inherited = rows[fallbackRow + column]
                            if next >= 0 {
                                failure[Int(next)] = inherited
                                queue[tail] = next
                                tail += 1
                            } else {
                                rows[row + column] = inherited
                            }
                        }
                    }
                }
            }
        }
        // The keywords ending at a state: its own, then its failure state's (complete already: shallower).
        for state in order.prefix(states - 1) where !output[Int(failure[Int(state)])].isEmpty {
            output[Int(state)] += output[Int(failure[Int(state)])]
        }
        let ends = output.map { !$0.isEmpty }
        table.withUnsafeMutableBufferPointer { rows in
            ends.withUnsafeBufferPointer { ends in
                for slot in 0..<rows.count where ends[Int(rows[slot])] {
                    rows[slot] = ~rows[slot]
                }
            }
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(output.count + 1)
        var flat: [Int32] = []
        for ending in output {
            flat += ending
            starts.append(Int32(flat.count))
        }
        transitions = table
        byteClass = classes
        classCount = count
        outputStart = starts
        outputKeywords = flat
    }

    /// The hits that start in `range` of `bytes` (a keyword may run past its end), with file offsets.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(offset: Int, keyword: Int)] {
        guard range != 0..<bytes.count else { return hits(in: bytes) }
        let end = min(bytes.count, range.upperBound + longest - 1)
        let piece = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end])
        return hits(in: piece).compactMap { hit in
            let offset = hit.offset + range.lowerBound
            return offset < range.upperBound ? (offset, hit.keyword) : nil
        }
    }

    /// Every hit as (offset of the keyword's first byte, keyword index), in order of the keyword's end.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [(offset: Int, keyword: Int)] {
        var found: [(offset: Int, keyword: Int)] = []
        let stride = classCount
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                var state = 0
                for index in 0..<bytes.count {
                    let next = Int(table[state &* stride &+ Int(classes[Int(bytes[index])])])
                    if next >= 0 {
                        state = next
                        continue
                    }
                    state = ~next
                    for position in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                        let keyword = Int(outputKeywords[position])
                        found.append((index + 1 - keywords[keyword].count, keyword))
                    }
                }
            }
        }
        return found
    }
}
