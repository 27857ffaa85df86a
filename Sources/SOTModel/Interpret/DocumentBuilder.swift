import SOTSource
import SOTSyntax

/// Where the ID of an issue heading sits.
package struct IssueHeadingID {
    package let range: Range<Int>
    /// Byte offset where the rest of the heading (` - Title`) starts.
    package let restStart: Int
    package let inCodeSpan: Bool
}

/// Reads a file's syntax as the profile says: which document is SOT, headings, issue sections, fields,
/// statuses and references, every range in the original file. Never parses: the syntax is given.
public struct DocumentBuilder {
    package let syntax: DocumentSyntax
    package let profile: Profile
    /// The path from the project root, when the caller knows it: `sot_documents.paths` and `layouts` match it.
    package let relativePath: String?
    package var source: SourceText { syntax.source }

    package init(syntax: DocumentSyntax, profile: Profile, relativePath: String? = nil) {
        self.syntax = syntax
        self.profile = profile
        self.relativePath = relativePath
    }

    /// Parses `source` and reads it (for callers that have no cached syntax). `relativePath` is the file's
    /// path from the project root, which `sot_documents.paths` are matched against.
    public static func build(_ source: SourceText, profile: Profile, relativePath: String? = nil) -> SOTDocument {
        build(DocumentSyntax.parse(source), profile: profile, relativePath: relativePath)
    }

    public static func build(_ syntax: DocumentSyntax, profile: Profile, relativePath: String? = nil) -> SOTDocument {
        DocumentBuilder(syntax: syntax, profile: profile, relativePath: relativePath).build()
    }

    package func build() -> SOTDocument {
        let frontMatter = syntax.frontMatter
        let isMarked = profile.sot.isMarked(frontMatter)
        let isSOT = isMarked || (relativePath.map(profile.isSOTByPath) ?? false)
        let root = syntax.body
        var headings: [Heading] = []
        var preamble: [String] = []
        var sectionBlocks: [(heading: MarkdownBlock, id: IssueHeadingID, blocks: [MarkdownBlock])] = []
        var looseReferences: [IssueReference] = []
        var inIssueSection = false
        var seenIssueSection = false
        let blocks = root.children
        for (position, block) in blocks.enumerated() {
            if let level = block.headingLevel {
                let content = headingContent(block)
                headings.append(Heading(level: level, text: block.text.trimmingSpaces, range: source.range(content)))
                // Any heading below the title that opens an issue starts one, so that a wrong level is
                // reported as such instead of cascading into unresolved references.
                if level >= 2, let id = leadingID(content),
                   opensIssue(id, content: content, next: position + 1 < blocks.count ? blocks[position + 1] : nil) {
                    sectionBlocks.append((block, id, []))
                    inIssueSection = true
                    seenIssueSection = true
                    continue
                }
                if level <= 2 {
                    inIssueSection = false
                    looseReferences += references(in: block, field: nil, sectionID: nil)
                    continue
                }
            }
            if inIssueSection {
                sectionBlocks[sectionBlocks.count - 1].blocks.append(block)
            } else {
                if !seenIssueSection { preamble += paragraphTexts(block) }
                looseReferences += references(in: block, field: nil, sectionID: nil)
            }
        }
        var sections = sectionBlocks.map { section(heading: $0.heading, headingID: $0.id, blocks: $0.blocks) }
        // One issue per file where a layout says so: read from front matter and `##` sections instead.
        let layout = relativePath.flatMap(profile.layout(for:))
        if let layout {
            let (issue, loose) = documentIssue(layout, frontMatter: frontMatter, blocks: root.children, headings: headings)
            sections = issue.map { [$0] } ?? []
            looseReferences = loose
        }
        let looksLikeSOT = !isSOT && (!sections.isEmpty || ByteSearch.contains(source.bytes, Array(profile.sot.marker.utf8)))
        var document = SOTDocument(
            source: source, frontMatter: frontMatter, isSOT: isSOT, isSOTByPath: isSOT && !isMarked, looksLikeSOT: looksLikeSOT,
            encodingProblem: syntax.encodingProblem, headings: headings,
            preamble: preamble, sections: sections, looseReferences: looseReferences,
            directives: syntax.directives)
        document.layout = layout
        return document
    }

