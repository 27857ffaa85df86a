import SOTSource

/// One block of the Markdown body, converted from cmark's tree into a Swift value.
/// Offsets are byte offsets into the original file (front matter and BOM included).
public struct MarkdownBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, tight: Bool)
        case item
        case codeBlock(fenced: Bool)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case other
    }

    public var kind: Kind
    public var startLine: Int
    public var endLine: Int
    /// Byte offset of the block's first character.
    public var startOffset: Int
    /// Byte offset just after the block's last character.
    public var endOffset: Int
    /// Plain text of a heading or a top-level or block-quote paragraph (inline markup removed), the
    /// literal of code and HTML; empty for paragraphs inside lists, which are read from the source.
    public var text: String
    public var children: [MarkdownBlock]

    public init(kind: Kind, startLine: Int, endLine: Int, startOffset: Int, endOffset: Int,
                text: String = "", children: [MarkdownBlock] = []) {
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.text = text
        self.children = children
    }

    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    public var isCode: Bool {
        if case .codeBlock = kind { return true }
        return false
    }
}
