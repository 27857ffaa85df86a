import SOTSource
import SOTSyntax
import SOTModel

/// The front matter title and the H1 are the same name.
package struct FrontMatterTitleMismatchRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-title-mismatch", category: .frontMatter, defaultSeverity: .error,
        summary: "The front matter `title` must equal the H1.",
        rationale: """
        Indexes read the title from front matter, people read the H1; when they drift apart a document is \
        listed under a name nobody sees. Compared as written, and again after removing inline markup \
        (backticks, emphasis) from both and surrounding spaces; the fix copies the H1 as written.
        """,
        examples: [
            .valid("Same title.", ExampleText.sot("")),
            .valid("Inline code in both, or in the H1 alone.",
                   ExampleText.sot("").replacingAll("title: Example", with: "title: \"Fix the `task create` flag\"")
                       .replacingAll("# Example", with: "# Fix the `task create` flag")),
            .valid("Emphasis in the H1 only.",
                   ExampleText.sot("").replacingAll("title: Example", with: "title: Fix the task create flag")
                       .replacingAll("# Example", with: "# Fix the *task create* flag")),
            .invalid("The H1 was renamed.", ExampleText.sot("").replacingAll("title: Example", with: "title: ↓Old Example")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT, let entry = document.frontMatter["title"], let title = entry.value,
              !title.isEmpty, let heading = document.title else { return [] }
        let wanted = title.trimmingSpaces
        // The H1 as written (`Fix the `task create` flag`) and as text (markup removed: `Fix the task create flag`).
        let written = document.source.text(document.source.byteRange(heading.range)).trimmingSpaces
        guard wanted != written, wanted != heading.text, Self.plainText(wanted) != heading.text else { return [] }
        let fix = Fix("set the title to the H1", [TextEdit(document.source.byteRange(entry.valueRange), in: document.source,
                                                             with: Self.yamlScalar(written))])
        return [Finding(document, entry.valueRange,
                        "front matter title `\(title)` differs from the H1 `\(written)` on line \(heading.range.start.line)", fix: fix)]
    }

    /// `text` read as a heading's Markdown, its inline markup removed as the H1's text is.
    static func plainText(_ text: String) -> String {
        let syntax = DocumentSyntax.parse(SourceText(path: "title", bytes: Array(("# " + text + "\n").utf8)))
        guard let heading = syntax.body.children.first, heading.headingLevel == 1 else { return text }
        return heading.text.trimmingSpaces
    }

    /// `text` as a YAML scalar: plain when that reads back the same, double-quoted otherwise.
    package static func yamlScalar(_ text: String) -> String {
        let special = text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || ["\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`", "[", "{", "-", "?"].contains(where: { text.hasPrefix($0) })
        guard special else { return text }
        return "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}
