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
    /// Set when the pattern is one bracket expression repeated `{m,n}` times: searched natively, never
    /// compiled (glibc spends microseconds setting up each search, and a code span is one search).
    private let run: ByteRunPattern?
    private let lock = NSLock()
    private var pool: [UnsafeMutablePointer<regex_t>] = []
    private var requiredBytes: RequiredBytes?

    /// The bytes every match contains (`RequiredBytes`), read off the pattern on first use: a process reads
    /// those of the patterns its files wake, not of the whole catalog. Fetch it once per file, not per window.
    package var required: RequiredBytes {
        lock.lock()
        defer { lock.unlock() }
        if let requiredBytes { return requiredBytes }
        let read = RequiredBytes(pattern: pattern, ignoreCase: ignoreCase)
        requiredBytes = read
        return read
    }

    /// Compiles now, so that a bad pattern fails here.
    public init(_ pattern: String, ignoreCase: Bool = false) throws(CompileError) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        run = ByteRunPattern(pattern, ignoreCase: ignoreCase)
        pool.append(try Self.compile(pattern, ignoreCase: ignoreCase))
    }

    /// Compiles on the first search; for patterns already known to compile (the built-in catalog,
    /// which a test compiles whole).
    public init(lazy pattern: String, ignoreCase: Bool = false) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        run = ByteRunPattern(pattern, ignoreCase: ignoreCase)
    }

    /// The length every match has at least, when the pattern says so plainly (a `[set]{m,n}` pattern: m);
    /// 0 otherwise.
    public var shortestMatch: Int {
        run?.least ?? 0
    }

    /// Number of parenthesised groups in the pattern (compiles it if need be; 0 if it does not compile).
    public var groupCount: Int {
        guard run == nil else { return 0 }
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
        if let run {
            run.forEachMatch(in: bytes, range: range) { body([$0]) }
            return
        }
        forEachMatchOfCompiled(in: bytes, range: range, body)
    }

    /// Calls `body` with the range of every successive match in `range` of `bytes`, without its groups':
    /// glibc finds those by a second pass per match, which a caller that reads only the whole match (the issue
    /// IDs, whose default pattern has groups) need not pay. `body` returns false to stop.
    public func forEachWholeMatch(in bytes: [UInt8], range: Range<Int>, _ body: (Range<Int>) -> Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            if let run {
                run.forEachMatch(in: buffer, range: range, body)
                return
            }
            forEachMatchOfCompiled(in: buffer, range: range, groups: false) { ranges in ranges[0].map(body) ?? true }
        }
    }

    /// True when `bytes` hold a match (no group is read).
    public func hasMatch(in bytes: [UInt8]) -> Bool {
        var found = false
        forEachWholeMatch(in: bytes, range: 0..<bytes.count) { _ in
            found = true
            return false
        }
        return found
    }

    /// True when `text` holds a match.
    public func hasMatch(in text: String) -> Bool {
        hasMatch(in: Array(text.utf8))
    }

    /// `forEachMatch` by glibc, whatever the pattern (tests compare it with the native search); with
    /// `groups: false`, only the whole match's range is given.
    package func forEachMatchOfCompiled(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, groups wantGroups: Bool = true,
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
                    if wantGroups, groupCount > 0 {
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

/// A pattern that is one bracket expression of ASCII bytes and ranges, repeated `{m,n}` times (1 ≤ m ≤ n):
/// `[A-Za-z0-9+/=_-]{20,200}`. Its POSIX matches are found without a matcher: the leftmost match starts
/// where a run of member bytes at least `m` long starts, and is as long as the run allows, at most `n`.
package struct ByteRunPattern: Sendable, Equatable {
    package let members: [Bool]
    package let least: Int
    package let most: Int

    /// Nil unless `pattern` has exactly that shape; no negation, classes, escapes or non-ASCII bytes.
    package init?(_ pattern: String, ignoreCase: Bool) {
        guard pattern.utf8.first == UInt8(ascii: "[") else { return nil }
        let bytes = Array(pattern.utf8)
        guard let close = Self.bracketEnd(bytes) else { return nil }
        var members = [Bool](repeating: false, count: 256)
        var index = 1
        // A `]` first is a member; a `-` first or last is a member.
        while index < close {
            let byte = bytes[index]
            guard byte < 0x80, byte >= 0x20, byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "^") || index > 1 else { return nil }
            if byte == UInt8(ascii: "["), index + 1 < close, [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ".")].contains(bytes[index + 1]) {
                return nil
            }
            if index + 2 < close, bytes[index + 1] == UInt8(ascii: "-") {
                let last = bytes[index + 2]
                guard last >= byte, last < 0x80 else { return nil }
                for member in byte...last { members[Int(member)] = true }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "-"), index != 1, index != close - 1 { return nil }
            members[Int(byte)] = true
            index += 1
        }
        if ignoreCase {
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") where members[Int(letter)] || members[Int(letter - 0x20)] {
                members[Int(letter)] = true
                members[Int(letter - 0x20)] = true
            }
        }
        // `{m,n}` and nothing after it, read by hand (this runs at start-up: no generic `split`).
        var bounds = [0, 0]
        var digits = [0, 0]
        var part = 0
        guard close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "{"), bytes[bytes.count - 1] == UInt8(ascii: "}") else { return nil }
        for byte in bytes[(close + 2)..<(bytes.count - 1)] {
            if byte == UInt8(ascii: ","), part == 0 {
                part = 1
            } else if byte >= 0x30, byte <= 0x39, digits[part] < 5 {
                bounds[part] = bounds[part] * 10 + Int(byte - 0x30)
                digits[part] += 1
            } else {
                return nil
            }
        }
        let least = bounds[0]
        let most = bounds[1]
        guard part == 1, digits[0] > 0, digits[1] > 0, least >= 1, least <= most else { return nil }
        self.members = members
        self.least = least
        self.most = most
    }

    /// The index of the `]` that closes the bracket opening the pattern (a `]` right after `[` is a member).
    private static func bracketEnd(_ bytes: [UInt8]) -> Int? {
        var index = bytes.count > 1 && bytes[1] == UInt8(ascii: "]") ? 2 : 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") { return index }
            index += 1
        }
        return nil
    }

    /// Every successive match in `range`, as `POSIXRegex.forEachMatch` reports them; `body` returns false to stop.
    package func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Bool) {
        members.withUnsafeBufferPointer { members in
            var index = range.lowerBound
            while index < range.upperBound {
                guard members[Int(bytes[index])] else {
                    index += 1
                    continue
                }
                var end = index
                while end < range.upperBound, members[Int(bytes[end])] { end += 1 }
                // The run index..<end: matches of `most` bytes while they last, then the rest if long enough.
                var start = index
                while end - start >= least {
                    let length = min(most, end - start)
                    guard body(start..<(start + length)) else { return }
                    start += length
                }
                index = end
            }
        }
    }
}
