import SOTSource

/// Finds `<!-- sot-lint-disable … -->` and its siblings in the HTML blocks of a body.
package enum DirectiveScanner {
    package static func directives(in root: MarkdownBlock, source: SourceText) -> [SuppressionDirective] {
        var found: [SuppressionDirective] = []
        collect(root, source: source, into: &found)
        return found
    }

    private static func collect(_ block: MarkdownBlock, source: SourceText, into found: inout [SuppressionDirective]) {
        if block.kind == .htmlBlock {
            // cmark's end column of an HTML block is unreliable; the block always ends at the end of its last line.
            scan(source, range: block.startOffset..<source.contentEnd(ofLine: block.endLine), into: &found)
            return
        }
        for child in block.children { collect(child, source: source, into: &found) }
    }

    private static func scan(_ source: SourceText, range: Range<Int>, into found: inout [SuppressionDirective]) {
        let bytes = source.bytes
        let open: [UInt8] = Array("<!--".utf8)
        let close: [UInt8] = Array("-->".utf8)
        var index = range.lowerBound
        while index + open.count <= range.upperBound {
            guard bytes[index..<(index + open.count)].elementsEqual(open) else { index += 1; continue }
            var end = index + open.count
            while end + close.count <= range.upperBound, !bytes[end..<(end + close.count)].elementsEqual(close) { end += 1 }
            guard end + close.count <= range.upperBound else { return }
            let inner = source.text((index + open.count)..<end)
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0.isNewline }).map(String.init)
            if let first = words.first, let kind = SuppressionDirective.Kind(rawValue: first) {
                found.append(SuppressionDirective(kind: kind, rules: Array(words.dropFirst()),
                                                  range: source.range(index..<(end + close.count))))
            }
            index = end + close.count
        }
    }
}
