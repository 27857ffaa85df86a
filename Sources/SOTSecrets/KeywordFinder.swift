import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Finds every occurrence of every detector keyword in a file, ASCII case ignored, in one pass.
///
/// Most positions of a document begin no keyword. So the pass asks of each position only whether the
/// bytes there could begin one: the next four bytes (for keywords of four or more bytes) and the next
/// three (for keywords of three, and of two whatever byte follows them), case-folded by setting bit 5 of
/// each byte, are hashed to 16 bits and looked up in one table of 2^16 bytes (bit 0: some longer
/// keyword has that hash, bit 1: some shorter one). Neighbouring positions' lookups do not depend on one
/// another, so the processor overlaps them; an automaton's walk cannot, each step waiting for the state of
/// the previous one (this replaced an Aho–Corasick automaton that ran at about a third of the speed and
/// took 2 ms of every start to build). Four positions are looked up per 8-byte load. Where a bit is set,
/// the keywords filed under that hash are compared byte by byte: about four positions in a hundred of the
/// benchmark corpus. One-byte keywords have a table of their own, read only when there are any.
public struct KeywordFinder: Sendable {
    /// Keywords as given (lower case).
    public let keywords: [[UInt8]]
    /// The keywords' bytes one after the other (keyword `k` at `keywordStart[k]..<keywordStart[k + 1]`), and
    /// each keyword's first four bytes folded as the table's words are (bytes past its end zero) with the
    /// mask of its length: a candidate is compared against these before any byte.
    private let keywordBytes: [UInt8]
    private let keywordStart: [Int32]
    private let prefixWord: [UInt32]
    private let prefixMask: [UInt32]
    /// Per 16-bit hash: bit 0 when a keyword of four or more bytes has it (`longHash`), bit 1 when a
    /// keyword of two or three bytes does (`shortHash`).
    private let table: [UInt8]
    /// The keywords filed under each set's bucket (a hash's top 12 bits) are
    /// `bucketKeywords[bucketStart[b]..<bucketStart[b + 1]]`, the second set's buckets after the first's.
    private let bucketStart: [Int32]
    private let bucketKeywords: [Int32]
    /// One-byte keywords by their (lower-case) byte: `singleKeywords[singleStart[b]..<singleStart[b + 1]]`.
    private let singleStart: [Int32]
    private let singleKeywords: [Int32]
    /// The length of the longest keyword: how far a hit may run past the range it starts in.
    private let longest: Int

    private static let bucketsPerSet = 1 << 12

