import SOTSource
import SOTSyntax
import SOTModel

/// One document, one title.
package struct H1SingleRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "h1-single", category: .structure, defaultSeverity: .error,
        summary: "An SOT document has exactly one H1.",
        rationale: """
        The H1 is the document's title and must match the front matter. A document without one has no \
        visible title; a second H1 usually means two documents were pasted together. A missing H1 is \
        reported on the first line after the front matter; every extra H1 on itself.
        """,
        examples: [
            .valid("One H1.", ExampleText.sot("")),
            .invalid("A second H1.", ExampleText.sot("# ↓Another Title\n")),
            .invalid("No H1.", "---\ntitle: Example\nlifecycle_classification: sot\n---\n↓Text.\n"),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        let titles = document.headings.filter { $0.level == 1 }
        if titles.isEmpty {
            let line = min(document.frontMatter.bodyStartLine, document.source.lineCount)
            return [Finding(document, SourceRange(line: line, column: 1, endLine: line, endColumn: 1),
                            "the document has no H1; add `# <title>` matching the front matter title")]
        }
        return titles.dropFirst().map { heading in
            Finding(document, heading.range,
                    "a second H1 `\(heading.text)`; the document's title is already the H1 on line \(titles[0].range.start.line)")
        }
    }
}
