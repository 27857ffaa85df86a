/// What a rule looks at.
public enum RuleCategory: String, Sendable, CaseIterable {
    case document
    case frontMatter = "front-matter"
    case structure
    case graph
    case secrets
    case change
    /// A team's own rule (`rule_files`).
    case team
}