    /// Byte range of a heading's text: ATX markers and closing hashes removed.
    package func headingContent(_ block: MarkdownBlock) -> Range<Int> {
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

    package func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        let bytes = source.bytes
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// The ID that opens a heading's text, if any, also when wrapped in backticks.
    private func leadingID(_ content: Range<Int>) -> IssueHeadingID? {
        let bytes = source.bytes
        let ticked = !content.isEmpty && bytes[content.lowerBound] == 0x60
        let start = ticked ? content.lowerBound + 1 : content.lowerBound
        guard let first = profile.idMatcher.matches(in: bytes, range: start..<content.upperBound).first,
              first.lowerBound == start else { return nil }
        if ticked {
            guard first.upperBound < content.upperBound, bytes[first.upperBound] == 0x60 else { return nil }
            return IssueHeadingID(range: first, restStart: first.upperBound + 1, inCodeSpan: true)
        }
        return IssueHeadingID(range: first, restStart: first.upperBound, inCodeSpan: false)
    }

    /// True when a heading that opens with an ID opens an issue: the ID is followed by a dash separated by a
    /// space (` - Title`, also `–` or `—`), or the block after the heading is a field the profile knows
    /// (`Status:`). So `## CTO-WORK-001: First` above its fields is an issue with a malformed heading
    /// (`issue-heading-format`), while `## UTF-8 support`, `## ISO-8601: dates` or `## UTF-8-encoded names`,
    /// which the default `id_pattern` matches at their start, are ordinary headings.
    private func opensIssue(_ id: IssueHeadingID, content: Range<Int>, next: MarkdownBlock?) -> Bool {
        let bytes = source.bytes
        var index = id.restStart
        while index < content.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        let spaced = index > id.restStart
        let after = { (offset: Int) -> UInt8? in index + offset < content.upperBound ? bytes[index + offset] : nil }
        let spaceAfter = { (offset: Int) -> Bool in after(offset).map { $0 == 0x20 || $0 == 0x09 } ?? true }
        if after(0) == 0x2D, spaced || spaceAfter(1) { return true }
        // `–` (E2 80 93) and `—` (E2 80 94).
        if after(0) == 0xE2, after(1) == 0x80, after(2) == 0x93 || after(2) == 0x94, spaced || spaceAfter(3) { return true }
        guard let next, next.kind == .paragraph,
              let label = LabelScanner.match(bytes, start: next.startOffset, end: source.contentEnd(ofLine: next.startLine)) else { return false }
        return profile.canonicalField(label.label) != nil
    }

    /// Paragraph texts of a top-level block: the paragraph itself, or those of a block quote.
    private func paragraphTexts(_ block: MarkdownBlock) -> [String] {
        switch block.kind {
        case .paragraph: return [block.text]
        case .blockQuote: return block.children.flatMap(paragraphTexts)
        default: return []
        }
    }

    /// Every ID mention in a block and its descendants, code and HTML blocks excepted.
    package func references(in block: MarkdownBlock, field: String?, sectionID: String?, excluding: Range<Int>? = nil) -> [IssueReference] {
        switch block.kind {
        case .codeBlock, .htmlBlock, .thematicBreak:
            return []
        case .paragraph, .heading:
            let range = block.headingLevel != nil ? headingContent(block) : block.startOffset..<block.endOffset
            let spans = CodeSpanScanner.spans(source.bytes, in: range)
            // Spans are disjoint and in order, and so are the matches: one forward cursor tells which span
            // (if any) holds each match, instead of testing every span for every match.
            var spanIndex = 0
            return profile.idMatcher.matches(in: source.bytes, range: range).compactMap { match in
                if let excluding, excluding == match { return nil }
                while spanIndex < spans.count, spans[spanIndex].upperBound <= match.lowerBound { spanIndex += 1 }
                let inCodeSpan = spanIndex < spans.count && spans[spanIndex].contains(match.lowerBound)
                return IssueReference(id: profile.canonicalID(source.text(match)), range: source.range(match), field: field,
                                      inCodeSpan: inCodeSpan, sectionID: sectionID)
            }
        default:
            return block.children.flatMap { references(in: $0, field: field, sectionID: sectionID) }
        }
    }
}