    public init(keywords: [String]) {
        let patterns = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = patterns
        longest = patterns.map(\.count).max() ?? 1
        keywordBytes = patterns.flatMap { $0 }
        var starts: [Int32] = [0]
        for pattern in patterns { starts.append(starts[starts.count - 1] + Int32(pattern.count)) }
        keywordStart = starts
        prefixMask = patterns.map { $0.count >= 4 ? 0xFFFF_FFFF : UInt32((1 << (8 * $0.count)) - 1) }
        prefixWord = patterns.map { pattern in
            pattern.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element | 0x20) << (8 * $1.offset) }
        }
        // (bucket, keyword) pairs, then grouped by bucket: no array per bucket to allocate at every start.
        var filed: [(bucket: Int32, keyword: Int32)] = []
        var singles: [(byte: Int32, keyword: Int32)] = []
        var table = [UInt8](repeating: 0, count: 1 << 16)
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            guard pattern.count > 1 else {
                singles.append((Int32(pattern[0]), Int32(index)))
                continue
            }
            let set = pattern.count >= 4 ? 0 : 1
            var word: UInt32 = 0x2020_2020
            for (offset, byte) in pattern.prefix(4).enumerated() { word |= UInt32(byte) << (8 * offset) }
            // A two-byte keyword is filed under every third byte that can follow it.
            let words = pattern.count == 2 ? (0..<256).map { word | UInt32($0) << 16 } : [word]
            var buckets = Set<Int32>()
            for word in words {
                let hash = set == 0 ? Self.longHash(word) : Self.shortHash(word)
                table[Int(hash)] |= set == 0 ? 1 : 2
                buckets.insert(Int32(set * Self.bucketsPerSet + Int(hash &>> 4)))
            }
            filed += buckets.map { ($0, Int32(index)) }
        }
        (bucketStart, bucketKeywords) = Self.group(filed, count: 2 * Self.bucketsPerSet)
        (singleStart, singleKeywords) = Self.group(singles.map { ($0.byte, $0.keyword) }, count: 256)
        self.table = table
    }

    /// `pairs` grouped by their first number (below `count`), in order of the second within a group.
    private static func group(_ pairs: [(Int32, Int32)], count: Int) -> (starts: [Int32], values: [Int32]) {
        var starts = [Int32](repeating: 0, count: count + 1)
        for (key, _) in pairs { starts[Int(key) + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var next = starts
        var values = [Int32](repeating: 0, count: pairs.count)
        for (key, value) in pairs.sorted(by: { $0.1 < $1.1 }) {
            values[Int(next[Int(key)])] = value
            next[Int(key)] += 1
        }
        return (starts, values)
    }

    /// The 16-bit hash of a folded little-endian word: of all four bytes, or of the first three.
    @inline(__always)
    private static func longHash(_ word: UInt32) -> UInt32 {
        (word &* 0x9E37_79B1) &>> 16
    }

    @inline(__always)
    private static func shortHash(_ word: UInt32) -> UInt32 {
        ((word & 0x00FF_FFFF) &* 0x85EB_CA77) &>> 16
    }

    /// The hits that start in `range` of `bytes` (a keyword may run past its end), with file offsets.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [KeywordHit] {
        guard range != 0..<bytes.count else { return hits(in: bytes) }
        let end = min(bytes.count, range.upperBound + longest - 1)
        let piece = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end])
        return hits(in: piece).compactMap { hit in
            let offset = hit.offset + range.lowerBound
            return offset < range.upperBound ? KeywordHit(offset: offset, keyword: hit.keyword) : nil
        }
    }

    /// Every hit as (offset of the keyword's first byte, keyword index), in order of offset.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        guard !bytes.isEmpty else { return found }
        table.withUnsafeBufferPointer { table in
            // The loop without the one-byte table when there is nothing in it (the catalog has none).
            var index = singleKeywords.isEmpty ? scan(bytes, table: table, singles: false, into: &found)
                : scan(bytes, table: table, singles: true, into: &found)
            // The last positions, their missing bytes read as folded zeros (spaces): never a keyword's, since
            // every keyword is compared within the bytes.
            while index < bytes.count {
                var word: UInt32 = 0x2020_2020
                for offset in 0..<min(4, bytes.count - index) { word |= UInt32(bytes[index + offset]) << (8 * offset) }
                verify(word, at: index, in: bytes, table: table, into: &found)
                index += 1
            }
        }
        return found
    }

    /// Four positions per step while eight bytes remain from the first; returns the first position it did
    /// not look at.
    @inline(__always)
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>, singles: Bool,
                      into found: inout [KeywordHit]) -> Int {
        guard let base = bytes.baseAddress, bytes.count >= 8 else { return 0 }
        let raw = UnsafeRawPointer(base)
        let last = bytes.count - 8
        var index = 0
        while index <= last {
            let eight = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | 0x2020_2020_2020_2020
            var any: UInt8 = 0
            for position in 0..<4 {
                let word = UInt32(truncatingIfNeeded: eight &>> UInt64(8 * position))
                any |= (table[Int(Self.longHash(word))] & 1) | (table[Int(Self.shortHash(word))] & 2)
            }
            if singles {
                for position in 0..<4 where singleStart[Int(Self.folded(bytes[index + position])) + 1] != singleStart[Int(Self.folded(bytes[index + position]))] {
                    any = 1
                }
            }
            if any != 0 {
                for position in 0..<4 {
                    let word = UInt32(truncatingIfNeeded: eight &>> UInt64(8 * position))
                    if singles || (table[Int(Self.longHash(word))] & 1) | (table[Int(Self.shortHash(word))] & 2) != 0 {
                        verify(word, at: index + position, in: bytes, table: table, into: &found)
                    }
                }
            }
            index += 4
        }
        return index
    }

    /// The keywords that begin at `index`: one-byte keywords of its byte, and those filed under the hashes
    /// of `word` (the folded bytes from `index` on) whose bits are set. Not inlined: the scan loop keeps its
    /// registers for itself.
    @inline(never)
    private func verify(_ word: UInt32, at index: Int, in bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                        into found: inout [KeywordHit]) {
        if !singleKeywords.isEmpty {
            let byte = Int(Self.folded(bytes[index]))
            for position in Int(singleStart[byte])..<Int(singleStart[byte + 1]) { found.append(KeywordHit(offset: index, keyword: Int(singleKeywords[position]))) }
        }
        for set in 0..<2 {
            let hash = set == 0 ? Self.longHash(word) : Self.shortHash(word)
            guard table[Int(hash)] & (set == 0 ? 1 : 2) != 0 else { continue }
            let bucket = set * Self.bucketsPerSet + Int(hash &>> 4)
            for position in Int(bucketStart[bucket])..<Int(bucketStart[bucket + 1]) {
                let keyword = Int(bucketKeywords[position])
                if word & prefixMask[keyword] == prefixWord[keyword], begins(keyword, at: index, in: bytes) {
                    found.append(KeywordHit(offset: index, keyword: keyword))
                }
            }
        }
    }

    /// The byte with ASCII upper-case letters made lower-case.
    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Keyword `keyword` (lower case) is at `index` of `bytes`, ASCII letters of either case.
    @inline(__always)
    private func begins(_ keyword: Int, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(keywordStart[keyword])
        let count = Int(keywordStart[keyword + 1]) - start
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where Self.folded(bytes[index + offset]) != keywordBytes[start + offset] {
            return false
        }
        return true
    }
}

/// A keyword found in a file: the offset of its first byte and its index in `KeywordFinder.keywords`. (A
/// named type, not a tuple: an array of tuples looks its type up at run time on every allocation.)
public struct KeywordHit: Sendable, Equatable {
    public let offset: Int
    public let keyword: Int
}
