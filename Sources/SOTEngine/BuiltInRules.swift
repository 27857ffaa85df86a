import SOTSource
import SOTModel
import SOTRules
import SOTSecrets

extension RuleSet {
    /// Every built-in rule: the one list user-defined rules will join.
    public static let builtIn = RuleSet(SOTRuleList.all + SecretRuleList.all)
}

extension ProfileLoader {
    /// The default profile for the built-in rules.
    public static func defaultProfile() throws(SOTLintError) -> Profile {
        try defaultProfile(rules: RuleSet.builtIn.declarations, detectors: SecretCatalog.builtInIDs)
    }

    /// The default profile extended by `configText`, for the built-in rules.
    public static func load(configText: String?, configPath: String?) throws(SOTLintError) -> Profile {
        try load(configText: configText, configPath: configPath, rules: RuleSet.builtIn.declarations,
                 detectors: SecretCatalog.builtInIDs)
    }
}
