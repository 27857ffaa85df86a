/// Turns a file's bytes into an `SOTDocument`: front matter, headings, issue sections, references
/// and directives, every range in the original file.
public struct DocumentBuilder {
    let source: SourceText
    let profile: Profile

    public static func build(_ source: SourceText, profile: Profile) -> SOTDocument {
        DocumentBuilder(source: source, profile: profile).build()
    }

    func build() -> SOTDocument {
        let frontMatter = FrontMatterParser.parse(source)
        let isSOT = frontMatter["lifecycle_classification"]?.value == profile.sotClassification
        let bodyLine = frontMatter.bodyStartLine
        let root = bodyLine <= source.lineCount
            ? MarkdownParser.parse(source, fromLine: bodyLine)
            : MarkdownBlock(kind: .document, startLine: source.lineCount, endLine: source.lineCount,
                            startOffset: source.bytes.count, endOffset: source.bytes.count)
        var headings: [Heading] = []
        var preamble: [String] = []
        var sectionBlocks: [(heading: MarkdownBlock, id: Range<Int>, blocks: [MarkdownBlock])] = []
        var looseReferences: [IssueReference] = []
        var inIssueSection = false
        var seenIssueSection = false
        for block in root.children {
            if let level = block.headingLevel {
                let content = headingContent(block)
                headings.append(Heading(level: level, text: block.text.trimmingSpaces, range: source.range(content)))
                if level <= 2 {
                    if level == 2, let idRange = leadingID(content) {
                        sectionBlocks.append((block, idRange, []))
                        inIssueSection = true
                        seenIssueSection = true
                    } else {
                        inIssueSection = false
                        looseReferences += references(in: block, field: nil, sectionID: nil)
                    }
                    continue
                }
            }
            if inIssueSection {
                sectionBlocks[sectionBlocks.count - 1].blocks.append(block)
            } else {
                if !seenIssueSection, block.kind == .paragraph { preamble.append(block.text) }
                looseReferences += references(in: block, field: nil, sectionID: nil)
            }
        }
        let sections = sectionBlocks.map { section(heading: $0.heading, idRange: $0.id, blocks: $0.blocks) }
        let allReferences = (looseReferences + sections.flatMap(\.references)).sorted { $0.range.start < $1.range.start }
        let looksLikeSOT = !isSOT && (!sections.isEmpty || mentionsClassificationKey())
        return SOTDocument(
            source: source, frontMatter: frontMatter, isSOT: isSOT, looksLikeSOT: looksLikeSOT,
            encodingProblem: EncodingCheck.firstProblem(in: source.bytes), headings: headings,
            preamble: preamble, sections: sections, references: allReferences,
            directives: DirectiveScanner.directives(in: root, source: source))
    }

    private func mentionsClassificationKey() -> Bool {
        let needle = Array("lifecycle_classification".utf8)
        let bytes = source.bytes
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Byte range of a heading's text: ATX markers and closing hashes removed.
    func headingContent(_ block: MarkdownBlock) -> Range<Int> {
        let bytes = source.bytes
        var start = block.startOffset
        var end = source.contentEnd(ofLine: block.startLine)
        while start < end, bytes[start] == 0x20 { start += 1 }
        guard start < end, bytes[start] == 0x23 else { return trimmed(start..<end) }
        while start < end, bytes[start] == 0x23 { start += 1 }
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var hashes = end
        while hashes > start, bytes[hashes - 1] == 0x23 { hashes -= 1 }
        if hashes < end, hashes == start || bytes[hashes - 1] == 0x20 || bytes[hashes - 1] == 0x09 { end = hashes }
        return trimmed(start..<end)
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        let bytes = source.bytes
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// The ID that opens a heading's text, if any.
    private func leadingID(_ content: Range<Int>) -> Range<Int>? {
        guard let first = profile.idMatcher.matches(in: source.bytes, range: content).first,
              first.lowerBound == content.lowerBound else { return nil }
        return first
    }

    /// Every ID mention in a block and its descendants, code and HTML blocks excepted.
    func references(in block: MarkdownBlock, field: String?, sectionID: String?, excluding: Range<Int>? = nil) -> [IssueReference] {
        switch block.kind {
        case .codeBlock, .htmlBlock, .thematicBreak:
            return []
        case .paragraph, .heading:
            let range = block.headingLevel != nil ? headingContent(block) : block.startOffset..<block.endOffset
            let spans = CodeSpanScanner.spans(source.bytes, in: range)
            return profile.idMatcher.matches(in: source.bytes, range: range).compactMap { match in
                if let excluding, excluding == match { return nil }
                return IssueReference(id: source.text(match), range: source.range(match), field: field,
                                      inCodeSpan: spans.contains { $0.contains(match.lowerBound) },
                                      sectionID: sectionID)
            }
        default:
            return block.children.flatMap { references(in: $0, field: field, sectionID: sectionID) }
        }
    }
}
