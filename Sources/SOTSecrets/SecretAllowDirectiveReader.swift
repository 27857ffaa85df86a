import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Reads the allow directives of one file, in offset order, exactly as `SecretAllowDirective.parse`
/// would, but shares the forward scans of a line among its directives. A directive's text runs to the
/// first `-->` or `*/` (or the line's end), so with thousands of directives on one long line each used to
/// copy and split the rest of the line: quadratic. Here the closer found for one directive serves the next
/// ones, the decoded length of a text comes from running counts, and only the first two words are looked
/// at (the reason only needs to be non-empty). `parse` works on `Character`s: a space, tab or closer whose
/// next scalar joins it into one `Character` (a combining mark) does not count there, nor here.
package struct SecretAllowDirectiveReader {
    private let source: SourceText
    private var line = 0
    /// `closer` is the first closer at or after `closerFrom` on the line (or the line's end).
    private var closerFrom = Int.max
    private var closer = 0
    /// Decoded UTF-8 lengths from the line's first directive text to two forward cursors.
    private var startCursor = (offset: 0, decoded: 0)
    private var cutCursor = (offset: 0, decoded: 0)
    /// The last trimmed end and the end it was trimmed from.
    private var trimmed = (from: -1, to: 0)

    package init(source: SourceText) {
        self.source = source
    }

    package mutating func directive(at offset: Int) -> SecretAllowDirective {
        let bytes = source.bytes
        let directiveLine = source.line(ofByte: offset)
        let end = source.contentEnd(ofLine: directiveLine)
        let start = offset + SecretAllowDirective.marker.utf8.count
        guard start <= end else { return SecretAllowDirective.parse(source, offset: offset, line: directiveLine) }
        if directiveLine != line || start < startCursor.offset {
            line = directiveLine
            closerFrom = Int.max
            startCursor = (start, 0)
            cutCursor = (start, 0)
            trimmed = (-1, 0)
        }
        if !(closerFrom <= start && closer >= start) {
            closerFrom = start
            closer = Self.firstCloser(bytes, from: start, end: end)
        }
        let cut = closer
        let words = Self.firstWords(bytes, from: start, cut: cut)
        // Starts and cuts are boundaries of the decoding (an ASCII byte or the line's end follows), so
        // decoded lengths add up between them, and both cursors only move forward.
        advance(&startCursor, to: start)
        advance(&cutCursor, to: cut)
        let directiveEnd = min(start + cutCursor.decoded - startCursor.decoded, end)
        var trimmedEnd: Int
        if trimmed.from == directiveEnd {
            trimmedEnd = max(trimmed.to, offset)
        } else {
            trimmedEnd = directiveEnd
            while trimmedEnd > offset, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
        }
        trimmed = (directiveEnd, trimmedEnd)
        return SecretAllowDirective(detector: String(decoding: bytes[words.detector], as: UTF8.self),
                                    hasReason: words.hasReason, range: offset..<trimmedEnd, line: directiveLine)
    }

    private func advance(_ cursor: inout (offset: Int, decoded: Int), to target: Int) {
        guard target > cursor.offset else { return }
        cursor.decoded += String(decoding: source.bytes[cursor.offset..<target], as: UTF8.self).utf8.count
        cursor.offset = target
    }

    /// The first `-->` or `*/` that starts at or after `from`, ends by `end` and is not joined to the next
    /// scalar, or `end`.
    private static func firstCloser(_ bytes: [UInt8], from: Int, end: Int) -> Int {
        var index = from
        while index < end {
            if bytes[index] == 0x2D, index + 3 <= end, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x3E,
               !joinsPrevious(bytes, index, start: from), !joinsNext(bytes, index + 2, end: end) { return index }
            if bytes[index] == 0x2A, index + 2 <= end, bytes[index + 1] == 0x2F,
               !joinsPrevious(bytes, index, start: from), !joinsNext(bytes, index + 1, end: end) { return index }
            index += 1
        }
        return end
    }

    /// The first word's byte range and whether a second word follows.
    private static func firstWords(_ bytes: [UInt8], from: Int, cut: Int) -> (detector: Range<Int>, hasReason: Bool) {
        func separates(_ index: Int) -> Bool {
            (bytes[index] == 0x20 || bytes[index] == 0x09) && !joinsPrevious(bytes, index, start: from) && !joinsNext(bytes, index, end: cut)
        }
        var index = from
        while index < cut, separates(index) { index += 1 }
        let wordStart = index
        while index < cut, !separates(index) { index += 1 }
        let wordEnd = index
        while index < cut, separates(index) { index += 1 }
        return (wordStart..<wordEnd, index < cut)
    }

    /// True when the ASCII byte at `index` joins the `Character` before it (a prepended concatenation
    /// mark such as U+0600 precedes it). Only the scalar just before matters, and it lies within the 4
    /// bytes before (within the text, which starts at `start`).
    private static func joinsPrevious(_ bytes: [UInt8], _ index: Int, start: Int) -> Bool {
        guard index > start, bytes[index - 1] >= 0x80 else { return false }
        let window = String(decoding: bytes[max(start, index - 4)...index], as: UTF8.self)
        return (window.last?.unicodeScalars.count ?? 0) > 1
    }

    /// True when the ASCII byte at `index` and the scalar after it form one `Character` (a combining mark
    /// follows). ASCII never joins ASCII here, so only a non-ASCII next byte is decoded.
    private static func joinsNext(_ bytes: [UInt8], _ index: Int, end: Int) -> Bool {
        guard index + 1 < end, bytes[index + 1] >= 0x80 else { return false }
        let window = String(decoding: bytes[index..<min(end, index + 5)], as: UTF8.self)
        return (window.first?.unicodeScalars.count ?? 0) > 1
    }
}
