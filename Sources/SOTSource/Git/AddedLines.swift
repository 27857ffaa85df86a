import Foundation

/// What one commit added to one file: the lines it added, each with the line before and after it for context
/// (an allow directive on the line before a secret, a fence around a block), joined by line breaks; and for each
/// line of that text its number in the file and whether the commit added it.
public struct AddedText: Sendable {
    public let commit: String
    /// Relative to the repository's top level.
    public let path: String
    public private(set) var bytes: [UInt8] = []
    /// The file's line number of each line of `bytes`.
    public private(set) var lines: [Int] = []
    public private(set) var added: [Bool] = []

    mutating func append(_ line: ArraySlice<UInt8>, number: Int, added isAdded: Bool) {
        if !lines.isEmpty { bytes.append(0x0A) }
        bytes += line
        lines.append(number)
        added.append(isAdded)
    }

    public var addsAnything: Bool { added.contains(true) }
}

/// Reads `git log -p` output (`--format=%x00%H`, `--unified=1`) as it streams, one piece at a time, and hands
/// on each file's added text when its patch ends. Hunk headers' line counts decide what is a hunk line, so an
/// added line that looks like a header (`+++ b/…`, `diff --git`) is read as the line it is. Linear in the
/// patch; holds one line and one file's added text at a time.
public struct PatchReader {
    private var pending: [UInt8] = []
    private var commit: String?
    private var file: AddedText?
    private var newLine = 0
    private var oldLeft = 0
    private var newLeft = 0
    /// Commits begun so far.
    public private(set) var commits = 0

