import SOTSource
import CCmark

/// Where a Markdown file has code, as CommonMark (cmark) parses it: the content lines of fenced code
/// blocks and the contents of code spans, as byte ranges of the file. The secret scan looks for
/// high-entropy values in exactly these, so a line like ```` ```powershell Get-Thing ``` ```` is the
/// inline code span it is, not the opening of a fence that swallows the rest of the file.
public struct MarkdownCodeRegions: Sendable, Equatable {
    /// Each content line of a fenced code block, without its line break (the fence lines are not content).
    public var fencedLines: [Range<Int>] = []
    /// Each code span's contents, without the backticks, in file order.
    public var spans: [Range<Int>] = []

    public init(fencedLines: [Range<Int>] = [], spans: [Range<Int>] = []) {
        self.fencedLines = fencedLines
        self.spans = spans
    }
}

public enum MarkdownCode {
    /// The code regions of `source`'s body (after any front matter), as the document's parse finds them.
    public static func regions(in source: SourceText) -> MarkdownCodeRegions {
        let firstLine = FrontMatterParser.bodyStartLine(source)
        guard firstLine <= source.lineCount else { return MarkdownCodeRegions() }
        let bodyStart = source.contentStart(ofLine: firstLine)
        return CmarkArena.withArena {
            let root: OpaquePointer? = source.bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                guard let base = buffer.baseAddress, let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, CmarkArena.allocator) else {
                    return nil
                }
                defer { cmark_parser_free(parser) }
                base.advanced(by: bodyStart).withMemoryRebound(to: CChar.self, capacity: buffer.count - bodyStart) {
                    cmark_parser_feed(parser, $0, buffer.count - bodyStart)
                }
                return cmark_parser_finish(parser)
            }
            guard let root else { return MarkdownCodeRegions() }
            defer { cmark_node_free(root) }
            return regions(root: root, in: source, lineOffset: firstLine - 1)
        }
    }

    /// The code regions of a parsed tree: `root` was parsed from `source`'s bytes after line `lineOffset`
    /// (the document's parse starts after the front matter, and shares its tree with this walk).
    package static func regions(root: OpaquePointer, in source: SourceText, lineOffset: Int) -> MarkdownCodeRegions {
        var regions = MarkdownCodeRegions()
        // Iteratively, so that deep nesting cannot exhaust a worker thread's stack. A code span is looked
        // for in the bytes of the paragraph or heading that holds it, after the previous one.
        guard let iterator = cmark_iter_new(root) else { return regions }
        defer { cmark_iter_free(iterator) }
        var cursor = 0
        var blockEnd = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                regions.fencedLines += fencedLines(node, in: source, lineOffset: lineOffset)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                guard source.lineCount > 0 else { continue }
                let startLine = min(max(Int(cmark_node_get_start_line(node)) + lineOffset, 1), source.lineCount)
                let endLine = min(max(Int(cmark_node_get_end_line(node)) + lineOffset, startLine), source.lineCount)
                cursor = source.contentStart(ofLine: startLine)
                blockEnd = source.contentEnd(ofLine: endLine)
            case CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { continue }
                var length = 0
                while literal[length] != 0 { length += 1 }
                let found = literal.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
                    find(UnsafeBufferPointer(start: pointer, count: length), in: source.bytes, from: cursor, to: blockEnd)
                }
                if let found {
                    regions.spans.append(found)
                    cursor = found.upperBound
                }
            default:
                continue
            }
        }
        return regions
    }

    /// cmark 0.30 does not say whether a code block is fenced: it is when it has an info string, or when
    /// its first line (`firstLine` of `source`) is a fence.
    package static func isFenced(_ node: OpaquePointer, firstLine: Int, in source: SourceText) -> Bool {
        if let info = cmark_node_get_fence_info(node), info.pointee != 0 { return true }
        guard firstLine >= 1, firstLine <= source.lineCount else { return false }
        return isFence(source.lineBytes(firstLine))
    }

    /// The content lines of a fenced code block (none for an indented one).
    private static func fencedLines(_ node: OpaquePointer, in source: SourceText, lineOffset: Int) -> [Range<Int>] {
        guard source.lineCount > 0 else { return [] }
        let first = min(max(Int(cmark_node_get_start_line(node)) + lineOffset, 1), source.lineCount)
        let last = min(max(Int(cmark_node_get_end_line(node)) + lineOffset, first), source.lineCount)
        guard isFenced(node, firstLine: first, in: source) else { return [] }
        var lines: [Range<Int>] = []
        for line in (first + 1)..<(last + 1) {
            // The closing fence, when there is one, is the block's last line.
            if line == last, isFence(source.lineBytes(line)) { break }
            let start = source.contentStart(ofLine: line)
            let end = source.contentEnd(ofLine: line)
            if end > start { lines.append(start..<end) }
        }
        return lines
    }

    /// A line that is a fence: after container markers and indentation, three or more backticks or tildes.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E || $0 == 0x2D || $0 == 0x2A || $0 == 0x2B }
        let drop = trimmed.drop { $0 >= 0x30 && $0 <= 0x39 }
        let rest = drop.first == 0x2E || drop.first == 0x29 ? drop.dropFirst().drop { $0 == 0x20 } : trimmed
        return rest.starts(with: [0x60, 0x60, 0x60]) || rest.starts(with: [0x7E, 0x7E, 0x7E])
    }

    /// The first place in `bytes[from..<to]` where `needle` follows a run of backticks (and at most one
    /// space): where a code span's contents begin. Only backtick runs are tried, so the search is linear
    /// in the block unless a block holds many runs each followed by most of the needle. A literal that is
    /// not in the bytes as written (a span over a line break) is not found.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in bytes: [UInt8], from: Int, to: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return nil }
        var index = from
        while index < to {
            guard bytes[index] == 0x60 else {
                index += 1
                continue
            }
            while index < to, bytes[index] == 0x60 { index += 1 }
            for start in [index, index + 1] where start + needle.count <= to && (start == index || bytes[index] == 0x20) {
                if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
            }
        }
        return nil
    }
}
