import SOTSource
import SOTSyntax
import SOTModel

/// A team's own rule (`rule_files`, docs/user-rules.md), built from its definition: its metadata and
/// examples come from its file, and it runs in the rule set beside the built-in rules — the same
/// severities, suppressions, `explain`, docs and SARIF entries.
public enum UserRule {
    /// The rule `definition` describes, of the kind its check needs.
    public static func make(_ definition: UserRuleDefinition) -> any Rule {
        let metadata = metadata(of: definition)
        switch definition.check {
        case .relation: return UserRelationRule(definition: definition, metadata: metadata)
        case .transition: return UserTransitionRule(definition: definition, metadata: metadata)
        default: return UserIssueRule(definition: definition, metadata: metadata)
        }
    }

    static func metadata(of definition: UserRuleDefinition) -> RuleMetadata {
        let rationale = (definition.rationale.isEmpty ? "" : definition.rationale.trimmingSpaces + "\n\n")
            + "A team rule (`\(kind(of: definition))`), defined in `\(definition.file)`."
        return RuleMetadata(id: definition.id, category: .team, defaultSeverity: definition.severity, summary: definition.summary,
                            rationale: rationale, examples: definition.examples.map(example))
    }

    private static func kind(of definition: UserRuleDefinition) -> String {
        switch definition.check {
        case .require: "require"
        case .forbid: "forbid"
        case .pattern: "pattern"
        case .count: "count"
        case .relation: "relation"
        case .transition: "transition"
        }
    }

    private static func example(_ example: UserRuleDefinition.Example) -> RuleExample {
        RuleExample(summary: example.summary, files: example.files.map { ExampleFile($0.name, $0.text) }, triggers: example.triggers,
                    today: example.today ?? RuleExample.defaultToday, config: nil,
                    baseFiles: example.base.map { $0.map { ExampleFile($0.name, $0.text) } })
    }

    /// The rule's `message` with its placeholders filled in, or `fallback`.
    static func message(_ definition: UserRuleDefinition, _ values: [String: String], fallback: String) -> String {
        guard let template = definition.message else { return fallback }
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                text.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            text += value
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}

extension RuleSet {
    /// This rule set with the team's rules of `profile` after the built-in ones (itself when it has them all).
    public func adding(userRulesOf profile: Profile) -> RuleSet {
        let missing = profile.userRules.filter { rule(id: $0.id) == nil }
        return missing.isEmpty ? self : RuleSet(rules + missing.map(UserRule.make))
    }
}
