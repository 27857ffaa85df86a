/// Writes values as bytes for a cache file: integers as LEB128 varints (zig-zag for negatives), texts
/// with their length.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func text(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes += utf8
    }

    public mutating func raw(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    /// `payload`, then its SHA-256 (which it returns): what `ByteReader.sealedPayload()` checks.
    @discardableResult
    public mutating func sealed(_ payload: [UInt8]) -> [UInt8] {
        let digest = ContentHash(payload).digest
        raw(payload)
        raw(digest)
        return digest
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked, so a truncated or corrupt file fails
/// with `ByteReader.Malformed` instead of trapping.
public struct ByteReader: Sendable {
    public struct Malformed: Error, Sendable {
        public init() {}
    }

    private let bytes: [UInt8]
    public private(set) var offset: Int
    /// Where reading stops: the end of `bytes`, or of the part of them being read.
    private let end: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes, range: Swift.min(offset, bytes.count)..<bytes.count)
    }

    /// Reads `bytes[range]` only, offsets counted in `bytes`: a part of a file without a copy of it.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = Swift.max(0, Swift.min(range.lowerBound, bytes.count))
        end = Swift.max(offset, Swift.min(range.upperBound, bytes.count))
    }

    public var isAtEnd: Bool { offset == end }

    public mutating func int() throws(Malformed) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        let value = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(value)
    }

    /// A count of things that follow: never negative, never more than the bytes left could hold.
    public mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset else { throw Malformed() }
        return value
    }

    public mutating func bool() throws(Malformed) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// Text as written; invalid UTF-8 is replaced, not refused (callers check the payload's hash first).
    public mutating func text() throws(Malformed) -> String {
        let length = try count()
        defer { offset += length }
        let start = offset
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + length)]), as: UTF8.self) }
    }

    /// Steps over length-prefixed bytes, returning where they lie.
    public mutating func skip() throws(Malformed) -> Range<Int> {
        let length = try count()
        defer { offset += length }
        return offset..<(offset + length)
    }

    /// Where a payload written by `ByteWriter.sealed` lies, and its SHA-256, once the SHA-256 read after it
    /// matches and nothing follows: a corrupt or truncated file fails here.
    public mutating func sealedPayload() throws(Malformed) -> (range: Range<Int>, digest: [UInt8]) {
        let range = try skip()
        let digest = ContentHash(bytes[range]).digest
        guard try raw() == digest, isAtEnd else { throw Malformed() }
        return (range, digest)
    }

    public mutating func raw() throws(Malformed) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }
}
