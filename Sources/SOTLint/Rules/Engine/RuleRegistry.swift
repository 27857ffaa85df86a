/// Every rule, in the order `sot-lint rules` lists them.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        EncodingInvalidRule.self,
        FrontMatterMissingRule.self,
        FrontMatterUnclosedRule.self,
        FrontMatterInvalidYAMLRule.self,
        FrontMatterRequiredKeyRule.self,
        FrontMatterEnumValueRule.self,
        FrontMatterDateRule.self,
        FrontMatterUnknownKeyRule.self,
        FrontMatterDuplicateKeyRule.self,
        FrontMatterTitleMismatchRule.self,
        FrontMatterRouteMismatchRule.self,
        DisclaimerMissingRule.self,
        ReviewStaleRule.self,
        H1SingleRule.self,
        IssueHeadingFormatRule.self,
        IssueIDDuplicateRule.self,
        StatusMissingRule.self,
        StatusUnknownRule.self,
        AcceptanceMissingRule.self,
        FieldLabelUnknownRule.self,
        FieldDuplicateRule.self,
        ReferenceUnresolvedRule.self,
        BlockedBySelfRule.self,
        BlockedWithoutBlockersRule.self,
        BlockersWithoutBlockedRule.self,
        BlockedOnResolvedRule.self,
        BlockedByCycleRule.self,
        InvariantKeepsBlockedRule.self,
        StatusTransitionRule.self,
        IssueRemovedRule.self,
        InvariantStatusUnchangedRule.self,
        SuppressionUnusedRule.self,
        SecretLeakRule.self,
        SecretAllowUnusedRule.self,
    ]

    public static let ids: [String] = all.map { $0.metadata.id }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.metadata.id == id }
    }

    static let documentRules: [any DocumentRule] = all.compactMap { ($0 as? any DocumentRule.Type)?.init() }
    static let workspaceRules: [any WorkspaceRule] = all.compactMap { ($0 as? any WorkspaceRule.Type)?.init() }
    static let changeRules: [any ChangeRule] = all.compactMap { ($0 as? any ChangeRule.Type)?.init() }
}
