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
        // Native strings lend their bytes without a copy; anything else (a bridged string) is compared
        // through the UTF-8 views, in the same order.
        let ordered = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                let common = Swift.min(a.count, b.count)
                if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
        if let ordered = ordered ?? nil { return ordered }
        return utf8.lexicographicallyPrecedes(other.utf8)
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
