import SOTSource
import SOTSyntax
import SOTModel

/// A team rule about each issue on its own (`require`, `forbid`, `pattern`, `count`): it reads the issue's
/// fields and its document's front matter, so it runs with the document's other rules and is cached with them.
struct UserIssueRule: DocumentRule {
    let definition: UserRuleDefinition
    let metadata: RuleMetadata

    func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        var findings: [Finding] = []
        var labels: [String: String] = [:]
        for label in definition.fieldLabels { labels[label] = context.profile.canonicalField(label) ?? label }
        for section in document.sections {
            let issue = IssueText(section: section, document: document, profile: context.profile, labels: labels)
            guard definition.when.holds(for: issue.facts) else { continue }
            switch definition.check {
            case .require(let part, let pattern):
                findings += require(part, matching: pattern, issue)
            case .forbid(let labels, let pattern, let fix):
                findings += forbid(pattern, in: labels, fix: fix, issue)
            case .pattern(let labels, let pattern):
                findings += match(pattern, in: labels, issue)
            case .count(let label, let kind, let least, let most):
                findings += count(label, kind, least: least, most: most, issue)
            case .relation, .transition:
                break
            }
        }
        return findings
    }

    /// The rule's message for the issue, or `fallback` when the rule has none (the placeholders are only
    /// gathered for a template).
    private func say(_ issue: IssueText, _ values: @autoclosure () -> [String: String], _ fallback: @autoclosure () -> String) -> String {
        guard definition.message != nil else { return fallback() }
        return UserRule.message(definition, issue.placeholders.merging(values()) { $1 }, fallback: "")
    }

    private func require(_ part: UserRuleDefinition.Part, matching pattern: POSIXRegex?, _ issue: IssueText) -> [Finding] {
        let document = issue.document
        switch part {
        case .frontMatter(let key):
            guard let value = document.frontMatter[key]?.value, !value.trimmingSpaces.isEmpty else {
                return [Finding(document, issue.section.idRange, say(issue, ["field": key], "issue `\(issue.id)` needs front-matter key `\(key)`"))]
            }
            guard let pattern, !pattern.hasMatch(in: value) else { return [] }
            return [Finding(document, issue.section.idRange, say(issue, ["field": key],
                                                                 "front-matter `\(key)` of issue `\(issue.id)` does not match `\(pattern.pattern)`"))]
        case .field(let written):
            let label = issue.label(written)
            let fields = issue.section.fields(label)
            guard let first = fields.first else {
                return [Finding(document, issue.section.idRange, say(issue, ["field": label], "issue `\(issue.id)`\(issue.statusNote) has no `\(label)`"))]
            }
            guard fields.contains(where: { !$0.isEmpty }) else {
                return [Finding(document, first.labelRange, say(issue, ["field": label], "`\(label)` of issue `\(issue.id)` is empty"))]
            }
            guard let pattern, !(issue.texts(label) ?? []).contains(where: { pattern.hasMatch(in: $0) }) else { return [] }
            return [Finding(document, first.labelRange, say(issue, ["field": label],
                                                            "`\(label)` of issue `\(issue.id)` holds nothing matching `\(pattern.pattern)`"))]
        }
    }

    /// Each match in the fields' source text, at its exact place; the fix replaces the match.
    private func forbid(_ pattern: POSIXRegex, in labels: [String], fix: String?, _ issue: IssueText) -> [Finding] {
        let source = issue.document.source
        var findings: [Finding] = []
        for label in labels.map(issue.label) {
            for range in issue.section.fields(label).flatMap(Self.textRanges) {
                let bytes = source.byteRange(range)
                source.bytes.withUnsafeBufferPointer { buffer in
                    pattern.forEachMatch(in: buffer, range: bytes) { groups in
                        guard let match = groups[0], !match.isEmpty else { return true }
                        let edit = fix.map { replacement in
                            Fix("replace with `\(Self.expand(replacement, groups, in: source))`",
                                [TextEdit(match, in: source, with: Self.expand(replacement, groups, in: source))])
                        }
                        findings.append(Finding(issue.document, source.range(match),
                                                say(issue, ["field": label], "`\(label)` of issue `\(issue.id)` holds text matching `\(pattern.pattern)`"),
                                                fix: edit))
                        return true
                    }
                }
            }
        }
        return findings
    }

    /// Each item (or the value of a field without items) that holds no match.
    private func match(_ pattern: POSIXRegex, in labels: [String], _ issue: IssueText) -> [Finding] {
        var findings: [Finding] = []
        for label in labels.map(issue.label) {
            for field in issue.section.fields(label) {
                let parts: [(String, SourceRange)] = field.items.isEmpty
                    ? [field.inlineValue.flatMap { value in field.inlineValueRange.map { (value, $0) } }].compactMap { $0 }
                    : field.items.map { ($0.text, $0.range) }
                for (text, range) in parts where !pattern.hasMatch(in: text) {
                    findings.append(Finding(issue.document, range, say(issue, ["field": label],
                                                                       "`\(label)` of issue `\(issue.id)` has an entry not matching `\(pattern.pattern)`")))
                }
            }
        }
        return findings
    }

    private func count(_ written: String, _ kind: UserRuleDefinition.ItemKind, least: Int?, most: Int?, _ issue: IssueText) -> [Finding] {
        let label = issue.label(written)
        let fields = issue.section.fields(label)
        let number = fields.reduce(0) { total, field in
            guard kind == .all else { return total + field.items.filter(kind.counts).count }
            return total + (field.items.isEmpty ? ((field.inlineValue ?? "").trimmingSpaces.isEmpty ? 0 : 1) : field.items.count)
        }
        guard number < (least ?? 0) || number > (most ?? Int.max) else { return [] }
        let bounds = [least.map { "at least \($0)" }, most.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
        let range = fields.first?.labelRange ?? issue.section.idRange
        let what = switch kind {
        case .all: number == 1 ? "entry" : "entries"
        case .checked: number == 1 ? "checked item" : "checked items"
        case .unchecked: number == 1 ? "unchecked item" : "unchecked items"
        }
        return [Finding(issue.document, range, say(issue, ["field": label, "count": String(number)],
                                                   "`\(label)` of issue `\(issue.id)` has \(number) \(what); the rule asks for \(bounds)"))]
    }

    /// The source ranges of a field's text: its inline value and each item.
    private static func textRanges(_ field: Field) -> [SourceRange] {
        (field.inlineValueRange.map { [$0] } ?? []) + field.items.map(\.range)
    }

    /// `replacement` with `$1`…`$9` replaced by the match's groups (empty when a group did not take part).
    private static func expand(_ replacement: String, _ groups: [Range<Int>?], in source: SourceText) -> String {
        var text = ""
        var characters = replacement[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            if first == "$", let digit = characters.first?.wholeNumberValue, digit > 0 {
                characters = characters.dropFirst()
                if digit < groups.count, let group = groups[digit] { text += source.text(group) }
            } else {
                text.append(first)
            }
        }
        return text
    }
}

