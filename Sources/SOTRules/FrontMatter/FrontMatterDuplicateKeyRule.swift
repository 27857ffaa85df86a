import SOTSource
import SOTSyntax
import SOTModel

/// YAML forbids repeated keys, and tools disagree on which one wins.
package struct FrontMatterDuplicateKeyRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-duplicate-key", category: .frontMatter, defaultSeverity: .error,
        summary: "A front matter key must appear once.",
        rationale: """
        YAML does not allow a key twice; some parsers keep the first value, some the last, some refuse the \
        file. Each repetition is reported with the line of the first occurrence.
        """,
        examples: [
            .valid("Each key once.", ExampleText.sot("")),
            .invalid("`status` twice.", ExampleText.sot("").replacingAll("route: cto", with: "route: cto\n↓status: draft")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT || document.looksLikeSOT else { return [] }
        // The line of each key's first entry, by the key's number (the line alone: copying whole entries
        // into the table cost more than the check itself with 100,000 keys).
        let entries = document.frontMatter.entries
        var keys = IDTable(capacity: entries.count)
        var firstLine: [Int] = []
        var findings: [Finding] = []
        for entry in entries {
            let (number, isNew) = keys.insert(entry.key)
            if isNew {
                firstLine.append(entry.keyRange.start.line)
            } else {
                findings.append(Finding(document, entry.keyRange,
                                        "front matter key `\(entry.key)` is repeated; it is first set on line \(firstLine[number])"))
            }
        }
        return findings
    }
}
