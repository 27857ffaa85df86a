import SOTSource
import SOTSyntax
import SOTModel

/// Every SOT document names its title, status, classification, owner and dates.
package struct FrontMatterRequiredKeyRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-required-key", category: .frontMatter, defaultSeverity: .error,
        summary: "Front matter must have every required key, each with a value.",
        rationale: """
        Harnesses and people rely on `title`, `status`, `lifecycle_classification`, `owner`, `created` and \
        `last_reviewed` (the list is `front_matter.required` in the profile). A missing key is reported on \
        the opening `---`; an empty value on its key. A document whose front matter lacks \
        `lifecycle_classification` but has issue sections is reported too, since it would otherwise escape \
        every SOT rule.
        """,
        examples: [
            .valid("All required keys present.", ExampleText.sot("")),
            .invalid("No owner, and an empty created date.", """
            ↓---
            title: Example
            status: active
            lifecycle_classification: sot
            ↓created:
            last_reviewed: 2026-06-01
            ---
            # Example
            """),
            .invalid("Issue sections, but no classification.", """
            ↓---
            title: Example
            ---
            # Example

            ## CTO-WORK-001 - First
            """),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard case .mapping(let entries, let openLine, _) = document.frontMatter else { return [] }
        let opening = SourceRange(line: openLine, column: 1, endLine: openLine, endColumn: 4)
        guard document.isSOT else {
            let marker = context.profile.sot.marker
            guard document.looksLikeSOT, document.frontMatter[marker] == nil else { return [] }
            return [Finding(document, opening, "front matter has no `\(marker)`; "
                            + "add `\(context.profile.sot.example)` so the document is linted")]
        }
        var findings: [Finding] = []
        var missing: [String] = []
        for key in context.profile.frontMatter.required {
            guard let entry = entries.first(where: { $0.key == key }) else {
                missing.append(key)
                continue
            }
            if (entry.value ?? "").trimmingSpaces.isEmpty, !entry.lines.isEmpty, entry.lines.count == 1 {
                findings.append(Finding(document, entry.keyRange, "front matter key `\(key)` has no value"))
            }
        }
        if !missing.isEmpty {
            let list = missing.map { "`\($0)`" }.joined(separator: ", ")
            findings.insert(Finding(document, opening, "front matter lacks \(list); add "
                                    + (missing.count == 1 ? "it" : "them")), at: 0)
        }
        return findings
    }
}
