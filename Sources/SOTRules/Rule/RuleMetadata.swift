import SOTSource
import SOTSyntax
import SOTModel

/// An option a rule reads from the profile.
public struct RuleOption: Sendable {
    public let name: String
    public let defaultValue: OptionValue
    public let summary: String
    /// The only values the option (or each item of a list) may take, when it is a closed set.
    public let choices: [String]?

    public init(_ name: String, default defaultValue: OptionValue, _ summary: String, choices: [String]? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.choices = choices
    }
}

/// A file of an example workspace. `↓` marks where a finding of the rule must start.
public struct ExampleFile: Sendable {
    public let name: String
    public let text: String

    public init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }

    public static let marker: Character = "↓"

    /// The text with every marker removed.
    public var cleanText: String { text.filter { $0 != Self.marker } }

    /// Positions of the markers in the clean text (1-based line, column in Unicode scalars).
    public var markedPositions: [SourcePosition] {
        var positions: [SourcePosition] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                positions.append(SourcePosition(line: line, column: column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else if scalar != "\r" && !(line == 1 && column == 1 && scalar == "\u{FEFF}") {
                column += 1
            }
        }
        return positions
    }
}

/// A small workspace that shows the rule: `triggers` tells whether it must produce findings
/// (exactly at the markers) or none at all.
public struct RuleExample: Sendable {
    public let summary: String
    public let files: [ExampleFile]
    public let triggers: Bool
    /// The date the example is checked against (`YYYY-MM-DD`).
    public let today: String
    /// A `.sot-lint.yml` for the example, if it needs one.
    public let config: String?
    /// For change rules: the files at the base revision (the example runs with `--base` on a git
    /// repository whose last commit holds these, and `files` in the working tree).
    public let baseFiles: [ExampleFile]?

    package init(summary: String, files: [ExampleFile], triggers: Bool, today: String, config: String?,
         baseFiles: [ExampleFile]? = nil) {
        self.summary = summary
        self.files = files
        self.triggers = triggers
        self.today = today
        self.config = config
        self.baseFiles = baseFiles
    }

    public static func valid(_ summary: String, base: [ExampleFile], head: [ExampleFile]) -> RuleExample {
        RuleExample(summary: summary, files: head, triggers: false, today: defaultToday, config: nil, baseFiles: base)
    }

    public static func invalid(_ summary: String, base: [ExampleFile], head: [ExampleFile]) -> RuleExample {
        RuleExample(summary: summary, files: head, triggers: true, today: defaultToday, config: nil, baseFiles: base)
    }

    public static let defaultToday = "2026-06-15"

    public static func valid(_ summary: String, _ text: String, today: String = defaultToday, config: String? = nil) -> RuleExample {
        RuleExample(summary: summary, files: [ExampleFile("doc.md", text)], triggers: false, today: today, config: config)
    }

    public static func invalid(_ summary: String, _ text: String, today: String = defaultToday, config: String? = nil) -> RuleExample {
        RuleExample(summary: summary, files: [ExampleFile("doc.md", text)], triggers: true, today: today, config: config)
    }

    public static func valid(_ summary: String, files: [ExampleFile], today: String = defaultToday) -> RuleExample {
        RuleExample(summary: summary, files: files, triggers: false, today: today, config: nil)
    }

    public static func invalid(_ summary: String, files: [ExampleFile], today: String = defaultToday) -> RuleExample {
        RuleExample(summary: summary, files: files, triggers: true, today: today, config: nil)
    }
}

/// Everything a user can learn about a rule: `sot-lint explain ID` prints it, the example test runs it.
public struct RuleMetadata: Sendable {
    public let id: String
    public let category: RuleCategory
    public let defaultSeverity: Severity
    public let summary: String
    public let rationale: String
    public let options: [RuleOption]
    /// Built each time they are read: only `explain`, the docs and the example tests read them, and
    /// building every rule's examples took over a millisecond of each process's start.
    public var examples: [RuleExample] { makeExamples() }
    private let makeExamples: @Sendable () -> [RuleExample]
    /// Inline `sot-lint-disable` directives can silence its findings (not so for secrets).
    public let suppressible: Bool
    /// On unless the profile turns it off; a rule off by default (`rules/default.yml` says `off`) reports
    /// at `defaultSeverity` once turned on.
    public let onByDefault: Bool
    /// The acceptance items this rule's `phrases` option turns into declared invariants of this kind,
    /// which the workspace model records for the rule.
    public let declaresInvariants: DeclaredInvariant.Kind?

    public init(id: String, category: RuleCategory, defaultSeverity: Severity, summary: String, rationale: String,
                options: [RuleOption] = [], examples: @autoclosure @escaping @Sendable () -> [RuleExample], suppressible: Bool = true,
                declaresInvariants: DeclaredInvariant.Kind? = nil, onByDefault: Bool = true) {
        self.id = id
        self.suppressible = suppressible
        self.onByDefault = onByDefault
        self.declaresInvariants = declaresInvariants
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.options = options
        makeExamples = examples
    }
}
