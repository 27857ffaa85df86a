import SOTSource
import SOTSyntax

/// Everything that decides what a document must look like: the compiled-in default profile,
/// extended by a project's `.sot-lint.yml`.
public struct Profile: Sendable {
    public struct StatusDefinition: Sendable, Equatable {
        public let name: String
        public let category: StatusCategory
        /// What may follow the status word (`superseded by ADR-2`); nil: nothing.
        public var tail: StatusTail? = nil
    }

    /// What a status may carry after its word.
    public enum StatusTail: String, Sendable, CaseIterable {
        /// One issue ID, optionally after `by`, `to`, `in` or `into` (`superseded by ADR-2`): a reference
        /// like any other, so it must resolve.
        case reference
        /// Any words (`done pending review`).
        case text
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

    /// Which Markdown files are SOT documents (`sot_documents`).
    public struct Membership: Sendable, Equatable {
        /// The front-matter key whose value marks an SOT document, and the values that do.
        public var marker = "lifecycle_classification"
        public var values = ["sot"]
        /// Globs (relative to the project root) of Markdown files that are SOT documents whatever their
        /// front matter says.
        public var paths: [String] = [] {
            didSet { globs = paths.map(PathGlob.init) }
        }
        private var globs: [PathGlob] = []

        public init() {}

        public static func == (lhs: Membership, rhs: Membership) -> Bool {
            lhs.marker == rhs.marker && lhs.values == rhs.values && lhs.paths == rhs.paths
        }

        /// True when `relativePath` (from the project root) matches `paths`.
        public func includesPath(_ relativePath: String) -> Bool {
            globs.contains { $0.matches(relativePath) }
        }

        /// True when the front matter's marker holds one of the values.
        public func isMarked(_ frontMatter: FrontMatter) -> Bool {
            frontMatter[marker]?.value.map(values.contains) ?? false
        }

        /// `key: value` as a document would say it, for messages.
        public var example: String { "\(marker): \(values.first ?? "")" }
    }

    public var sot = Membership()

    /// How IDs are told apart (`ids:`): case, and prefixes that are other names of one prefix.
    public struct IDSettings: Sendable, Equatable {
        /// `task-24` is `TASK-24`: IDs match and compare ignoring case, and are kept upper-cased.
        public var caseInsensitive = false
        /// Prefix → the prefix it stands for (`task` → `BACK`: `task-24` is `BACK-24`); keys upper-cased
        /// when IDs ignore case.
        public var aliases: [String: String] = [:]
        /// Which mentions in prose are references (`ids.prose`).
        public var prose: ProseMentions = .knownPrefixes

        public init() {}

        /// True when every ID is its own canonical form.
        public var isIdentity: Bool { !caseInsensitive && aliases.isEmpty }
    }

    /// Which ID mentions outside the relation fields are references (`ids.prose`). A pattern broad enough for
    /// `PLAT-123` also reads `UTF-8`, `SHA-256` and `ISO-8601` in a sentence.
    public enum ProseMentions: String, Sendable {
        /// A mention whose prefix no issue of the workspace (imports included) has is a word, not a reference.
        case knownPrefixes = "known-prefixes"
        /// Every mention is a reference.
        case all
    }

    public var ids = IDSettings()

    /// The one form of an ID the workspace knows it by: upper-cased when IDs ignore case, its prefix (the
    /// text before its first `-`) replaced when it is an alias. Identity by default.
    public func canonicalID(_ written: String) -> String {
        if ids.isIdentity { return written }
        var id = ids.caseInsensitive ? written.uppercased() : written
        if !ids.aliases.isEmpty, let dash = id.firstIndex(of: "-"), let target = ids.aliases[String(id[..<dash])] {
            id = (ids.caseInsensitive ? target.uppercased() : target) + id[dash...]
        }
        return id
    }
    /// Documents with one issue each (`layouts:`), the first layout whose paths match a document applies;
    /// every other document has issue sections.
    public var layouts: [DocumentLayout] = []

    /// The layout of the document at `relativePath` (from the project root), nil for issue sections.
    public func layout(for relativePath: String) -> DocumentLayout? {
        layouts.first { $0.includesPath(relativePath) }
    }

    /// True when the path alone makes a document SOT: `sot_documents.paths`, or a layout's paths.
    public func isSOTByPath(_ relativePath: String) -> Bool {
        sot.includesPath(relativePath) || layouts.contains { $0.includesPath(relativePath) }
    }
    /// The first marker value (`sot`), for messages.
    public var sotClassification: String { sot.values.first ?? "" }
    /// Identifies the settings (a hash of the default profile and the configuration text): analyses
    /// made under one profile are reused only under the same one.
    public var fingerprint = ""
    public var idMatcher: IssueIDMatcher
    public var statuses: [StatusDefinition] {
        didSet { statusIndex = Profile.index(statuses) }
    }
    /// Normalised status name -> definition, built once.
    private var statusIndex: [String: StatusDefinition] = [:]
    public var fields: [String] {
        didSet { fieldIndex = Profile.index(fields) }
    }
    /// Lower-cased label -> canonical label, built once.
    private var fieldIndex: [String: String] = [:]
    public var frontMatter: FrontMatterSchema
    public var disclaimer: String
    public var include: [String]
    public var exclude: [String]
    public var rules: [String: RuleSettings]
    /// Normalised status -> the statuses it may move to; a status without an entry may move anywhere.
    public var transitions: [String: [String]] = [:]
    /// Which issues the ready queue may hold (`ready:`), with the `external:` ID patterns.
    public var ready = ReadySettings()
    /// Model files of other repositories (`imports:`, paths or globs relative to the project root) whose
    /// issues the workspace knows without linting them.
    public var imports: [String] = []
    /// IDs owned by systems sot-lint cannot see (`external:`).
    public var external: ExternalIDs { ready.external }
    /// Globs of files not scanned for secrets.
    public var secretExclude: [String] = []
    /// Secret findings allowed by fingerprint.
    public var secretAllowances: [SecretAllowance] = []
    /// `secrets.detectors`: per detector id, off, its severity or its entropy floor.
    public var secretDetectors: [String: SecretDetectorSettings] = [:]
    /// The absolute paths of the files the profile was read from besides the configuration itself: the
    /// shared profiles it extends and its rule files (a session watching the disk reads it again when one changes).
    public var sourceFiles: [String] = []
    /// The team's own rules (`rule_files`), in file order.
    public var userRules: [UserRuleDefinition] = []

