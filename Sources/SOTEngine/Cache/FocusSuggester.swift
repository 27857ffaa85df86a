import Foundation
import SOTSource
import SOTModel
import SOTRules

/// "Did you mean" for a save answered from a focus digest: the same answer as `IDSuggestionIndex` over
/// every ID of the workspace, without building that index from thousands of IDs on every save.
///
/// The digest's IDs are filed in a companion file (`focus-….keys`), written with the digest: for each ID,
/// the deletion keys `IDSuggestionIndex` files it under (their hash folded to 32 bits, with the ID's
/// number), sorted, under the hasher's base. A query computes its own keys with that base and looks each
/// up by binary search; a folded hash can only add candidates, and every candidate is verified exactly.
/// The IDs only the saved document defines get an index of their own. The best answer is the nearest,
/// then the first in byte order — the order of the whole workspace's sorted IDs. Without a usable keys
/// file (missing, corrupt, or from another digest) the index of every ID is built as a whole run would.
package struct FocusSuggester: IDSuggester {
    package static let formatVersion = 1
    package static let magic = Array("SOTLINT-FOCUS-KEYS\n".utf8)

    private enum Source: Sendable {
        case keys(hasher: DeletionHasher, entries: [UInt64])
        case whole(IDSuggestionIndex)
    }

    private let bytes: [UInt8]
    private let ids: [Range<Int>]
    private let extra: IDSuggestionIndex
    private let source: Source

    /// `ids` are the digest's IDs in byte order (ranges of `bytes`), `extra` the saved document's other IDs
    /// (sorted), `keysFile` the companion file and `tag` the digest it must belong to.
    init(bytes: [UInt8], ids: [Range<Int>], extra: [String], keysFile: String, tag: [UInt8]) {
        self.bytes = bytes
        self.ids = ids
        self.extra = IDSuggestionIndex(candidates: extra)
        if let file = try? FilePath.read(keysFile), let loaded = try? Self.load(file, tag: tag, ids: ids.count) {
            source = .keys(hasher: loaded.hasher, entries: loaded.entries)
        } else {
            source = .whole(IDSuggestionIndex(candidates: Self.merged(bytes, ids, extra)))
        }
    }

    package func nearest(_ word: String) -> String? {
        switch source {
        case .whole(let index):
            return index.nearest(word)
        case .keys(let hasher, let entries):
            let target = IDSuggestionIndex.loweredScalars(word)
            var best = extra.nearestWithDistance(word)
            var scratch = DeletionHasher.Scratch()
            hasher.keys(of: target, scratch: &scratch) { key in
                let folded = UInt64(Self.fold(key)) << 32
                var entry = Self.lowerBound(entries, folded)
                while entry < entries.count, entries[entry] & 0xFFFF_FFFF_0000_0000 == folded {
                    let id = text(Int(entries[entry] & 0xFFFF_FFFF))
                    entry += 1
                    guard let distance = IDSuggestionIndex.distanceAtMostOne(target, IDSuggestionIndex.loweredScalars(id)) else { continue }
                    if let current = best, current.distance < distance || (current.distance == distance && !id.precedesInBytes(current.id)) {
                        continue
                    }
                    best = (id, distance)
                }
            }
            return best?.id
        }
    }

    private func text(_ node: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[ids[node]]), as: UTF8.self) }
    }

    /// A deletion key in 32 bits: equal keys fold equal; unequal ones rarely collide, and then only add a
    /// candidate.
    private static func fold(_ key: DeletionKey) -> UInt32 {
        UInt32(truncatingIfNeeded: (key.hash &+ UInt64(truncatingIfNeeded: key.length) &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    private static func lowerBound(_ entries: [UInt64], _ value: UInt64) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The digest's IDs and `extra` (sorted, none of them the digest's) merged in byte order.
    static func merged(_ bytes: [UInt8], _ ids: [Range<Int>], _ extra: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(ids.count + extra.count)
        var next = 0
        bytes.withUnsafeBufferPointer { buffer in
            for range in ids {
                let id = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
                while next < extra.count, extra[next].precedesInBytes(id) {
                    result.append(extra[next])
                    next += 1
                }
                result.append(id)
            }
        }
        result += extra[next...]
        return result
    }

    // MARK: - The keys file

    /// The keys file of a digest whose IDs are `ids` (in byte order) and whose payload hashes to `tag`.
    static func encode(ids: [String], tag: [UInt8]) -> [UInt8] {
        let hasher = DeletionHasher()
        var entries: [UInt64] = []
        var scratch = DeletionHasher.Scratch()
        for (node, id) in ids.enumerated() {
            hasher.keys(of: IDSuggestionIndex.loweredScalars(id), scratch: &scratch) { key in
                entries.append(UInt64(fold(key)) << 32 | UInt64(node))
            }
        }
        entries.sort()
        var raw: [UInt8] = []
        raw.reserveCapacity(entries.count * 8)
        for entry in entries {
            for shift in stride(from: 0, to: 64, by: 8) { raw.append(UInt8(truncatingIfNeeded: entry >> UInt64(shift))) }
        }
        var writer = ByteWriter()
        writer.int(formatVersion)
        writer.raw(tag)
        writer.int(Int(hasher.base))
        writer.sealed(raw)
        return magic + writer.bytes
    }

    private static func load(_ file: [UInt8], tag: [UInt8], ids: Int) throws(ByteReader.Malformed) -> (hasher: DeletionHasher, entries: [UInt64]) {
        guard file.starts(with: magic) else { throw ByteReader.Malformed() }
        var reader = ByteReader(file, offset: magic.count)
        guard try reader.int() == formatVersion, try reader.raw() == tag, let hasher = DeletionHasher(base: UInt64(clamping: try reader.int())) else {
            throw ByteReader.Malformed()
        }
        let raw = try reader.sealedPayload().range
        guard raw.count % 8 == 0 else { throw ByteReader.Malformed() }
        let entries = file.withUnsafeBytes { buffer in
            (0..<(raw.count / 8)).map { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: raw.lowerBound + $0 * 8, as: UInt64.self)) }
        }
        guard entries.allSatisfy({ Int($0 & 0xFFFF_FFFF) < ids }) else { throw ByteReader.Malformed() }
        return (hasher, entries)
    }
}
