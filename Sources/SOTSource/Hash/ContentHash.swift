import Crypto

/// SHA-256 of some bytes, the key under which their analysis is cached.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let digest: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    /// The hash of part of a byte array, without copying it out.
    public init(_ bytes: ArraySlice<UInt8>) {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        digest = Array(hasher.finalize())
    }

    /// Hashes several parts with their lengths, so that ("ab", "c") and ("a", "bc") differ.
    public init(parts: [[UInt8]]) {
        var hasher = SHA256()
        for part in parts {
            var length = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        digest = Array(hasher.finalize())
    }

    /// Lower-case hex, two digits a byte; written out by hand, as the generic `String(_:radix:)` and
    /// `joined()` cost a process its first runtime type lookups.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
