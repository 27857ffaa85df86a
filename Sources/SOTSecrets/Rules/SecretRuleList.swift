import SOTRules

/// The built-in secret rules.
public enum SecretRuleList {
    public static let all: [any Rule] = [
        SecretLeakRule(),
        SecretAllowUnusedRule(),
    ]
}
