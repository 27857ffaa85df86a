import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX extended regular expression over UTF-8 bytes (fast on Linux, unlike Swift `Regex`).
/// glibc serialises `regexec` on one compiled pattern, so each search borrows its own compiled copy
/// from a pool; concurrent searches never wait for each other. A pattern may be compiled lazily, on
/// its first search: glibc expands bounded repetitions, and some secret patterns take 10–20 MB
/// compiled, which a run that never needs them should not pay.
public final class POSIXRegex: @unchecked Sendable {
    public struct CompileError: Error, Sendable {
        public let message: String
    }

    public let pattern: String
    public let ignoreCase: Bool
    private let lock = NSLock()
    private var pool: [UnsafeMutablePointer<regex_t>] = []

    /// Compiles now, so that a bad pattern fails here.
    public init(_ pattern: String, ignoreCase: Bool = false) throws(CompileError) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        pool.append(try Self.compile(pattern, ignoreCase: ignoreCase))
    }

    /// Compiles on the first search; for patterns already known to compile (the built-in catalog,
    /// which a test compiles whole).
    public init(lazy pattern: String, ignoreCase: Bool = false) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
    }

    /// Number of parenthesised groups in the pattern (compiles it if need be; 0 if it does not compile).
    public var groupCount: Int {
        guard let compiled = borrow() else { return 0 }
        defer { giveBack(compiled) }
        return Int(compiled.pointee.re_nsub)
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
        guard !range.isEmpty, let base = bytes.baseAddress, let compiled = borrow() else { return }
        defer { giveBack(compiled) }
        let groupCount = Int(compiled.pointee.re_nsub)
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            // On the stack: this runs for every window of every file.
            withUnsafeTemporaryAllocation(of: regmatch_t.self, capacity: groupCount + 1) { groups in
                groups.initialize(repeating: regmatch_t())
                var from = range.lowerBound
                while from < range.upperBound {
                    // Group 0 alone first: glibc computes sub-groups by a costly backward pass, which is only
                    // worth paying once a match is known, and then only over the match itself.
                    groups[0].rm_so = regoff_t(from)
                    groups[0].rm_eo = regoff_t(range.upperBound)
                    let flags = REG_STARTEND | (from > range.lowerBound ? REG_NOTBOL : 0)
                    guard regexec(compiled, chars, 1, groups.baseAddress, flags) == 0 else { return }
                    let match = Int(groups[0].rm_so)..<Int(groups[0].rm_eo)
                    var ranges: [Range<Int>?] = [match]
                    if groupCount > 0 {
                        let groupFlags = REG_STARTEND | (match.lowerBound > range.lowerBound ? REG_NOTBOL : 0)
                        guard regexec(compiled, chars, groups.count, groups.baseAddress, groupFlags) == 0 else { return }
                        ranges = groups.map { $0.rm_so < 0 ? nil : Int($0.rm_so)..<Int($0.rm_eo) }
                    }
                    guard body(ranges) else { return }
                    from = match.isEmpty ? match.upperBound + 1 : match.upperBound
                }
            }
        }
    }

    private func borrow() -> UnsafeMutablePointer<regex_t>? {
        lock.lock()
        let taken = pool.popLast()
        lock.unlock()
        return taken ?? (try? Self.compile(pattern, ignoreCase: ignoreCase))
    }

    private func giveBack(_ compiled: UnsafeMutablePointer<regex_t>) {
        lock.lock()
        pool.append(compiled)
        lock.unlock()
    }

    /// `forEachMatch` over an array.
    public func forEachMatch(in bytes: [UInt8], range: Range<Int>, _ body: ([Range<Int>?]) -> Bool) {
        bytes.withUnsafeBufferPointer { forEachMatch(in: $0, range: range, body) }
    }
}
