import SOTSource

/// What cmark and Yams say about one Markdown file, before any profile reads it: the front matter
/// with positions, the block tree, the suppression directives and the first encoding problem. It
/// depends on the bytes alone, so it is computed once per content and shared: changing the ID pattern,
/// the labels or the statuses re-reads this value, never the file.
public struct DocumentSyntax: Sendable {
    public let source: SourceText
    public let frontMatter: FrontMatter
    /// The body after the front matter; every offset is a byte offset in the original file.
    public let body: MarkdownBlock
    public let directives: [SuppressionDirective]
    public let encodingProblem: EncodingProblem?
    /// The body's fenced code lines and code spans, from the same parse: where the secret scan looks for
    /// high-entropy values.
    public let code: MarkdownCodeRegions

    public static func parse(_ source: SourceText) -> DocumentSyntax {
        let frontMatter = FrontMatterParser.parse(source)
        let bodyLine = frontMatter.bodyStartLine
        let (body, code) = bodyLine <= source.lineCount
            ? MarkdownParser.parseWithCode(source, fromLine: bodyLine, code: true)
            : (MarkdownBlock(kind: .document, startLine: source.lineCount, endLine: source.lineCount,
                             startOffset: source.bytes.count, endOffset: source.bytes.count), MarkdownCodeRegions())
        return DocumentSyntax(source: source, frontMatter: frontMatter, body: body,
                              directives: DirectiveScanner.directives(in: body, source: source),
                              encodingProblem: EncodingCheck.firstProblem(in: source.bytes), code: code)
    }
}
