import Foundation
import SOTSource
import SOTModel
import SOTRules

/// `.sot-lint-baseline.json` at a project's root: the findings the project had when it was recorded
/// (`sot-lint baseline`), so that later runs report only new ones. An entry names a finding by its rule,
/// its path relative to the project root, the issue whose section holds it, and a fingerprint — the first
/// 16 bytes of the SHA-256 of the rule, path, issue and normalised message, in hex (line and column are
/// not in it, so a finding keeps its entry when lines move) — with how many findings share them.
/// It never holds a message, a source line or a secret.
package struct Baseline: Sendable, Equatable {
    package static let fileName = ".sot-lint-baseline.json"
    package static let version = 1

    package struct Key: Sendable, Hashable, Comparable {
        package let rule: String
        package let path: String
        package let issue: String?
        package let fingerprint: String

        package static func < (left: Key, right: Key) -> Bool {
            (left.path, left.rule, left.issue ?? "", left.fingerprint) < (right.path, right.rule, right.issue ?? "", right.fingerprint)
        }
    }

    /// How many findings each key had.
    package private(set) var counts: [Key: Int]

    package init(counts: [Key: Int] = [:]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    /// The baseline of these findings.
    package init(_ keys: [Key]) {
        var counts: [Key: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        self.counts = counts
    }

    package var findingCount: Int { counts.values.reduce(0, +) }

    /// The key of a finding: `path` relative to the project root, `issue` the ID of the section holding it.
    package static func key(rule: String, path: String, issue: String?, message: String) -> Key {
        let text = [rule, path, issue ?? "", normalized(message)].joined(separator: "\u{0}")
        return Key(rule: rule, path: path, issue: issue, fingerprint: String(ContentHash(Array(text.utf8)).description.prefix(32)))
    }

    /// The message without what moves when nothing changed: numbers (lines, days, counts, as in SARIF's
    /// fingerprint) and the paths of other files, which depend on the folder the run starts from.
    package static func normalized(_ message: String) -> String {
        let bytes = Array(FindingFingerprint.normalized(HistoryScan.withoutCommit(message)).utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        // Word by word (split at spaces): a word with a `/` or a `.md` (`.markdown` too) is a path.
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            let word = bytes[start..<end]
            if word.contains(UInt8(ascii: "/")) || ByteSearch.contains(word, Self.markdownSuffix) {
                result.append(contentsOf: "<path>".utf8)
            } else {
                result.append(contentsOf: word)
            }
            if end < bytes.count { result.append(UInt8(ascii: " ")) }
            start = end + 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let markdownSuffix = Array(".md".utf8)

    /// What a run's findings are against the baseline: the positions of those it records (each entry
    /// covers as many findings as its count, in report order), and the entries left over.
    package func match(_ keys: [Key]) -> (recorded: Set<Int>, unmatched: [Key: Int]) {
        var left = counts
        var recorded = Set<Int>()
        for (position, key) in keys.enumerated() {
            guard let count = left[key], count > 0 else { continue }
            left[key] = count - 1
            recorded.insert(position)
        }
        return (recorded, left.filter { $0.value > 0 })
    }

    /// This baseline with the entries of `paths` replaced by `keys` (a baseline of part of a project).
    package func replacing(paths: Set<String>, with keys: [Key]) -> Baseline {
        var merged = counts.filter { !paths.contains($0.key.path) }
        for key in keys { merged[key, default: 0] += 1 }
        return Baseline(counts: merged)
    }

    // MARK: - The file

    private struct File: Decodable {
        struct Entry: Decodable {
            let rule: String
            let path: String
            let issue: String?
            let fingerprint: String
            let count: Int
        }

        let tool: String
        let kind: String
        let version: Int
        let findings: [Entry]
    }

    /// The baseline at `path` (shown as `display`), nil when there is none; a file that is not a baseline
    /// of this version stops the run, naming the file.
    package static func load(_ path: String, display: String) throws(SOTLintError) -> Baseline? {
        guard FilePath.kind(path) != nil else { return nil }
        let bytes = try FilePath.read(path)
        // The form `encoded()` writes is read directly; anything else (edited by hand, say) as JSON.
        if let counts = Self.parseEncoded(bytes) { return Baseline(counts: counts) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw .invalidConfiguration(path: display, reason: "not a sot-lint baseline (\(Self.describe(error))); record it again with `sot-lint baseline`")
        }
        guard file.tool == "sot-lint", file.kind == "baseline" else {
            throw .invalidConfiguration(path: display, reason: "not a sot-lint baseline; record it again with `sot-lint baseline`")
        }
        guard file.version == version else {
            throw .invalidConfiguration(path: display, reason: "baseline version \(file.version), this sot-lint reads version \(version); record it again with `sot-lint baseline`")
        }
        var counts: [Key: Int] = [:]
        for entry in file.findings {
            guard entry.count > 0, entry.fingerprint.utf8.count == 32, entry.fingerprint.utf8.allSatisfy(Self.isHexDigit) else {
                throw .invalidConfiguration(path: display, reason: "baseline entry for \(entry.path) has an invalid fingerprint or count; record it again with `sot-lint baseline`")
            }
            counts[Key(rule: entry.rule, path: entry.path, issue: entry.issue, fingerprint: entry.fingerprint), default: 0] += entry.count
        }
        return Baseline(counts: counts)
    }

    /// The file's bytes: one entry per line, sorted by path, rule, issue and fingerprint, so that a new
    /// recording of the same findings is the same file and a review diff shows what changed.
    package func encoded() -> [UInt8] {
        var text = "{\"tool\": \"sot-lint\", \"kind\": \"baseline\", \"version\": \(Self.version),\n \"findings\": ["
        for (index, key) in counts.keys.sorted().enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += "{\"rule\": \(Self.quoted(key.rule)), \"path\": \(Self.quoted(key.path)), "
                + "\"issue\": \(key.issue.map(Self.quoted) ?? "null"), \"fingerprint\": \"\(key.fingerprint)\", \"count\": \(counts[key] ?? 0)}"
        }
        text += counts.isEmpty ? "]}\n" : "\n ]}\n"
        return Array(text.utf8)
    }

    /// The entries of a file exactly as `encoded()` writes it with no escaped character in any string;
    /// nil for any other text, which is then read as JSON.
    static func parseEncoded(_ bytes: [UInt8]) -> [Key: Int]? {
        let header = Array("{\"tool\": \"sot-lint\", \"kind\": \"baseline\", \"version\": \(version),\n \"findings\": [".utf8)
        guard bytes.starts(with: header), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var position = header.count
        func expect(_ literal: String) -> Bool {
            for byte in literal.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }
        func string() -> String? {
            guard expect("\"") else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") { position += 1 }
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        var counts: [Key: Int] = [:]
        if expect("]}\n") { return position == bytes.count ? counts : nil }
        while true {
            guard expect("\n  {\"rule\": "), let rule = string(), expect(", \"path\": "), let path = string(), expect(", \"issue\": ") else { return nil }
            let issue: String?
            if expect("null") { issue = nil } else if let text = string() { issue = text } else { return nil }
            guard expect(", \"fingerprint\": "), let fingerprint = string(), fingerprint.utf8.count == 32,
                  fingerprint.utf8.allSatisfy(isHexDigit), expect(", \"count\": ") else { return nil }
            var count = 0
            let digits = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, position - digits < 9 {
                count = count * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            guard count > 0, expect("}") else { return nil }
            counts[Key(rule: rule, path: path, issue: issue, fingerprint: fingerprint), default: 0] += count
            if expect(",") { continue }
            return expect("\n ]}\n") && position == bytes.count ? counts : nil
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not valid JSON"
        }
    }
}
