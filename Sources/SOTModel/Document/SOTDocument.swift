import SOTSource
import SOTSyntax

/// A heading of the body.
public struct Heading: Sendable {
    public let level: Int
    public let text: String
    public let range: SourceRange
}

/// A parsed Markdown file: what every rule looks at. `isSOT` tells whether the SOT rules apply.
public struct SOTDocument: Sendable {
    public let source: SourceText
    public let frontMatter: FrontMatter
    /// True when the file is an SOT document: its front matter says so (`sot_documents.marker`), or its
    /// path matches `sot_documents.paths`.
    public let isSOT: Bool
    /// True when the path alone made it an SOT document (its front matter does not say so).
    public let isSOTByPath: Bool
    /// The profile's layout for the document, when it has one issue per file (`layouts:`).
    public var layout: DocumentLayout? = nil
    /// True when the file is not classified as SOT but looks like one (mentions the classification key
    /// or has issue headings), so that a typo cannot take it out of linting silently.
    public let looksLikeSOT: Bool
    public let encodingProblem: EncodingProblem?
    public let headings: [Heading]
    /// Plain text of the paragraphs before the first issue section.
    public let preamble: [String]
    public let sections: [IssueSection]
    /// ID mentions outside issue sections (preamble and other sections).
    public let looseReferences: [IssueReference]
    public let directives: [SuppressionDirective]

    public var path: String { source.path }

    public var title: Heading? { headings.first { $0.level == 1 } }

    /// Every issue-ID mention in the body, in order, section headings' own IDs excluded.
    public var references: [IssueReference] {
        (looseReferences + sections.flatMap(\.references)).sorted { $0.range.start < $1.range.start }
    }
}
