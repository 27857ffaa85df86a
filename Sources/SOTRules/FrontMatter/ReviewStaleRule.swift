import SOTSource
import SOTSyntax
import SOTModel

/// A plan nobody has reviewed for months is probably out of date.
package struct ReviewStaleRule: DatedRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "review-stale", category: .frontMatter, defaultSeverity: .info,
        summary: "`last_reviewed` should be within `max_age_days` of today.",
        rationale: """
        Planning documents rot: statuses and blockers stop matching reality. This rule reminds the owner to \
        review a document whose `last_reviewed` is more than `max_age_days` days old. It is informational by \
        default and never fails a run unless a project raises its severity.
        """,
        options: [RuleOption("max_age_days", default: .int(180), "Days after `last_reviewed` before the document is stale.")],
        examples: [
            .valid("Reviewed two weeks ago.", ExampleText.sot(""), today: "2026-06-15"),
            .invalid("Reviewed a year ago.", ExampleText.sot("")
                .replacingAll("created: 2026-01-05", with: "created: 2025-01-05")
                .replacingAll("last_reviewed: 2026-06-01", with: "last_reviewed: ↓2025-06-01"), today: "2026-06-15"),
        ])

    package func check(_ document: DatedFacts, context: DocumentContext) -> [Finding] {
        guard document.isSOT, let entry = document.frontMatter["last_reviewed"],
              let date = entry.value.flatMap(CalendarDate.init) else { return [] }
        let limit = context.settings.int("max_age_days") ?? 180
        let age = context.today.dayNumber - date.dayNumber
        guard age > limit else { return [] }
        return [Finding(path: document.path, range: entry.valueRange, message:
                        "last reviewed \(age) days ago (\(date)), more than \(limit) days; review the document and update `last_reviewed`")]
    }
}
