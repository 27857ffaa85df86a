import SOTSource
import SOTSyntax
import SOTModel

/// Dates must exist and be in order: created <= last_reviewed <= today.
package struct FrontMatterDateRule: DatedRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-date", category: .frontMatter, defaultSeverity: .error,
        summary: "`created` and `last_reviewed` must be real dates with created ≤ last_reviewed ≤ today.",
        rationale: """
        Review dates drive staleness checks and audits. A date must be written `YYYY-MM-DD` and exist on \
        the calendar (2026-02-30 does not); a document cannot be reviewed before it was created, nor in the \
        future. The keys are `front_matter.dates` in the profile. With `formats: [date, datetime]` a value \
        may also carry a time, ISO 8601 style: `2025-06-03 22:19`, `2025-06-03T22:19:05`, with `Z` or an \
        offset such as `+02:00` (its day is what is compared); `formats: [datetime]` requires the time.
        """,
        options: [RuleOption("formats", default: .strings(["date"]),
                             "Which forms a date may take: `date` (`YYYY-MM-DD`), `datetime` (a date and a time).",
                             choices: ["date", "datetime"])],
        examples: [
            .valid("A date and time where the option allows it.",
                   ExampleText.sot("").replacingAll("created: 2026-01-05", with: "created: \"2026-01-05 22:19\""),
                   config: "rules:\n  frontmatter-date: {severity: error, formats: [date, datetime]}\n"),
            .invalid("A time where only dates are allowed.",
                     ExampleText.sot("").replacingAll("created: 2026-01-05", with: "created: ↓2026-01-05 22:19")),
            .invalid("An hour that does not exist.",
                     ExampleText.sot("").replacingAll("created: 2026-01-05", with: "created: ↓2026-01-05T24:10"),
                     config: "rules:\n  frontmatter-date: {severity: error, formats: [date, datetime]}\n"),
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
        let formats = context.settings.strings("formats") ?? ["date"]
        let takesDate = formats.contains("date")
        let takesTime = formats.contains("datetime")
        let written = [takesDate ? "YYYY-MM-DD" : nil, takesTime ? "YYYY-MM-DD HH:MM[:SS]" : nil].compactMap { $0 }.joined(separator: " or ")
        for key in context.profile.frontMatter.dates {
            guard let entry = document.frontMatter[key], let value = entry.value, !value.isEmpty else { continue }
            guard let date = Self.day(of: value, date: takesDate, datetime: takesTime) else {
                findings.append(Finding(path: document.path, range: entry.valueRange, message:
                                        "`\(key)` is `\(value)`, which is not a calendar date written \(written)"))
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

    /// The day `value` names: `YYYY-MM-DD` when `date` is allowed; that day followed by a time (` ` or `T`,
    /// `HH:MM`, optional `:SS` and fraction, optional `Z` or `±HH:MM`) when `datetime` is.
    static func day(of value: String, date: Bool, datetime: Bool) -> CalendarDate? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 10, let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        if bytes.count == 10 { return date ? day : nil }
        guard datetime, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T") else { return nil }
        var index = 11
        func number(_ digits: Int, max: Int) -> Bool {
            guard index + digits <= bytes.count, bytes[index..<(index + digits)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let read = Int(String(decoding: bytes[index..<(index + digits)], as: UTF8.self)), read <= max else { return false }
            index += digits
            return true
        }
        func byte(_ ascii: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
            index += 1
            return true
        }
        guard number(2, max: 23), byte(":"), number(2, max: 59) else { return nil }
        if byte(":") {
            guard number(2, max: 59) else { return nil }
            if byte(".") {
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > start else { return nil }
            }
        }
        if byte("Z") {
        } else if byte("+") || byte("-") {
            guard number(2, max: 23), byte(":"), number(2, max: 59) else { return nil }
        }
        return index == bytes.count ? day : nil
    }
}
