import SOTSource

/// Reads the raw bytes at the start of a paragraph as a field label: `Label:`, `**Label:**`, `**Label**:`.
package struct LabelMatch {
    package let label: String
    /// Byte range of the label text alone (no markup, no colon).
    package let labelRange: Range<Int>
    /// Byte offset just after the label's markup and colon.
    package let valueStart: Int
    package let isBold: Bool
}

package enum LabelScanner {
    /// The label at `start`, if the bytes up to `end` begin with one.
    package static func match(_ bytes: [UInt8], start: Int, end: Int) -> LabelMatch? {
        var index = start
        var bold = false
        if index + 1 < end, bytes[index] == bytes[index + 1], bytes[index] == 0x2A || bytes[index] == 0x5F {
            bold = true
            index += 2
        }
        let labelStart = index
        guard index < end, isLetter(bytes[index]) else { return nil }
        while index < end, index - labelStart < 40, isLetter(bytes[index]) || bytes[index] == 0x20 || bytes[index] == 0x2D {
            index += 1
        }
        var labelEnd = index
        while labelEnd > labelStart, bytes[labelEnd - 1] == 0x20 { labelEnd -= 1 }
        guard labelEnd > labelStart, index < end else { return nil }
        if bold {
            let marker = bytes[start]
            guard index + 2 < end else { return nil }
            let colonInside = bytes[index] == 0x3A && bytes[index + 1] == marker && bytes[index + 2] == marker
            let colonOutside = bytes[index] == marker && bytes[index + 1] == marker && bytes[index + 2] == 0x3A
            guard colonInside || colonOutside else { return nil }
            return LabelMatch(label: text(bytes, labelStart..<labelEnd), labelRange: labelStart..<labelEnd,
                              valueStart: index + 3, isBold: true)
        }
        guard bytes[index] == 0x3A else { return nil }
        // A colon must end the label: `Status:` but not `http://`.
        if index + 1 < end, bytes[index + 1] != 0x20, bytes[index + 1] != 0x09 { return nil }
        return LabelMatch(label: text(bytes, labelStart..<labelEnd), labelRange: labelStart..<labelEnd,
                          valueStart: index + 1, isBold: false)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// Code spans of a paragraph's raw bytes, by CommonMark's backtick-run rule.
package enum CodeSpanScanner {
    package static func spans(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { spans($0, in: range) }
    }

    package static func spans(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        // A paragraph without backticks (most of them) has no span and needs no index.
        var hasBacktick = false
        for index in range where bytes[index] == 0x60 {
            hasBacktick = true
            break
        }
        guard hasBacktick else { return [] }
        // A short paragraph is scanned directly: its rescans are bounded by its length, and the direct
        // scan allocates nothing (most paragraphs are short).
        if range.count <= 256 { return directSpans(bytes, in: range) }
        // A closer is the next maximal backtick run of the opener's length. Searching for it byte by byte
        // rescans the rest of the paragraph for every unmatched opener (quadratic); instead the maximal runs
        // are listed once by length, and a cursor per length only moves forward, as openers do.
        var runsByLength: [Int: [Int]] = [:]
        var scan = range.lowerBound
        while scan < range.upperBound {
            guard bytes[scan] == 0x60 else { scan += 1; continue }
            let start = scan
            while scan < range.upperBound, bytes[scan] == 0x60 { scan += 1 }
            runsByLength[scan - start, default: []].append(start)
        }
        var cursors: [Int: Int] = [:]
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x5C { index += 2; continue }
            guard byte == 0x60 else { index += 1; continue }
            let runStart = index
            while index < range.upperBound, bytes[index] == 0x60 { index += 1 }
            let runLength = index - runStart
            // Runs after the opener's end are maximal runs (the opener ends at a non-backtick), so the
            // first listed run of this length starting there is the closer a byte scan would find.
            let candidates = runsByLength[runLength] ?? []
            var cursor = cursors[runLength] ?? 0
            while cursor < candidates.count, candidates[cursor] < index { cursor += 1 }
            cursors[runLength] = cursor
            if cursor < candidates.count {
                let closeEnd = candidates[cursor] + runLength
                spans.append(runStart..<closeEnd)
                index = closeEnd
            } else {
                index = runStart + runLength
            }
        }
        return spans
    }

    /// CommonMark's rule applied directly: for each opening run, the next run of the same length closes it.
    package static func directSpans(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x5C { index += 2; continue }
            guard byte == 0x60 else { index += 1; continue }
            let runStart = index
            while index < range.upperBound, bytes[index] == 0x60 { index += 1 }
            let runLength = index - runStart
            var search = index
            var closed = false
            while search < range.upperBound {
                guard bytes[search] == 0x60 else { search += 1; continue }
                let closeStart = search
                while search < range.upperBound, bytes[search] == 0x60 { search += 1 }
                if search - closeStart == runLength {
                    spans.append(runStart..<search)
                    index = search
                    closed = true
                    break
                }
            }
            if !closed { index = runStart + runLength }
        }
        return spans
    }
}
