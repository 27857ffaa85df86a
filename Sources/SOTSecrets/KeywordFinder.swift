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
/// the keywords filed under that hash are compared, first their first four bytes as one word: about four
/// positions in a hundred of the benchmark corpus get that far. One-byte keywords have a table of their
/// own, read only when there are any.
public struct KeywordFinder: Sendable {
    /// Keywords as given (lower case).
    public let keywords: [[UInt8]]
    /// The keywords' bytes one after the other, for the comparison past the first four.
    private let keywordBytes: [UInt8]
    /// Per 16-bit hash: bit 0 when a keyword of four or more bytes has it (`longHash`), bit 1 when a
    /// keyword of two or three bytes does (`shortHash`).
    private let table: [UInt8]
    /// The keywords filed under bucket `b` (a hash's top 12 bits; the short hashes' buckets after the long
    /// ones') are `filed[bucketStart[b]..<bucketStart[b + 1]]`.
    private let bucketStart: [Int32]
    private let filed: [FiledKeyword]
    /// One-byte keywords by their (lower-case) byte: `singleKeywords[singleStart[b]..<singleStart[b + 1]]`.
    private let singleStart: [Int32]
    private let singleKeywords: [Int32]
    /// The length of the longest keyword: how far a hit may run past the range it starts in.
    private let longest: Int

    private static let bucketsPerSet = 1 << 12

