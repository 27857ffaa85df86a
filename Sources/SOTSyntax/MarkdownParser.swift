import SOTSource
import CCmark

/// The only caller of cmark. Parses a Markdown body with source positions and converts the C tree
/// into `MarkdownBlock` values once; the C tree is freed before returning.
public enum MarkdownParser {
    /// Blocks and inlines nested deeper than this are not converted: no SOT document needs them, and
    /// converting them recursively could exhaust a worker thread's stack.
    public static let maximumDepth = 64

    /// Parses the part of `source` that starts at line `firstLine` (after any front matter).
    public static func parse(_ source: SourceText, fromLine firstLine: Int) -> MarkdownBlock {
        parseWithCode(source, fromLine: firstLine, code: false).body
    }

    /// The body's blocks and, when `code` is true, its code regions (`MarkdownCode`) from the same tree:
    /// the secret scan reads fenced code and code spans from the document's parse, not from a second one.
    public static func parseWithCode(_ source: SourceText, fromLine firstLine: Int, code: Bool)
    -> (body: MarkdownBlock, code: MarkdownCodeRegions) {
        let bodyStart = firstLine <= source.lineCount ? source.contentStart(ofLine: firstLine) : source.bytes.count
        let lineOffset = firstLine - 1
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
        let emptyDocument = MarkdownBlock(kind: .document, startLine: firstLine, endLine: firstLine,
                                          startOffset: bodyStart, endOffset: bodyStart)
        // cmark's memory comes from this thread's arena, emptied once the tree is converted and freed.
        return CmarkArena.withArena {
            let root: OpaquePointer? = source.bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                guard let base = buffer.baseAddress, let parser = cmark_parser_new_with_mem(options, CmarkArena.allocator) else { return nil }
                defer { cmark_parser_free(parser) }
                base.advanced(by: bodyStart).withMemoryRebound(to: CChar.self, capacity: buffer.count - bodyStart) {
                    cmark_parser_feed(parser, $0, buffer.count - bodyStart)
                }
                return cmark_parser_finish(parser)
            }
            guard let root else { return (emptyDocument, MarkdownCodeRegions()) }
            defer { cmark_node_free(root) }
            let converter = Converter(source: source, lineOffset: lineOffset)
            let regions = code ? MarkdownCode.regions(root: root, in: source, lineOffset: lineOffset) : MarkdownCodeRegions()
            return (converter.block(root, depth: 0, wantsText: true) ?? emptyDocument, regions)
        }
    }

    private struct Converter {
        package let source: SourceText
        package let lineOffset: Int

        /// `wantsText`: the plain text of a paragraph is read only where the model uses it (top level and
        /// block quotes: the preamble); list items are read from the source bytes instead.
        package func block(_ node: OpaquePointer, depth: Int, wantsText: Bool) -> MarkdownBlock? {
            let kind: MarkdownBlock.Kind
            var text = ""
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: kind = .document
            case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
            case CMARK_NODE_LIST:
                kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             tight: cmark_node_get_list_tight(node) != 0)
            case CMARK_NODE_ITEM: kind = .item
            case CMARK_NODE_CODE_BLOCK:
                kind = .codeBlock(fenced: MarkdownCode.isFenced(node, firstLine: max(Int(cmark_node_get_start_line(node)), 1) + lineOffset,
                                                                in: source))
                text = literal(node)
            case CMARK_NODE_HTML_BLOCK:
                kind = .htmlBlock
                text = literal(node)
            case CMARK_NODE_PARAGRAPH:
                kind = .paragraph
                if wantsText { text = inlineText(node) }
            case CMARK_NODE_HEADING:
                kind = .heading(level: Int(cmark_node_get_heading_level(node)))
                text = inlineText(node)
            case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
            default: return nil
            }
            var children: [MarkdownBlock] = []
            if kind != .paragraph, !isHeading(kind), depth < MarkdownParser.maximumDepth {
                var child = cmark_node_first_child(node)
                while let current = child {
                    let childWantsText = kind == .document || kind == .blockQuote
                    if let converted = block(current, depth: depth + 1, wantsText: childWantsText) { children.append(converted) }
                    child = cmark_node_next(current)
                }
            }
            let startLine = max(Int(cmark_node_get_start_line(node)), 1) + lineOffset
            var endLine = max(Int(cmark_node_get_end_line(node)), 1) + lineOffset
            endLine = min(max(endLine, startLine), source.lineCount)
            let startColumn = max(Int(cmark_node_get_start_column(node)), 1)
            let endColumn = Int(cmark_node_get_end_column(node))
            let startOffset = source.byteOffset(line: min(startLine, source.lineCount), byteColumn: startColumn)
            let endOffset = max(source.byteOffset(line: endLine, byteColumn: endColumn + 1), startOffset)
            return MarkdownBlock(kind: kind, startLine: min(startLine, source.lineCount), endLine: endLine,
                                 startOffset: startOffset, endOffset: min(endOffset, source.contentEnd(ofLine: endLine)),
                                 text: text, children: children)
        }

        private func isHeading(_ kind: MarkdownBlock.Kind) -> Bool {
            if case .heading = kind { return true }
            return false
        }

        private func literal(_ node: OpaquePointer) -> String {
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }

        /// Concatenated text of inline children: text and code literals, breaks as spaces.
        private func inlineText(_ node: OpaquePointer) -> String {
            var result = ""
            appendInlineText(node, into: &result, depth: 0)
            return result
        }

        private func appendInlineText(_ node: OpaquePointer, into result: inout String, depth: Int) {
            guard depth < MarkdownParser.maximumDepth else { return }
            var child = cmark_node_first_child(node)
            while let current = child {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE: result += literal(current)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
                case CMARK_NODE_HTML_INLINE: break
                default: appendInlineText(current, into: &result, depth: depth + 1)
                }
                child = cmark_node_next(current)
            }
        }
    }
}
