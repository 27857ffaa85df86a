import SOTSource
import SOTSyntax
import SOTModel

/// The front matter title and the H1 are the same name.
package struct FrontMatterTitleMismatchRule: DocumentRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-title-mismatch", category: .frontMatter, defaultSeverity: .error,
        summary: "The front matter `title` must equal the H1.",
        rationale: """
        Indexes read the title from front matter, people read the H1; when they drift apart a document is \
        listed under a name nobody sees. Compared after removing inline markup and surrounding spaces.
        """,
        examples: [
            .valid("Same title.", ExampleText.sot("")),
            .invalid("The H1 was renamed.", ExampleText.sot("").replacingAll("title: Example", with: "title: ↓Old Example")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT, let entry = document.frontMatter["title"], let title = entry.value,
              !title.isEmpty, let heading = document.title, heading.text != title.trimmingSpaces else { return [] }
        let fix = Fix("set the title to the H1", [TextEdit(document.source.byteRange(entry.valueRange), in: document.source,
                                                             with: Self.yamlScalar(heading.text))])
        return [Finding(document, entry.valueRange,
                        "front matter title `\(title)` differs from the H1 `\(heading.text)` on line \(heading.range.start.line)", fix: fix)]
    }

    /// `text` as a YAML scalar: plain when that reads back the same, double-quoted otherwise.
    package static func yamlScalar(_ text: String) -> String {
        let special = text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || ["\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`", "[", "{", "-", "?"].contains(where: { text.hasPrefix($0) })
        guard special else { return text }
        return "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}