/// One issue of a document as a user rule reads it: its facts for conditions and its texts by label. Its
/// status is read once (a run of several team rules asks for it many times per issue).
struct IssueText {
    let section: IssueSection
    let document: SOTDocument
    let status: String?
    let category: StatusCategory?
    /// Field labels as the profile spells them, for each label the rule names.
    private let labels: [String: String]

    init(section: IssueSection, document: SOTDocument, profile: Profile, labels: [String: String]) {
        self.section = section
        self.document = document
        self.labels = labels
        // No closure here: one would copy the profile for every issue.
        if let line = section.status {
            let name = profile.statusName(of: line)
            status = name
            category = profile.category(ofStatus: name)
        } else {
            status = nil
            category = nil
        }
    }

    var id: String { section.id }

    var statusNote: String { status.map { " (status `\($0)`)" } ?? "" }

    var facts: IssueCondition.Facts {
        IssueCondition.Facts(id: id, status: status, category: category,
                             fieldText: { texts(label($0)) }, frontMatter: { document.frontMatter[$0]?.value })
    }

    var placeholders: [String: String] {
        ["id": id, "title": section.title, "status": status ?? ""]
    }

    /// The label as the profile spells it.
    func label(_ written: String) -> String {
        labels[written] ?? written
    }

    /// The inline values and item texts of every field with this label; nil when the issue has none.
    func texts(_ label: String) -> [String]? {
        let fields = section.fields(label)
        guard !fields.isEmpty else { return nil }
        return fields.flatMap { field in (field.inlineValue.map { [$0] } ?? []) + field.items.map(\.text) }
    }
}
