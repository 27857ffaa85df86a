import SOTSource
import SOTSyntax
import SOTModel

/// Invalid UTF-8 or a NUL byte: the file is not the text it claims to be.
package struct EncodingInvalidRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "encoding-invalid", category: .document, defaultSeverity: .error,
        summary: "A Markdown file must be UTF-8 text without NUL bytes.",
        rationale: """
        Invalid UTF-8 or a NUL byte means the file was written by a broken tool or is not text at all. \
        Positions after the bad byte cannot be trusted and other tools may reject the file. The finding \
        sits on the first offending byte. Applies to every linted Markdown file, SOT or not.
        """,
        examples: [
            .valid("Plain UTF-8 text, accents included.", "# Café\n\nNaïve text.\n"),
            .invalid("A NUL byte in a paragraph.", "# Title\n\nSome ↓\u{0}text.\n"),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard let problem = document.encodingProblem else { return [] }
        let range = document.source.range(problem.offset..<min(problem.offset + 1, document.source.bytes.count))
        let start = range.start
        let what = problem.kind == .nulByte ? "a NUL byte" : "bytes that are not valid UTF-8"
        return [Finding(document, SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1)),
                        "the file contains \(what); save it as UTF-8 text")]
    }
}
