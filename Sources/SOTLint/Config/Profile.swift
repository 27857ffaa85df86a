/// Everything that decides what a document must look like: the compiled-in default profile,
/// extended by a project's `.sot-lint.yml`.
public struct Profile: Sendable {
    public struct StatusDefinition: Sendable, Equatable {
        public let name: String
        public let category: StatusCategory
    }

    public struct FrontMatterSchema: Sendable {
        public var required: [String]
        public var optional: [String]
        /// Key -> allowed values, in profile order.
        public var enums: [(key: String, values: [String])]
        public var dates: [String]

        public var knownKeys: [String] { required + optional.filter { !required.contains($0) } }

        public func allowedValues(_ key: String) -> [String]? {
            enums.first { $0.key == key }?.values
        }
    }

    public var sotClassification: String
    public var idMatcher: IssueIDMatcher
    public var statuses: [StatusDefinition]
    public var fields: [String]
    public var frontMatter: FrontMatterSchema
    public var disclaimer: String
    public var include: [String]
    public var exclude: [String]
    public var rules: [String: RuleSettings]
    /// The file the profile was read from besides the defaults, if any.
    public var configPath: String?

    public func status(named raw: String) -> StatusDefinition? {
        let key = Profile.normalizedStatus(raw)
        return statuses.first { Profile.normalizedStatus($0.name) == key }
    }

    public func category(ofStatus raw: String) -> StatusCategory? {
        status(named: raw)?.category
    }

    public func settings(for ruleID: String) -> RuleSettings {
        rules[ruleID] ?? RuleSettings(severity: nil)
    }

    /// `In Progress.` -> `in-progress`: case, a trailing period, spaces and underscores do not matter.
    public static func normalizedStatus(_ raw: String) -> String {
        var text = raw.trimmingSpaces
        while text.hasSuffix(".") { text.removeLast() }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" || $0 == "-" })
        return words.joined(separator: "-")
    }

    /// The canonical spelling of a field label, matched case-insensitively.
    public func canonicalField(_ raw: String) -> String? {
        let wanted = raw.lowercased().split(separator: " ").joined(separator: " ")
        return fields.first { $0.lowercased() == wanted }
    }
}
