import SOTSource
import Yams

/// Finds the `---` block at the top of a file and reads it as a YAML mapping with Yams,
/// mapping every position back to the original file.
public enum FrontMatterParser {
    public static func parse(_ source: SourceText) -> FrontMatter {
        guard source.lineCount >= 1, isDelimiter(source.lineBytes(1), allowDots: false) else { return .absent }
        var closeLine: Int?
        var line = 2
        while line <= source.lineCount {
            if isDelimiter(source.lineBytes(line), allowDots: true) {
                closeLine = line
                break
            }
            line += 1
        }
        guard let closeLine else { return .unclosed(openLine: 1) }
        let scan = FrontMatterKeyScanner.scan(source, lines: 2..<closeLine)
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
                                            valueRange: scanned.valueRange, lines: scanned.lines))
        }
        for duplicate in scan.entries where duplicate.isDuplicate {
            entries.append(FrontMatterEntry(key: duplicate.key, keyRange: duplicate.keyRange, value: duplicate.rawValue,
                                            valueRange: duplicate.valueRange, lines: duplicate.lines))
        }
        entries.sort { $0.lines.lowerBound < $1.lines.lowerBound }
        return .mapping(entries, openLine: 1, closeLine: closeLine)
    }

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
