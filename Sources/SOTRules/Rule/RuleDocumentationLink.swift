/// Where a rule's documentation is published: the rule's section of docs/rules.md in the project's
/// repository (the language server's `codeDescription`).
public enum RuleDocumentationLink {
    /// The project's repository (SARIF's `informationUri` too).
    public static let repository = "https://github.com/sot-lint/sot-lint"

    /// The section of docs/rules.md about `id` (its heading is the rule id, so the anchor is the id).
    public static func url(ofRule id: String) -> String {
        "\(repository)/blob/main/docs/rules.md#\(id)"
    }

    /// The configuration reference.
    public static let configuration = "\(repository)/blob/main/docs/configuration.md"
}
