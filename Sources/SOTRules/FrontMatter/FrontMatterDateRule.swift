import SOTSource
import SOTSyntax
import SOTModel

/// Dates must exist and be in order: created <= last_reviewed <= today.
package struct FrontMatterDateRule: DatedRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-date", category: .frontMatter, defaultSeverity: .error,
        summary: "`created` and `last_reviewed` must be real dates with created ≤ last_reviewed ≤ today.",
        rationale: """
        Review dates drive staleness checks and audits. A date must be written `YYYY-MM-DD` and exist on \
        the calendar (2026-02-30 does not); a document cannot be reviewed before it was created, nor in the \
        future. The keys are `front_matter.dates` in the profile.
        """,
        examples: [
            .valid("Ordered dates in the past.", ExampleText.sot("")),
            .invalid("A day that does not exist.", ExampleText.sot("").replacingAll("created: 2026-01-05", with: "created: ↓2026-02-30")),
            .invalid("Reviewed before created.", ExampleText.sot("")
                .replacingAll("created: 2026-01-05", with: "created: 2026-06-10")
                .replacingAll("last_reviewed: 2026-06-01", with: "last_reviewed: ↓2026-06-01")),
            .invalid("Reviewed in the future.", ExampleText.sot("")
                .replacingAll("last_reviewed: 2026-06-01", with: "last_reviewed: ↓2026-07-01")),
        ])

    package func check(_ document: DatedFacts, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        var findings: [Finding] = []
        var parsed: [String: (CalendarDate, FrontMatterEntry)] = [:]
        for key in context.profile.frontMatter.dates {
            guard let entry = document.frontMatter[key], let value = entry.value, !value.isEmpty else { continue }
            guard let date = CalendarDate(value) else {
                findings.append(Finding(path: document.path, range: entry.valueRange, message:
                                        "`\(key)` is `\(value)`, which is not a calendar date written YYYY-MM-DD"))
                continue
            }
            parsed[key] = (date, entry)
            if context.today < date {
                findings.append(Finding(path: document.path, range: entry.valueRange, message: "`\(key)` is \(date), which is after today (\(context.today))"))
            }
        }
        if let created = parsed["created"], let reviewed = parsed["last_reviewed"], reviewed.0 < created.0 {
            findings.append(Finding(path: document.path, range: reviewed.1.valueRange, message:
                                    "`last_reviewed` (\(reviewed.0)) is before `created` (\(created.0))"))
        }
        return findings
    }
}
