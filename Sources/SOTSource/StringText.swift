/// Small text helpers every layer uses.
extension String {
    /// Every occurrence of `target` replaced (no Foundation needed). Where every byte is a character of
    /// its own (ASCII without carriage returns, which pair with line feeds) this works on bytes: the
    /// generic `split` costs a process its first runtime type lookups, and the invariant phrases of every
    /// run call this at start-up.
    package func replacingAll(_ target: String, with replacement: String) -> String {
        let text = Array(utf8)
        let needle = Array(target.utf8)
        guard let first = needle.first, Self.isOneCharacterPerByte(text), Self.isOneCharacterPerByte(needle) else {
            return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == first, index + needle.count <= text.count, text[index..<(index + needle.count)].elementsEqual(needle) {
                result += replacement.utf8
                index += needle.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isOneCharacterPerByte(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Byte-wise (UTF-8) order, the order every listing and report of sot-lint uses: deterministic,
    /// independent of Unicode collation, and a `memcmp` instead of a walk over two UTF-8 views.
    package func precedesInBytes(_ other: String) -> Bool {
        let order = compareUTF8Prefix(other, count: Swift.min(utf8.count, other.utf8.count))
        return order != 0 ? order < 0 : utf8.count < other.utf8.count
    }

    /// The order (negative, zero, positive) of the first `count` UTF-8 bytes of `self` and `other`, which
    /// both hold at least that many. Native strings lend their bytes to one `memcmp`; anything else (a
    /// bridged string) is compared through the UTF-8 views.
    package func compareUTF8Prefix(_ other: String, count: Int) -> Int {
        let order = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
                return Int(memcmp(pa, pb, count))
            }
        }
        if let order = order ?? nil { return order }
        for (left, right) in zip(utf8.prefix(count), other.utf8.prefix(count)) where left != right {
            return left < right ? -1 : 1
        }
        return 0
    }
}

extension Array where Element == String {
    /// The positions of the strings in byte-wise (UTF-8) order. All-ASCII text, the usual case, is
    /// compared with `<`, which orders ASCII exactly like the bytes and has fast paths for it.
    package func indicesInByteOrder() -> [Int] {
        let ascii = allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        return ascii ? indices.sorted { self[$0] < self[$1] } : indices.sorted { self[$0].precedesInBytes(self[$1]) }
    }
}
