import SOTSource
import Yams

/// Finds the `---` block at the top of a file and reads it as a YAML mapping with Yams,
/// mapping every position back to the original file.
public enum FrontMatterParser {
    public static func parse(_ source: SourceText) -> FrontMatter {
        parse(source, readsPlainLinesItself: true)
    }

    /// The line where the Markdown body starts, as `parse(source).bodyStartLine`, without reading the YAML.
    public static func bodyStartLine(_ source: SourceText) -> Int {
        guard source.lineCount >= 1, isDelimiter(source.lineBytes(1), allowDots: false) else { return 1 }
        return (closingLine(source) ?? 1) + 1
    }

    /// The front matter's closing delimiter line, when line 1 opens one.
    private static func closingLine(_ source: SourceText) -> Int? {
        var line = 2
        while line <= source.lineCount {
            if isDelimiter(source.lineBytes(line), allowDots: true) { return line }
            line += 1
        }
        return nil
    }

    /// `readsPlainLinesItself: false` sends every front matter through Yams (tests compare both ways).
    package static func parse(_ source: SourceText, readsPlainLinesItself: Bool) -> FrontMatter {
        guard source.lineCount >= 1, isDelimiter(source.lineBytes(1), allowDots: false) else { return .absent }
        guard let closeLine = closingLine(source) else { return .unclosed(openLine: 1) }
        let scan = FrontMatterKeyScanner.scan(source, lines: 2..<closeLine)
        if readsPlainLinesItself, let entries = plainEntries(scan, source: source, lines: 2..<closeLine) {
            return .mapping(entries, openLine: 1, closeLine: closeLine)
        }
        let yamlStart = closeLine > 2 ? source.lineStarts[1] : source.lineStarts[closeLine - 1]
        let yamlEnd = source.lineStarts[closeLine - 1]
        var yamlBytes = Array(source.bytes[yamlStart..<yamlEnd])
        // Yams rejects duplicate keys; blank the repeated ones (the key scanner already has them) so
        // the rest of the mapping can still be checked.
        for duplicate in scan.duplicateLineRanges {
            for dupLine in duplicate {
                let start = source.contentStart(ofLine: dupLine) - yamlStart
                let end = source.contentEnd(ofLine: dupLine) - yamlStart
                for index in start..<end { yamlBytes[index] = 0x20 }
            }
        }
        if let (message, line) = YAMLDepthGuard.problem(in: yamlBytes[...]) {
            return .invalid(FrontMatterError(message: message, position: SourcePosition(line: line + 1, column: 1)),
                            openLine: 1, closeLine: closeLine)
        }
        let yaml = String(decoding: yamlBytes, as: UTF8.self)
        if let excess = YAMLAliasBudget.excess(in: yaml) {
            let position = SourcePosition(line: min(excess.line + 1, closeLine), column: excess.column)
            return .invalid(FrontMatterError(message: excess.message, position: position), openLine: 1, closeLine: closeLine)
        }
        let node: Node?
        do {
            // Basic resolver: values stay text (dates are checked by rules); explicit UTF-8 skips Yams' environment lookup.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            return .invalid(yamlError(error, source: source, closeLine: closeLine), openLine: 1, closeLine: closeLine)
        }
        guard let node else { return .mapping([], openLine: 1, closeLine: closeLine) }
        guard let mapping = node.mapping else {
            let position = SourcePosition(line: 2, column: 1)
            return .invalid(FrontMatterError(message: "front matter is not a mapping of keys to values", position: position),
                            openLine: 1, closeLine: closeLine)
        }
        // The first scanned entry of each key, looked up once per YAML key instead of searched for.
        var firstByKey: [String: FrontMatterKeyScanner.ScannedEntry] = [:]
        firstByKey.reserveCapacity(scan.entries.count)
        for entry in scan.entries where firstByKey[entry.key] == nil { firstByKey[entry.key] = entry }
        var entries: [FrontMatterEntry] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string, let scanned = firstByKey[key] else { continue }
            let scalar = scanned.rawValue == nil ? nil : valueNode.scalar?.string
            entries.append(FrontMatterEntry(key: key, keyRange: scanned.keyRange, value: scalar,
                                            valueRange: scanned.valueRange, lines: scanned.lines,
                                            items: items(of: valueNode, source: source, yamlFirstLine: closeLine > 2 ? 2 : closeLine)))
        }
        for duplicate in scan.entries where duplicate.isDuplicate {
            entries.append(FrontMatterEntry(key: duplicate.key, keyRange: duplicate.keyRange, value: duplicate.rawValue,
                                            valueRange: duplicate.valueRange, lines: duplicate.lines))
        }
        entries.sort { $0.lines.lowerBound < $1.lines.lowerBound }
        return .mapping(entries, openLine: 1, closeLine: closeLine)
    }

    /// The scalar items of a sequence node, each with its range in the file: Yams marks where an item
    /// starts (line in the YAML text, column in Unicode scalars), the bytes there tell its end — a plain
    /// item ends where its text does, a quoted one at its closing quote.
    private static func items(of node: Node, source: SourceText, yamlFirstLine: Int) -> [FrontMatterItem] {
        guard let sequence = node.sequence else { return [] }
        let bytes = source.bytes
        var items: [FrontMatterItem] = []
        for item in sequence {
            guard let scalar = item.scalar, let mark = scalar.mark else { continue }
            let line = yamlFirstLine + mark.line - 1
            var start = source.byteOffset(line: line, scalarColumn: mark.column)
            let lineEnd = source.contentEnd(ofLine: line)
            var end: Int
            switch scalar.style {
            case .singleQuoted, .doubleQuoted:
                let quote = bytes[start]
                start += 1
                end = start
                // The closing quote: `''` is a quote inside single quotes, `\` escapes inside double quotes.
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                    if quote == 0x22, bytes[end] == 0x5C { end += 2; continue }
                    if bytes[end] == quote {
                        if quote == 0x27, end + 1 < bytes.count, bytes[end + 1] == 0x27 { end += 2; continue }
                        break
                    }
                    end += 1
                }
                end = min(end, lineEnd)
            default:
                // A plain item on one line: its text as written, up to `,` `]` or a comment in a flow list.
                end = min(start + scalar.string.utf8.count, lineEnd)
            }
            guard start <= end else { continue }
            items.append(FrontMatterItem(text: scalar.string, range: source.range(start..<end)))
        }
        return items
    }

    /// The entries without Yams when every line is blank or a plain `key: value` that YAML reads exactly
    /// as the key scanner does: a key of letters, digits, `_` and `-`; a value of printable ASCII that
    /// starts with no YAML indicator and holds no `:` and no `#`. Such a value is its text, trailing
    /// spaces dropped, whatever YAML would tag it (the basic resolver keeps values as text). Anything
    /// else (quotes, comments, continuation lines, lists, anchors, repeated keys) goes to Yams.
    static func plainEntries(_ scan: FrontMatterKeyScanner, source: SourceText, lines: Range<Int>) -> [FrontMatterEntry]? {
        guard scan.duplicateLineRanges.isEmpty else { return nil }
        var keyLines = 0
        for line in lines {
            let bytes = source.lineBytes(line)
            if bytes.allSatisfy({ $0 == 0x20 }) { continue }
            guard isPlainKeyLine(bytes) else { return nil }
            keyLines += 1
        }
        // Every non-blank line is one scanned key (the scanner agrees with the check above).
        guard keyLines == scan.entries.count else { return nil }
        return scan.entries.map { entry in
            FrontMatterEntry(key: entry.key, keyRange: entry.keyRange, value: entry.rawValue, valueRange: entry.valueRange,
                             lines: entry.lines)
        }
    }

    private static func isPlainKeyLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        guard index < bytes.endIndex, isKeyStart(bytes[index]) else { return false }
        while index < bytes.endIndex, isKeyByte(bytes[index]) { index += 1 }
        guard index < bytes.endIndex, bytes[index] == 0x3A else { return false }
        index += 1
        guard index < bytes.endIndex else { return true }
        guard bytes[index] == 0x20 else { return false }
        while index < bytes.endIndex, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.endIndex else { return true }
        guard !indicators.contains(bytes[index]) else { return false }
        return bytes[index...].allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x3A && $0 != 0x23 }
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    /// Bytes that start something other than a plain scalar in YAML: `-?:,[]{}#&*!|>'"%@` and backtick.
    private static let indicators: Set<UInt8> = Set(Array("-?:,[]{}#&*!|>'\"%@`".utf8))

    /// `---` (or `...` when closing), optionally followed by spaces.
    package static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        let trimmed = line.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        let content = Array(trimmed)
        return content == [0x2D, 0x2D, 0x2D] || (allowDots && content == [0x2E, 0x2E, 0x2E])
    }

    private static func yamlError(_ error: Error, source: SourceText, closeLine: Int) -> FrontMatterError {
        // The YAML text starts on line 2 of the file; Yams counts its own lines from 1.
        func position(_ mark: Mark) -> SourcePosition {
            let line = min(max(mark.line + 1, 2), closeLine)
            return SourcePosition(line: line, column: max(mark.column, 1))
        }
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let prefix = context.map { "\($0.text) (line \($0.mark.line + 1), column \($0.mark.column)) " } ?? ""
                return FrontMatterError(message: "\(prefix)\(problem)".trimmingSpaces, position: position(mark))
            case let .reader(problem, _, _, _):
                return FrontMatterError(message: problem, position: SourcePosition(line: 2, column: 1))
            default:
                break
            }
        }
        return FrontMatterError(message: "front matter is not valid YAML", position: SourcePosition(line: 2, column: 1))
    }
}

extension String {
    package var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
