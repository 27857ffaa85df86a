import SOTSource
import SOTSyntax
import SOTModel

/// Two `Status:` lines or two `Acceptance:` lists: which one counts is a guess.
package struct FieldDuplicateRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "field-duplicate", category: .structure, defaultSeverity: .error,
        summary: "A field label appears once per issue section.",
        rationale: """
        With two `Status:` lines a harness may read either; with two `Acceptance:` lists one is usually \
        stale. Merge them. Each repetition is reported with the line of the first.
        """,
        examples: [
            .valid("Each label once.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("Two statuses.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\n↓Status: done.\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        var findings: [Finding] = []
        for section in document.sections {
            var first: [String: Field] = [:]
            for field in section.fields where field.isKnown {
                if let earlier = first[field.label] {
                    findings.append(Finding(document, field.labelRange, "`\(field.label):` appears again in `\(section.id)`; "
                                            + "it is first given on line \(earlier.labelRange.start.line)"))
                } else {
                    first[field.label] = field
                }
            }
        }
        return findings
    }
}
