import Crypto

/// SHA-256 of some bytes, the key under which their analysis is cached.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let digest: [UInt8]

    public init(_ bytes: [UInt8]) {
        digest = Array(SHA256.hash(data: bytes))
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

    public var description: String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