    /// `transitions` widened by the moves of `transition` rules' `allow` (a status without an entry may
    /// already move anywhere; `to: *` lets its status move anywhere).
    package mutating func allow(_ moves: [UserRuleDefinition.Move]) {
        for move in moves {
            let sources = move.from.contains("*") ? Array(transitions.keys) : move.from.filter { transitions[$0] != nil }
            for source in sources {
                if move.to.contains("*") {
                    transitions[source] = nil
                } else {
                    transitions[source, default: []] += move.to.filter { !(transitions[source] ?? []).contains($0) }
                }
            }
        }
    }

    /// The file the profile was read from besides the defaults, if any.
    public var configPath: String?

    public init(sotClassification: String, idMatcher: IssueIDMatcher, statuses: [StatusDefinition], fields: [String],
                frontMatter: FrontMatterSchema, disclaimer: String, include: [String], exclude: [String],
                rules: [String: RuleSettings], configPath: String?) {
        self.sot.values = [sotClassification]
        self.idMatcher = idMatcher
        self.statuses = statuses
        self.statusIndex = Profile.index(statuses)
        self.fields = fields
        self.fieldIndex = Profile.index(fields)
        self.frontMatter = frontMatter
        self.disclaimer = disclaimer
        self.include = include
        self.exclude = exclude
        self.rules = rules
        self.configPath = configPath
    }

    public func status(named raw: String) -> StatusDefinition? {
        statusIndex[raw] ?? statusIndex[Profile.normalizedStatus(raw)]
    }

    private static func index(_ statuses: [StatusDefinition]) -> [String: StatusDefinition] {
        var index: [String: StatusDefinition] = [:]
        for status in statuses where index[normalizedStatus(status.name)] == nil {
            index[normalizedStatus(status.name)] = status
        }
        return index
    }

    /// The status word `normalized` opens, when that status allows the rest as its tail
    /// (`superseded-by-adr-2` is `superseded` when `superseded` takes a reference and `isID` says `ADR-2` is one).
    public func statusWithTail(_ normalized: String, words raw: String, isID: (String) -> Bool) -> StatusDefinition? {
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2 else { return nil }
        // A status word is as long as the longest status name (a hostile line of a million words costs
        // that many tries, not a million).
        let longest = statuses.reduce(1) { max($0, $1.name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).count) }
        for count in stride(from: min(words.count - 1, longest), through: 1, by: -1) {
            guard let definition = status(named: words[0..<count].joined(separator: " ")), let tail = definition.tail else { continue }
            var rest = Array(words[count...])
            switch tail {
            case .text:
                return definition
            case .reference:
                if rest.count == 2, ["by", "to", "in", "into"].contains(rest[0].lowercased()) { rest.removeFirst() }
                var id = rest.joined(separator: " ")
                while id.hasSuffix(".") { id.removeLast() }
                while id.hasPrefix("`") { id.removeFirst() }
                while id.hasSuffix("`") { id.removeLast() }
                return rest.count == 1 && isID(id) ? definition : nil
            }
        }
        return nil
    }

    /// The normalised status a written value names: itself (`In Progress.` is `in-progress`), or the status
    /// whose allowed tail follows it (`superseded by ADR-2` is `superseded`).
    public func statusName(_ written: String) -> String {
        let normalized = Profile.normalizedStatus(written)
        guard status(named: normalized) == nil,
              let definition = statusWithTail(normalized, words: written, isID: { idMatcher.matchesWhole($0) }) else { return normalized }
        return Profile.normalizedStatus(definition.name)
    }

    /// `statusName(_:)` of a status line, without normalising again what the line already holds when it
    /// names a status as written (the common case, asked for every issue by every team rule).
    public func statusName(of line: StatusLine) -> String {
        status(named: line.normalized) != nil ? line.normalized : statusName(line.raw)
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
        if let known = fieldIndex[raw.lowercased()] { return known }
        return fieldIndex[raw.lowercased().split(separator: " ").joined(separator: " ")]
    }

    private static func index(_ fields: [String]) -> [String: String] {
        var index: [String: String] = [:]
        for field in fields where index[field.lowercased()] == nil { index[field.lowercased()] = field }
        return index
    }
}
