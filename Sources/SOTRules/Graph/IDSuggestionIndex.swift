import SOTSource
import SOTSyntax
import SOTModel

/// "Did you mean" for unresolved issue IDs: the same answer as
/// `Suggestion.nearest(word, among: candidates, maxDistance: 1)`, without an edit distance against every
/// defined ID for every reference (thousands of references to IDs of other repositories made that
/// quadratic).
///
/// Symmetric-delete index: every candidate (lowercased scalars) is filed under its own hash and the hash
/// of each of its one-scalar deletions. Any candidate within one edit (insertion, deletion, substitution or
/// adjacent transposition) of a query shares a key with it: the query itself or one of its own deletions.
/// Keys are polynomial hashes (computed for all deletions in O(length), so a long ID costs linear, not
/// quadratic, work); a collision only adds a candidate, and every candidate is verified exactly.
package struct IDSuggestionIndex: IDSuggester {
    private let candidates: [String]
    private let scalars: [[UInt32]]
    private let hasher: DeletionHasher
    /// A chained hash table in flat arrays (one allocation per array, not one per key): `heads[slot]` is
    /// the first entry of the slot, `next[entry]` the following one, -1 ends a chain. Entries are 32-bit
    /// and there is about one slot per entry: the index of 40,000 IDs is half a million entries, and it
    /// is built while the whole workspace is in memory.
    private var heads: [Int32]
    private var next: [Int32] = []
    private var keys: [DeletionKey] = []
    private var owners: [Int32] = []
    private let mask: Int

    package init(candidates: [String]) {
        self.candidates = candidates
        let lowered = candidates.map(Self.loweredScalars)
        scalars = lowered
        hasher = DeletionHasher()
        // Every ID's keys are as many as its scalars and one; IDs whose keys would not fit 32-bit entries
        // (gigabytes of them) get no suggestions rather than a crash.
        var expected = 0
        var indexed = 0
        for text in lowered {
            if expected + text.count + 1 >= Int(Int32.max) { break }
            expected += text.count + 1
            indexed += 1
        }
        var size = 16
        while size < expected { size *= 2 }
        mask = size - 1
        heads = [Int32](repeating: -1, count: size)
        next.reserveCapacity(expected)
        keys.reserveCapacity(expected)
        owners.reserveCapacity(expected)
        var scratch = DeletionHasher.Scratch()
        for (index, text) in lowered.prefix(indexed).enumerated() {
            hasher.keys(of: text, scratch: &scratch) { key in
                let slot = Self.slot(key, mask: mask)
                next.append(heads[slot])
                heads[slot] = Int32(keys.count)
                keys.append(key)
                owners.append(Int32(index))
            }
        }
    }

    private static func slot(_ key: DeletionKey, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key.hash &+ UInt64(truncatingIfNeeded: key.length) &* 0x9E37_79B9_7F4A_7C15) >> 7) & mask
    }

    /// The candidate within one edit of `word` (case-insensitive): the nearest, and of those the first in
    /// candidate order, as the brute-force search picks it.
    package func nearest(_ word: String) -> String? {
        nearestWithDistance(word)?.id
    }

    /// `nearest(_:)` with its distance (0 or 1).
    package func nearestWithDistance(_ word: String) -> (id: String, distance: Int)? {
        let target = Self.loweredScalars(word)
        var best: (index: Int, distance: Int)?
        for index in candidates(sharingKeysWith: target) {
            guard let distance = Self.distanceAtMostOne(target, scalars[index]) else { continue }
            if let current = best, (current.distance, current.index) <= (distance, index) { continue }
            best = (index, distance)
        }
        return best.map { (candidates[$0.index], $0.distance) }
    }

    /// The candidates `nearest` verifies for `word`: those filed under one of its keys, each once.
    package func candidates(near word: String) -> [Int] {
        candidates(sharingKeysWith: Self.loweredScalars(word))
    }

    private func candidates(sharingKeysWith target: [UInt32]) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        var scratch = DeletionHasher.Scratch()
        hasher.keys(of: target, scratch: &scratch) { key in
            var entry = Int(heads[Self.slot(key, mask: mask)])
            // Chains run newest first; the candidates of one key are gathered in candidate order.
            var matches: [Int] = []
            while entry >= 0 {
                if keys[entry] == key { matches.append(Int(owners[entry])) }
                entry = Int(next[entry])
            }
            for index in matches.reversed() where seen.insert(index).inserted { found.append(index) }
        }
        return found
    }

    /// Lowercased as `Suggestion` compares words.
    package static func loweredScalars(_ text: String) -> [UInt32] {
        // ASCII, the usual ID, lowercases byte by byte exactly as `lowercased()` does.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { UInt32($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) }
        }
        return text.lowercased().unicodeScalars.map(\.value)
    }

    /// The optimal-string-alignment distance when it is 0 or 1 (one insertion, deletion, substitution or
    /// adjacent transposition), nil when it is larger. Linear in the lengths.
    package static func distanceAtMostOne(_ a: [UInt32], _ b: [UInt32]) -> Int? {
        if a.count == b.count {
            var first = 0
            while first < a.count, a[first] == b[first] { first += 1 }
            if first == a.count { return 0 }
            var last = a.count - 1
            while last > first, a[last] == b[last] { last -= 1 }
            if last == first { return 1 }
            if last == first + 1, a[first] == b[last], a[last] == b[first] { return 1 }
            return nil
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return nil }
        var index = 0
        while index < short.count, long[index] == short[index] { index += 1 }
        // The extra scalar is at `index`; the rest must match shifted by one.
        while index < short.count, long[index + 1] == short[index] { index += 1 }
        return index == short.count ? 1 : nil
    }
}
