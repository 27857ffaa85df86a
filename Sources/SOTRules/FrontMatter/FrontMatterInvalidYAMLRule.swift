import SOTSource
import SOTSyntax
import SOTModel

/// Front matter YAML that does not parse, reported where YAML stopped.
package struct FrontMatterInvalidYAMLRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-invalid-yaml", category: .frontMatter, defaultSeverity: .error,
        summary: "Front matter must be a valid YAML mapping.",
        rationale: """
        A YAML syntax error hides the document's classification, so the document would silently drop out \
        of linting. The finding sits at the line and column where the YAML parser stopped. Reported when \
        the file mentions `lifecycle_classification` or has issue sections.
        """,
        examples: [
            .valid("Valid YAML.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("An unterminated quoted value.", """
            ---
            title: "Example
            lifecycle_classification: sot
            ↓---
            # Example
            """),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        // A document SOT by its path is one whatever its front matter says: a broken one is reported too.
        guard case .invalid(let error, _, _) = document.frontMatter, document.looksLikeSOT || document.isSOTByPath else { return [] }
        let end = SourcePosition(line: error.position.line, column: error.position.column + 1)
        return [Finding(document, SourceRange(start: error.position, end: end),
                        "front matter is not valid YAML: \(error.message)")]
    }
}
