/// What a profile needs to know of a rule to read its settings: the id and the options it declares
/// with their defaults. The rule set hands these to `ProfileLoader`, so that the model never depends
/// on the rules.
public struct RuleDeclaration: Sendable {
    public let id: String
    /// Option names with their default values, in declaration order.
    public let options: [(name: String, defaultValue: OptionValue)]
    /// Option name → the only values a text option (or each item of a list option) may take.
    public let choices: [String: [String]]

    public init(id: String, options: [(name: String, defaultValue: OptionValue)], choices: [String: [String]] = [:]) {
        self.id = id
        self.options = options
        self.choices = choices
    }
}
