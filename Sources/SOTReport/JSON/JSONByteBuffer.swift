#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of JSON text as they are written: one growing allocation appended to through a pointer,
/// so that writing a byte costs a capacity check, not an array's uniqueness check and bookkeeping.
/// It owns its memory and frees it when it goes away, which is why it cannot be copied. It grows with
/// `realloc`, which extends a block in place or remaps a large one where it can, and reuses what the
/// run freed before the report was written (a separate mapping measured 10 MB more peak memory on a
/// 10,000-document report).
struct JSONByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory for \(self.capacity) bytes of JSON") }
        start = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(start)
    }

    /// Room for `extra` more bytes, doubling the allocation as often as needed.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        guard let memory = realloc(start, newCapacity) else { fatalError("out of memory for \(newCapacity) bytes of JSON") }
        start = memory.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends a byte after `reserve` made room for it.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    /// Appends the eight bytes of `word` as they lie in memory, after `reserve` made room for them.
    @inline(__always)
    mutating func appendReserved(word: UInt64) {
        UnsafeMutableRawPointer(start + count).storeBytes(of: word, as: UInt64.self)
        count += 8
    }

    /// Appends the decimal digits of `value`, made from the right in place (divisions by the constant
    /// 10 are multiplications).
    mutating func appendDecimal(_ value: UInt) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        reserve(digits)
        var position = count + digits
        rest = value
        repeat {
            position -= 1
            start[position] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        count += digits
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Forgets the bytes from `newCount` on.
    mutating func truncate(to newCount: Int) {
        count = min(count, max(newCount, 0))
    }

    /// The text, decoded once.
    func text() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The bytes as an array.
    func array() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes, lent to `body` without a copy.
    func withBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        body(UnsafeBufferPointer(start: start, count: count))
    }
}
