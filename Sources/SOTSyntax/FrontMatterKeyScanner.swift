import SOTSource

/// Finds the top-level keys of a front matter block line by line, with exact ranges.
/// Yams gives values but rejects duplicate keys and has no end positions; this scan supplies both.
package struct FrontMatterKeyScanner {
    package struct ScannedEntry {
        package let key: String
        package let keyRange: SourceRange
        /// The value on the key's line without quotes and comment, nil when empty.
        package let rawValue: String?
        package let valueRange: SourceRange
        package let lines: ClosedRange<Int>
        /// True when an earlier entry has the same key.
        package let isDuplicate: Bool
    }

    package var entries: [ScannedEntry] = []
    /// Line spans of every repeated key after its first occurrence.
    package var duplicateLineRanges: [ClosedRange<Int>] = []

    package static func scan(_ source: SourceText, lines: Range<Int>) -> FrontMatterKeyScanner {
        var result = FrontMatterKeyScanner()
        var starts: [(line: Int, key: String, keyRange: Range<Int>, value: Range<Int>)] = []
        for line in lines {
            guard let found = topLevelKey(source, line: line) else { continue }
            starts.append((line, found.key, found.keyRange, found.value))
        }
        // Keys seen so far: a table, so that 100,000 keys do not compare each with all before it.
        var seenKeys = IDTable(capacity: starts.count)
        for (index, start) in starts.enumerated() {
            var last = index + 1 < starts.count ? starts[index + 1].line - 1 : lines.upperBound - 1
            while last > start.line, isBlankOrComment(source.lineBytes(last)) { last -= 1 }
            let rawBytes = source.bytes[start.value]
            var raw = String(decoding: rawBytes, as: UTF8.self)
            if raw.count >= 2, let first = raw.first, first == "\"" || first == "'", raw.last == first {
                raw = String(raw.dropFirst().dropLast())
            }
            let isDuplicate = !seenKeys.insert(start.key).isNew
            let entry = ScannedEntry(key: start.key, keyRange: source.range(start.keyRange),
                                     rawValue: start.value.isEmpty ? nil : raw,
                                     valueRange: source.range(start.value), lines: start.line...last,
                                     isDuplicate: isDuplicate)
            if isDuplicate {
                result.duplicateLineRanges.append(entry.lines)
            }
            result.entries.append(entry)
        }
        return result
    }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        let content = line.drop { $0 == 0x20 || $0 == 0x09 }
        return content.isEmpty || content.first == 0x23
    }

    /// `key: value` starting in column 1; returns byte ranges of the key (without quotes) and the value
    /// (without trailing comment and spaces).
    private static func topLevelKey(_ source: SourceText, line: Int) -> (key: String, keyRange: Range<Int>, value: Range<Int>)? {
        let start = source.contentStart(ofLine: line)
        let end = source.contentEnd(ofLine: line)
        let bytes = source.bytes
        guard start < end else { return nil }
        let first = bytes[start]
        // Indented lines, comments, sequences, flow collections and document markers are not keys.
        if [0x20, 0x09, 0x23, 0x2D, 0x5B, 0x7B, 0x3F, 0x7C, 0x3E].contains(first) { return nil }
        var keyStart = start
        var keyEnd: Int
        var colon: Int
        if first == 0x22 || first == 0x27 {
            guard let close = bytes[(start + 1)..<end].firstIndex(of: first) else { return nil }
            keyStart = start + 1
            keyEnd = close
            guard close + 1 < end, bytes[close + 1] == 0x3A else { return nil }
            colon = close + 1
        } else {
            var index = start
            colon = -1
            while index < end {
                if bytes[index] == 0x3A, index + 1 == end || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 {
                    colon = index
                    break
                }
                index += 1
            }
            guard colon > start else { return nil }
            keyEnd = colon
            while keyEnd > keyStart, bytes[keyEnd - 1] == 0x20 || bytes[keyEnd - 1] == 0x09 { keyEnd -= 1 }
        }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = valueStart
        var quote: UInt8?
        var index = valueStart
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if index == valueStart, byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x23, index > valueStart, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 {
                break
            }
            index += 1
            if byte != 0x20, byte != 0x09 { valueEnd = index }
        }
        let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
        return (key, keyStart..<keyEnd, valueStart..<valueEnd)
    }
}