    public init() {}

    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (AddedText) -> Void) {
        var start = 0
        for index in 0..<chunk.count where chunk[index] == 0x0A {
            if pending.isEmpty {
                line(ArraySlice(chunk[start..<index]), emit)
            } else {
                pending += chunk[start..<index]
                let whole = pending
                pending.removeAll(keepingCapacity: true)
                line(whole[...], emit)
            }
            start = index + 1
        }
        pending += chunk[start..<chunk.count]
    }

    public mutating func finish(_ emit: (AddedText) -> Void) {
        if !pending.isEmpty {
            let last = pending
            pending = []
            line(last[...], emit)
        }
        flush(emit)
    }

    private mutating func flush(_ emit: (AddedText) -> Void) {
        if let file, file.addsAnything { emit(file) }
        file = nil
    }

    private mutating func line(_ line: ArraySlice<UInt8>, _ emit: (AddedText) -> Void) {
        if oldLeft > 0 || newLeft > 0 {
            switch line.first {
            case UInt8(ascii: "+"):
                file?.append(line.dropFirst(), number: newLine, added: true)
                newLine += 1
                newLeft -= 1
                return
            case UInt8(ascii: " "):
                file?.append(line.dropFirst(), number: newLine, added: false)
                newLine += 1
                newLeft -= 1
                oldLeft -= 1
                return
            case UInt8(ascii: "-"):
                oldLeft -= 1
                return
            case UInt8(ascii: "\\"):
                return
            default:
                // Not a hunk line after all (a truncated patch): read it as what comes next.
                oldLeft = 0
                newLeft = 0
            }
        }
        if line.first == 0 {
            flush(emit)
            commit = String(decoding: line.dropFirst(), as: UTF8.self)
            commits += 1
        } else if line.starts(with: Self.diffHeader) {
            flush(emit)
        } else if line.starts(with: Self.newPath) {
            flush(emit)
            let raw = line.dropFirst(Self.newPath.count)
            guard let commit, let path = Self.path(raw) else { return }
            file = AddedText(commit: commit, path: path)
        } else if line.starts(with: Self.hunkHeader), file != nil, let counts = Self.hunkCounts(line) {
            newLine = counts.newStart
            oldLeft = counts.oldCount
            newLeft = counts.newCount
        }
    }

    private static let diffHeader = Array("diff --git ".utf8)
    private static let newPath = Array("+++ ".utf8)
    private static let hunkHeader = Array("@@ -".utf8)

    /// `b/path`, or `"b/pa\"th"` as git quotes unusual names; nil for `/dev/null`.
    static func path(_ raw: ArraySlice<UInt8>) -> String? {
        var bytes = Array(raw)
        if bytes.first == UInt8(ascii: "\""), bytes.count >= 2, bytes.last == UInt8(ascii: "\"") {
            bytes = unquoted(bytes[1..<(bytes.count - 1)])
        }
        guard bytes.starts(with: Array("b/".utf8)) else { return nil }
        return String(decoding: bytes.dropFirst(2), as: UTF8.self)
    }

    /// C-style escapes as git writes them: `\"`, `\\`, `\t`, `\n`, and octal bytes `\303\251`.
    private static func unquoted(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < text.endIndex else {
                result.append(byte)
                continue
            }
            let escaped = text[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < text.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(text[index]) {
                    value = value * 8 + Int(text[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                result.append(UInt8(truncatingIfNeeded: value))
            default: result.append(escaped)
            }
        }
        return result
    }

    /// `@@ -a[,b] +c[,d] @@`: the new side's first line, and both sides' line counts (1 when omitted).
    static func hunkCounts(_ line: ArraySlice<UInt8>) -> (newStart: Int, oldCount: Int, newCount: Int)? {
        var numbers: [Int] = []
        var current: Int?
        var fields = 0
        for byte in line.dropFirst(4) {
            if byte >= 0x30, byte <= 0x39 {
                current = (current ?? 0) &* 10 &+ Int(byte - 0x30)
                continue
            }
            if let value = current { numbers.append(value) }
            current = nil
            if byte == UInt8(ascii: " ") {
                fields += 1
                // Each side is one number, or two with a comma: fill in the omitted count of one.
                if numbers.count == 1 || numbers.count == 3 { numbers.append(1) }
                if fields == 2 { break }
            } else if byte != UInt8(ascii: ","), byte != UInt8(ascii: "+") {
                return nil
            }
        }
        guard numbers.count == 4 else { return nil }
        return (numbers[2], numbers[1], numbers[3])
    }
}

extension GitRepository {
    /// Every file's added text in each commit of `range` (`git log` syntax: `REV`, `A..B`), oldest commit
    /// first, restricted to `pathspecs`; merges add nothing of their own (their parents' commits do), deleted
    /// files are skipped, binary files have no text. `progress` is told how many commits were read.
    /// One git process, streamed: memory holds one file's patch at a time.
    public func addedText(range: String, pathspecs: [String], progress: ((Int) -> Void)? = nil,
                          _ body: (AddedText) -> Void) throws(SOTLintError) {
        var reader = PatchReader()
        var reported = 0
        // git's own account of a failure (a missing object in a partial clone) goes into the error.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-git-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let status = GitCommand.stream(["-c", "core.quotePath=false", "log", "-p", "--reverse", "--no-color", "--no-ext-diff",
                                        "--no-textconv", "--no-renames", "--unified=1", "--diff-filter=d", "--format=%x00%H",
                                        "--end-of-options", range, "--"] + pathspecs, in: topLevel, errorFile: errors) { chunk in
            reader.feed(chunk, body)
            if let progress, reader.commits != reported {
                reported = reader.commits
                progress(reported)
            }
            return true
        }
        guard status == 0 else {
            // The likely cause, said plainly: a range that names no commits.
            _ = try commitCount(range: range)
            let said = (try? String(contentsOfFile: errors, encoding: .utf8))?.split(separator: "\n").first.map { ": " + $0 } ?? ""
            throw .git("\(topLevel): cannot read the history \(range) (git log failed\(said))")
        }
        reader.finish(body)
    }

    /// How many commits `range` holds (for a progress line).
    public func commitCount(range: String) throws(SOTLintError) -> Int {
        let result = GitCommand.run(["rev-list", "--count", "--end-of-options", range, "--"], in: topLevel)
        guard result.status == 0, let count = Int(String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .git("\(range): not a revision range of \(topLevel)")
        }
        return count
    }
}
