import SOTSource
import SOTSyntax
import SOTModel

/// The rules a run applies, as instances, in the order `sot-lint rules` lists them. Each kind of rule
/// is run by the engine generically; nothing outside a rule's file knows what it checks.
public struct RuleSet: Sendable {
    public let rules: [any Rule]
    public let documentRules: [any DocumentRule]
    public let datedRules: [any DatedRule]
    public let workspaceRules: [any WorkspaceRule]
    public let changeRules: [any ChangeRule]
    public let contentRules: [any ContentRule]
    public let projectRules: [any ProjectRule]
    public let suppressionRules: [any SuppressionRule]
    /// What the profile needs of each rule: its id and declared options.
    public let declarations: [RuleDeclaration]
    private let byID: [String: Int]

    public init(_ rules: [any Rule]) {
        self.rules = rules
        documentRules = rules.compactMap(\.asDocumentRule)
        datedRules = rules.compactMap(\.asDatedRule)
        workspaceRules = rules.compactMap(\.asWorkspaceRule)
        changeRules = rules.compactMap(\.asChangeRule)
        contentRules = rules.compactMap(\.asContentRule)
        projectRules = rules.compactMap(\.asProjectRule)
        suppressionRules = rules.compactMap(\.asSuppressionRule)
        var byID: [String: Int] = [:]
        var declarations: [RuleDeclaration] = []
        declarations.reserveCapacity(rules.count)
        for (index, rule) in rules.enumerated() {
            let metadata = rule.metadata
            byID[metadata.id] = index
            var choices: [String: [String]] = [:]
            for option in metadata.options { choices[option.name] = option.choices }
            declarations.append(RuleDeclaration(id: metadata.id, options: metadata.options.map { ($0.name, $0.defaultValue) }, choices: choices))
        }
        self.byID = byID
        self.declarations = declarations
    }

    public var ids: [String] { rules.map(\.metadata.id) }

    public func rule(id: String) -> (any Rule)? {
        byID[id].map { rules[$0] }
    }

    /// The phrases that declare each kind of invariant, from the `phrases` option of the rule that
    /// checks that kind, as `profile` sets it.
    public func invariantPhrases(in profile: Profile) -> [DeclaredInvariant.Kind: InvariantPhrases] {
        var phrases: [DeclaredInvariant.Kind: InvariantPhrases] = [:]
        for rule in rules {
            guard let kind = rule.metadata.declaresInvariants else { continue }
            phrases[kind] = InvariantPhrases(profile.settings(for: rule.metadata.id).strings("phrases") ?? [])
        }
        return phrases
    }
}

/// The built-in SOT rules (front matter, structure, graph, change, suppressions).
public enum SOTRuleList {
    public static let all: [any Rule] = [
        EncodingInvalidRule(),
        FrontMatterMissingRule(),
        FrontMatterUnclosedRule(),
        FrontMatterInvalidYAMLRule(),
        FrontMatterRequiredKeyRule(),
        FrontMatterEnumValueRule(),
        FrontMatterDateRule(),
        FrontMatterUnknownKeyRule(),
        FrontMatterDuplicateKeyRule(),
        FrontMatterTitleMismatchRule(),
        FrontMatterRouteMismatchRule(),
        DisclaimerMissingRule(),
        ReviewStaleRule(),
        H1SingleRule(),
        IssueHeadingFormatRule(),
        IssuesUnrecognisedRule(),
        IssueIDDuplicateRule(),
        StatusMissingRule(),
        StatusUnknownRule(),
        AcceptanceMissingRule(),
        FieldLabelUnknownRule(),
        FieldDuplicateRule(),
        ReferenceUnresolvedRule(),
        ReferenceExternalRule(),
        BlockedBySelfRule(),
        BlockedWithoutBlockersRule(),
        BlockersWithoutBlockedRule(),
        BlockedOnResolvedRule(),
        BlockedByCycleRule(),
        InvariantKeepsBlockedRule(),
        StatusTransitionRule(),
        IssueRemovedRule(),
        InvariantStatusUnchangedRule(),
        SuppressionUnusedRule(),
    ]
}
