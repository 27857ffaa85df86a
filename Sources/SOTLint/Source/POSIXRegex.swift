import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX extended regular expression over UTF-8 bytes (fast on Linux, unlike Swift `Regex`).
/// glibc serialises `regexec` on one compiled pattern, so each search borrows its own compiled copy
/// from a pool; concurrent searches never wait for each other.
public final class POSIXRegex: @unchecked Sendable {
    public struct CompileError: Error, Sendable {
        public let message: String
    }

    public let pattern: String
    public let ignoreCase: Bool
    /// Number of parenthesised groups in the pattern.
    public let groupCount: Int
    private let lock = NSLock()
    private var pool: [UnsafeMutablePointer<regex_t>] = []

    public init(_ pattern: String, ignoreCase: Bool = false) throws(CompileError) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        let compiled = try Self.compile(pattern, ignoreCase: ignoreCase)
        groupCount = Int(compiled.pointee.re_nsub)
        pool.append(compiled)
    }

    deinit {
        for compiled in pool {
            regfree(compiled)
            compiled.deallocate()
        }
    }

    private static func compile(_ pattern: String, ignoreCase: Bool) throws(CompileError) -> UnsafeMutablePointer<regex_t> {
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(compiled, pattern, REG_EXTENDED | (ignoreCase ? REG_ICASE : 0))
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &buffer, buffer.count)
            compiled.deallocate()
            throw CompileError(message: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return compiled
    }

    /// Calls `body` with every successive match in `range` of `bytes`: the ranges of group 0 and of each
    /// group (nil when a group did not take part). `body` returns false to stop.
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                             _ body: ([Range<Int>?]) -> Bool) {
        guard !range.isEmpty, let base = bytes.baseAddress else { return }
        let compiled: UnsafeMutablePointer<regex_t>
        lock.lock()
        if let taken = pool.popLast() {
            lock.unlock()
            compiled = taken
        } else {
            lock.unlock()
            guard let fresh = try? Self.compile(pattern, ignoreCase: ignoreCase) else { return }
            compiled = fresh
        }
        defer {
            lock.lock()
            pool.append(compiled)
            lock.unlock()
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            var whole = [regmatch_t](repeating: regmatch_t(), count: 1)
            var groups = [regmatch_t](repeating: regmatch_t(), count: groupCount + 1)
            var from = range.lowerBound
            while from < range.upperBound {
                // Group 0 alone first: glibc computes sub-groups by a costly backward pass, which is only
                // worth paying once a match is known, and then only over the match itself.
                whole[0].rm_so = regoff_t(from)
                whole[0].rm_eo = regoff_t(range.upperBound)
                let flags = REG_STARTEND | (from > range.lowerBound ? REG_NOTBOL : 0)
                guard regexec(compiled, chars, 1, &whole, flags) == 0 else { return }
                let match = Int(whole[0].rm_so)..<Int(whole[0].rm_eo)
                var ranges: [Range<Int>?] = [match]
                if groupCount > 0 {
                    groups[0] = whole[0]
                    let groupFlags = REG_STARTEND | (match.lowerBound > range.lowerBound ? REG_NOTBOL : 0)
                    guard regexec(compiled, chars, groups.count, &groups, groupFlags) == 0 else { return }
                    ranges = groups.map { $0.rm_so < 0 ? nil : Int($0.rm_so)..<Int($0.rm_eo) }
                }
                guard body(ranges) else { return }
                from = match.isEmpty ? match.upperBound + 1 : match.upperBound
            }
        }
    }

    /// `forEachMatch` over an array.
    public func forEachMatch(in bytes: [UInt8], range: Range<Int>, _ body: ([Range<Int>?]) -> Bool) {
        bytes.withUnsafeBufferPointer { forEachMatch(in: $0, range: range, body) }
    }
}