    public init(keywords: [String]) {
        // The catalog's keywords are lower case already: only others go through Unicode's lower-casing.
        let patterns = keywords.map { keyword in
            keyword.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } ? Array(keyword.utf8) : Array(keyword.lowercased().utf8)
        }
        self.keywords = patterns
        longest = patterns.map { $0.count }.max() ?? 1
        keywordBytes = patterns.flatMap { $0 }
        var table = [UInt8](repeating: 0, count: 1 << 16)
        // (bucket, keyword) pairs, then grouped by bucket: no array per bucket to allocate at every start.
        var inBuckets: [(bucket: Int32, keyword: Int32)] = []
        var singles: [(byte: Int32, keyword: Int32)] = []
        var starts: [Int32] = []
        var start: Int32 = 0
        for (index, pattern) in patterns.enumerated() {
            starts.append(start)
            start += Int32(pattern.count)
            guard pattern.count > 1 else {
                if let byte = pattern.first { singles.append((Int32(byte), Int32(index))) }
                continue
            }
            let set = pattern.count >= 4 ? 0 : 1
            var word: UInt32 = 0x2020_2020
            for (offset, byte) in pattern.prefix(4).enumerated() { word |= UInt32(byte) << (8 * offset) }
            guard pattern.count == 2 else {
                let hash = set == 0 ? Self.longHash(word) : Self.shortHash(word)
                table[Int(hash)] |= set == 0 ? 1 : 2
                inBuckets.append((Int32(set * Self.bucketsPerSet + Int(hash &>> 4)), Int32(index)))
                continue
            }
            // A two-byte keyword is filed under every third byte that can follow it, once per bucket.
            var buckets: [Int32] = []
            for third in 0..<UInt32(256) {
                let hash = Self.shortHash(word | third << 16)
                table[Int(hash)] |= 2
                let bucket = Int32(Self.bucketsPerSet + Int(hash &>> 4))
                if !buckets.contains(bucket) { buckets.append(bucket) }
            }
            inBuckets += buckets.map { ($0, Int32(index)) }
        }
        let grouped = Self.group(inBuckets.map { ($0.bucket, $0.keyword) }, count: 2 * Self.bucketsPerSet)
        bucketStart = grouped.starts
        filed = grouped.values.map { keyword in
            let pattern = patterns[Int(keyword)]
            let prefix = pattern.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
            return FiledKeyword(prefix: prefix, mask: pattern.count >= 4 ? 0xFFFF_FFFF : UInt32((1 << (8 * pattern.count)) - 1),
                                keyword: keyword, start: starts[Int(keyword)], length: Int32(pattern.count))
        }
        (singleStart, singleKeywords) = Self.group(singles.map { ($0.byte, $0.keyword) }, count: 256)
        self.table = table
    }

    /// `pairs` (in order of their second number) grouped by their first (below `count`), keeping that order.
    private static func group(_ pairs: [(Int32, Int32)], count: Int) -> (starts: [Int32], values: [Int32]) {
        var starts = [Int32](repeating: 0, count: count + 1)
        for (key, _) in pairs { starts[Int(key) + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var next = starts
        var values = [Int32](repeating: 0, count: pairs.count)
        for (key, value) in pairs {
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

    /// Every hit, in order of offset.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [KeywordHit] {
        var found: [KeywordHit] = []
        guard !bytes.isEmpty else { return found }
        table.withUnsafeBufferPointer { table in
            // The loop without the one-byte table when there is nothing in it (the catalog has none).
            var index = singleKeywords.isEmpty ? scan(bytes, table: table, singles: false, into: &found)
                : scan(bytes, table: table, singles: true, into: &found)
            // The last positions, their missing bytes read as zeros: never a keyword's, since every keyword
            // is compared within the bytes.
            while index < bytes.count {
                var word: UInt32 = 0
                for offset in 0..<min(4, bytes.count - index) { word |= UInt32(bytes[index + offset]) << (8 * offset) }
                let folded = word | 0x2020_2020
                let sets = (table[Int(Self.longHash(folded))] & 1) | (table[Int(Self.shortHash(folded))] & 2) | (singleKeywords.isEmpty ? 0 : 4)
                if sets != 0 { verify(word, at: index, sets: sets, in: bytes, into: &found) }
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
            let eight = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let folded = eight | 0x2020_2020_2020_2020
            // Per position, bit 0 (a long keyword may begin) and bit 1 (a short one may), in the byte of its position.
            var flags: UInt32 = 0
            for position in 0..<4 {
                let word = UInt32(truncatingIfNeeded: folded &>> UInt64(8 * position))
                flags |= UInt32((table[Int(Self.longHash(word))] & 1) | (table[Int(Self.shortHash(word))] & 2)) << UInt32(8 * position)
            }
            if singles {
                for position in 0..<4 where singleStart[Int(Self.folded(bytes[index + position])) + 1]
                    != singleStart[Int(Self.folded(bytes[index + position]))] {
                    flags |= 4 << UInt32(8 * position)
                }
            }
            if flags != 0 {
                for position in 0..<4 where (flags &>> UInt32(8 * position)) & 0xFF != 0 {
                    verify(UInt32(truncatingIfNeeded: eight &>> UInt64(8 * position)), at: index + position,
                           sets: UInt8(truncatingIfNeeded: flags &>> UInt32(8 * position)), in: bytes, into: &found)
                }
            }
            index += 4
        }
        return index
    }

    /// The keywords that begin at `index`, among those `sets` says may (bit 0: keywords of four or more
    /// bytes, bit 1: of two or three, bit 2: of one): `raw` is the bytes from `index` on as a little-endian
    /// word. Not inlined: the scan loop keeps its registers for itself.
    @inline(never)
    private func verify(_ raw: UInt32, at index: Int, sets: UInt8, in bytes: UnsafeBufferPointer<UInt8>,
                        into found: inout [KeywordHit]) {
        if sets & 4 != 0 {
            let byte = Int(Self.folded(bytes[index]))
            for position in Int(singleStart[byte])..<Int(singleStart[byte + 1]) {
                found.append(KeywordHit(offset: index, keyword: Int(singleKeywords[position])))
            }
        }
        let word = raw | 0x2020_2020
        let exact = Self.lowerCased(raw)
        filed.withUnsafeBufferPointer { filed in
            for set in 0..<2 where sets & (set == 0 ? 1 : 2) != 0 {
                let hash = set == 0 ? Self.longHash(word) : Self.shortHash(word)
                let bucket = set * Self.bucketsPerSet + Int(hash &>> 4)
                for position in Int(bucketStart[bucket])..<Int(bucketStart[bucket + 1]) {
                    let candidate = filed[position]
                    if exact & candidate.mask == candidate.prefix, index + Int(candidate.length) <= bytes.count,
                       candidate.length <= 4 || endsMatch(candidate, at: index, in: bytes) {
                        found.append(KeywordHit(offset: index, keyword: Int(candidate.keyword)))
                    }
                }
            }
        }
    }

    /// The four bytes of a little-endian word with ASCII upper-case letters made lower-case.
    @inline(__always)
    static func lowerCased(_ word: UInt32) -> UInt32 {
        let low = word & 0x7F7F_7F7F
        let upper = (low &+ 0x3F3F_3F3F) & ~(low &+ 0x2525_2525) & ~word & 0x8080_8080
        return word | (upper &>> 2)
    }

    /// The byte with ASCII upper-case letters made lower-case.
    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// A keyword longer than four bytes whose first four match at `index` (the caller checked them and that
    /// it fits): the rest of it, ASCII letters of either case.
    @inline(__always)
    private func endsMatch(_ candidate: FiledKeyword, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        keywordBytes.withUnsafeBufferPointer { keyword in
            let start = Int(candidate.start)
            for offset in 4..<Int(candidate.length) where Self.folded(bytes[index + offset]) != keyword[start + offset] {
                return false
            }
            return true
        }
    }
}

/// A keyword as a bucket holds it: its first four bytes as a little-endian word (zeros past its end) with
/// the mask of its length, its index, and where its bytes are.
private struct FiledKeyword {
    let prefix: UInt32
    let mask: UInt32
    let keyword: Int32
    let start: Int32
    let length: Int32
}

/// A keyword found in a file: the offset of its first byte and its index in `KeywordFinder.keywords`. (A
/// named type, not a tuple: an array of tuples looks its type up at run time on every allocation.)
public struct KeywordHit: Sendable, Equatable {
    public let offset: Int
    public let keyword: Int
}
