import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Aho–Corasick automaton over ASCII-case-folded bytes: one pass over a file finds every occurrence of
/// every detector keyword. The transition table is dense over byte classes (bytes that occur in no
/// keyword share one class), so it stays small enough for the cache and the inner loop is two loads
/// per byte.
public struct KeywordAutomaton: Sendable {
    /// Keywords as given (lower case).
    public let keywords: [[UInt8]]
    /// Next state per (state, class); a negative entry `~s` means state `s`, where a keyword ends.
    private let transitions: [Int32]
    /// Byte -> class; the table has `classCount` columns.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// For each state, the keyword indices that end there (through output links).
    private let outputs: [[Int32]]

    public init(keywords: [String]) {
        let patterns = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = patterns
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var output: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let next = goto[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    goto.append([Int32](repeating: -1, count: 256))
                    output.append([])
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                    state = goto.count - 1
                }
            }
            output[state].append(Int32(index))
        }
        // Breadth-first: failure links, then a complete transition function.
        var failure = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next >= 0 {
                failure[Int(next)] = 0
                queue.append(Int(next))
            } else {
                goto[0][byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] += output[failure[state]]
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next >= 0 {
                    failure[Int(next)] = Int(goto[failure[state]][byte])
                    queue.append(Int(next))
                } else {
                    goto[state][byte] = goto[failure[state]][byte]
                }
            }
        }
        // Upper-case ASCII letters follow the transitions of their lower-case forms.
        for state in 0..<goto.count {
            for byte in 0x41...0x5A { goto[state][byte] = goto[state][byte | 0x20] }
        }
        // Column per class: every byte of a keyword (both cases) gets its own, all other bytes share 0.
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for byte in Set(patterns.joined()).sorted() where classes[Int(byte)] == 0 {
            classes[Int(byte)] = UInt8(count)
            if byte >= 0x61, byte <= 0x7A { classes[Int(byte) - 0x20] = UInt8(count) }
            count += 1
        }
        var representative = [Int](repeating: 0x00, count: count)
        for byte in (0..<256).reversed() { representative[Int(classes[byte])] = byte }
        // Class 0 stands for bytes in no keyword: its column is any such byte's column.
        if let plain = (0..<256).first(where: { classes[$0] == 0 }) { representative[0] = plain }
        transitions = goto.flatMap { row in
            representative.map { column in
                let next = row[column]
                return output[Int(next)].isEmpty ? next : ~next
            }
        }
        byteClass = classes
        classCount = count
        outputs = output
    }

    /// The hits that start in `range` of `bytes` (a keyword may run past its end), with file offsets.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(offset: Int, keyword: Int)] {
        guard range != 0..<bytes.count else { return hits(in: bytes) }
        let longest = keywords.map(\.count).max() ?? 1
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
                    for keyword in outputs[state] {
                        found.append((index + 1 - keywords[Int(keyword)].count, Int(keyword)))
                    }
                }
            }
        }
        return found
    }
}
