import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds issue IDs with a POSIX extended regular expression (fast on Linux, unlike Swift `Regex`).
/// glibc serialises `regexec` on one compiled pattern, so each parse borrows its own copy from a pool.
public final class IssueIDMatcher: @unchecked Sendable {
    public let pattern: String
    private let lock = NSLock()
    private var pool: [UnsafeMutablePointer<regex_t>] = []

    /// Fails with the regcomp message when `pattern` is not a valid POSIX extended expression.
    public init(pattern: String) throws(PatternError) {
        self.pattern = pattern
        let compiled = try Self.compile(pattern)
        pool.append(compiled)
    }

    deinit {
        for compiled in pool {
            regfree(compiled)
            compiled.deallocate()
        }
    }

    public struct PatternError: Error, Sendable {
        public let message: String
    }

    private static func compile(_ pattern: String) throws(PatternError) -> UnsafeMutablePointer<regex_t> {
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(compiled, pattern, REG_EXTENDED)
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &buffer, buffer.count)
            compiled.deallocate()
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PatternError(message: message)
        }
        return compiled
    }

    private func borrow() -> UnsafeMutablePointer<regex_t>? {
        lock.lock()
        let taken = pool.popLast()
        lock.unlock()
        if let taken { return taken }
        return try? Self.compile(pattern)
    }

    private func giveBack(_ compiled: UnsafeMutablePointer<regex_t>) {
        lock.lock()
        pool.append(compiled)
        lock.unlock()
    }

    /// Byte ranges of every ID in `bytes[range]`, on word boundaries.
    public func matches(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty, let compiled = borrow() else { return [] }
        defer { giveBack(compiled) }
        var found: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                var from = range.lowerBound
                var match = [regmatch_t](repeating: regmatch_t(), count: 1)
                while from < range.upperBound {
                    match[0].rm_so = regoff_t(from)
                    match[0].rm_eo = regoff_t(range.upperBound)
                    let flags = REG_STARTEND | (from > range.lowerBound ? REG_NOTBOL : 0)
                    guard regexec(compiled, chars, 1, &match, flags) == 0 else { break }
                    let start = Int(match[0].rm_so)
                    let end = Int(match[0].rm_eo)
                    guard end > start else { from = start + 1; continue }
                    if Self.isBoundary(before: start, bytes: buffer, lower: range.lowerBound),
                       Self.isBoundary(after: end, bytes: buffer, upper: range.upperBound) {
                        found.append(start..<end)
                    }
                    from = end
                }
            }
        }
        return found
    }

    /// True when the whole of `text` is one ID.
    public func matchesWhole(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return matches(in: bytes, range: 0..<bytes.count) == [0..<bytes.count]
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isBoundary(before start: Int, bytes: UnsafeBufferPointer<UInt8>, lower: Int) -> Bool {
        start == lower || !(isWordByte(bytes[start - 1]) || bytes[start - 1] == 0x2D)
    }

    private static func isBoundary(after end: Int, bytes: UnsafeBufferPointer<UInt8>, upper: Int) -> Bool {
        end == upper || !isWordByte(bytes[end])
    }
}
