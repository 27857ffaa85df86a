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
    /// The positions of the strings in byte-wise (UTF-8) order; equal strings keep their order.
    ///
    /// Each string's first 16 bytes are packed into two big-endian integers, so that nearly every
    /// comparison is two integer comparisons instead of a walk over two strings; only strings whose first
    /// 16 bytes agree are compared in full.
    package func indicesInByteOrder() -> [Int] {
        var keys: [PackedPrefix] = []
        keys.reserveCapacity(count)
        for (position, text) in enumerated() {
            var copy = text
            keys.append(copy.withUTF8 { PackedPrefix($0, position: position) })
        }
        return PackedPrefix.order(keys) { self[$0].compareUTF8Tail(self[$1]) }
    }
}

extension Array where Element == [UInt8] {
    /// The positions of the byte strings in byte-wise order; equal ones keep their order.
    package func indicesInByteOrder() -> [Int] {
        var keys: [PackedPrefix] = []
        keys.reserveCapacity(count)
        for (position, bytes) in enumerated() { keys.append(bytes.withUnsafeBufferPointer { PackedPrefix($0, position: position) }) }
        return PackedPrefix.order(keys) { left, right in
            self[left].lexicographicallyPrecedes(self[right]) ? -1 : self[right].lexicographicallyPrecedes(self[left]) ? 1 : 0
        }
    }
}

/// The first 16 bytes of a byte string as two big-endian integers (zero-padded), and where it was.
private struct PackedPrefix {
    let high: UInt64
    let low: UInt64
    let position: Int
    /// More than 16 bytes, or a zero byte among the first 16: the integers alone cannot decide.
    let isLong: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var hasZero = false
        for index in 0..<Swift.min(bytes.count, 16) {
            let byte = bytes[index]
            if byte == 0 { hasZero = true }
            if index < 8 { high |= UInt64(byte) << (56 - 8 * UInt64(index)) } else { low |= UInt64(byte) << (56 - 8 * UInt64(index - 8)) }
        }
        self.high = high
        self.low = low
        self.position = position
        isLong = hasZero || bytes.count > 16
    }

    /// The positions of `keys` in order; `compareWhole(a, b)` orders the byte strings at positions a and
    /// b in full (negative, zero, positive) when their packed prefixes cannot. (A radix sort on the 16
    /// bytes measured three times slower than this comparison sort for 4,000 IDs: IDs of different
    /// lengths leave no byte position constant to skip.)
    static func order(_ keys: [PackedPrefix], compareWhole: (Int, Int) -> Int) -> [Int] {
        var keys = keys
        keys.withUnsafeMutableBufferPointer { buffer in
            buffer.sort { precedes($0, $1, compareWhole) }
        }
        return keys.map(\.position)
    }

    private static func precedes(_ left: PackedPrefix, _ right: PackedPrefix, _ compareWhole: (Int, Int) -> Int) -> Bool {
        if left.high != right.high { return left.high < right.high }
        if left.low != right.low { return left.low < right.low }
        if left.isLong || right.isLong {
            let order = compareWhole(left.position, right.position)
            if order != 0 { return order < 0 }
        }
        return left.position < right.position
    }
}

extension String {
    /// Byte order of two strings whose first 16 bytes are equal or zero-padded alike: the whole
    /// strings compared (negative, zero, positive).
    fileprivate func compareUTF8Tail(_ other: String) -> Int {
        if precedesInBytes(other) { return -1 }
        return other.precedesInBytes(self) ? 1 : 0
    }
}
