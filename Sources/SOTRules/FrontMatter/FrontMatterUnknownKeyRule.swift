import SOTSource
import SOTSyntax
import SOTModel

/// Keys outside the schema are usually typos of a known key.
package struct FrontMatterUnknownKeyRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-unknown-key", category: .frontMatter, defaultSeverity: .warning,
        summary: "Front matter keys must be known to the profile.",
        rationale: """
        A misspelt key (`last_reviwed`) leaves the real key missing and is easy to overlook. Known keys are \
        `front_matter.required` plus `front_matter.optional`; add a project's own keys to `optional` in \
        `.sot-lint.yml`.
        """,
        examples: [
            .valid("Only known keys.", ExampleText.sot("")),
            .invalid("A misspelt key.", ExampleText.sot("").replacingAll("route: cto", with: "route: cto\n↓reviewer: ann")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        let known = context.profile.frontMatter.knownKeys
        let unknown = document.frontMatter.entries.filter { !known.contains($0.key) }
        guard !unknown.isEmpty else { return [] }
        let vocabulary = Suggestion.Vocabulary(known)
        return unknown.map { entry in
            Finding(document, entry.keyRange, "front matter key `\(entry.key)` is not known" + Suggestion.didYouMean(entry.key, in: vocabulary))
        }
    }
}
