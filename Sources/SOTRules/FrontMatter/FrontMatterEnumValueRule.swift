import SOTSource
import SOTSyntax
import SOTModel

/// Keys with a closed set of values: status, classification, promotion status.
package struct FrontMatterEnumValueRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-enum-value", category: .frontMatter, defaultSeverity: .error,
        summary: "Front matter keys with a fixed vocabulary must use one of its values.",
        rationale: """
        `status`, `lifecycle_classification` and `core_promotion_status` take values from \
        `front_matter.enums` in the profile. A misspelt value (`lifecycle_classification: sotx`) would \
        silently take a document out of linting, so it is reported even when the document is not \
        classified as SOT, with the nearest allowed value.
        """,
        examples: [
            .valid("Known values.", ExampleText.sot("")),
            .invalid("A typo in the classification.", """
            ---
            title: Example
            lifecycle_classification: ↓sotx
            ---
            # Example
            """),
            .invalid("An unknown document status.", ExampleText.sot("").replacingAll("status: active", with: "status: ↓actve")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT || document.looksLikeSOT else { return [] }
        var findings: [Finding] = []
        var seen = IDTable(capacity: document.frontMatter.entries.count)
        // The key a layout reads the issue's status from is checked against `statuses` (`status-unknown`).
        let statusKey: String? = if case .frontMatter(let key)? = document.layout?.status { key } else { nil }
        for entry in document.frontMatter.entries where seen.insert(entry.key).isNew && entry.key != statusKey {
            guard document.isSOT || entry.key == context.profile.sot.marker,
                  let allowed = context.profile.frontMatter.allowedValues(entry.key),
                  let value = entry.value, !value.isEmpty, !allowed.contains(value) else { continue }
            findings.append(Finding(document, entry.valueRange,
                                    "`\(entry.key)` is `\(value)`, not one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
                                    + Suggestion.didYouMean(value, among: allowed)))
        }
        return findings
    }
}
