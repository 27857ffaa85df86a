import SOTSource
import SOTModel
import SOTRules

/// A rule the profile turns on, with what every kind of rule is run with: its id, its severity and
/// its context. The one place a rule's settings are looked up for a run. A class: the document rules
/// are handed out for every file, and a copy of the context (with the profile in it) retained every
/// reference it holds.
final class EnabledRule<Kind: Sendable>: Sendable {
    let rule: Kind
    let id: String
    let severity: Severity
    let context: RuleContext

    init(rule: Kind, id: String, severity: Severity, context: RuleContext) {
        self.rule = rule
        self.id = id
        self.severity = severity
        self.context = context
    }

    /// The rules of `list` that `profile` turns on, in list order.
    static func all(_ list: [Kind], metadata: (Kind) -> RuleMetadata, profile: Profile, today: CalendarDate) -> [EnabledRule] {
        list.compactMap { rule in
            let id = metadata(rule).id
            let settings = profile.settings(for: id)
            return settings.severity.map {
                EnabledRule(rule: rule, id: id, severity: $0, context: RuleContext(profile: profile, settings: settings, today: today))
            }
        }
    }

    /// `findings` as this rule reports them.
    func diagnostics(_ findings: [Finding]) -> [Diagnostic] {
        findings.map { $0.diagnostic(id, severity) }
    }
}
