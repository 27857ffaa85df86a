/// What a rule looks at.
public enum RuleCategory: String, Sendable, CaseIterable {
    case document
    case frontMatter = "front-matter"
    case structure
    case graph
    case secrets
    case change
}

/// A problem a rule found, before severity and suppressions are applied.
public struct Finding: Sendable, Hashable {
    public let path: String
    public let range: SourceRange
    public let message: String
    /// A safe fix, when the rule can offer one.
    public let fix: Fix?

    public init(path: String, range: SourceRange, message: String, fix: Fix? = nil) {
        self.path = path
        self.range = range
        self.message = message
        self.fix = fix
    }

    public init(_ document: SOTDocument, _ range: SourceRange, _ message: String, fix: Fix? = nil) {
        self.init(path: document.path, range: range, message: message, fix: fix)
    }

    public init(_ issue: IssueEntry, _ range: SourceRange, _ message: String) {
        self.init(path: issue.path, range: range, message: message)
    }
}

/// A rule: a type with static metadata and a check.
public protocol Rule: Sendable {
    static var metadata: RuleMetadata { get }
    init()
}

/// A rule that looks at one document at a time.
public protocol DocumentRule: Rule {
    func check(_ document: SOTDocument, context: DocumentContext) -> [Finding]
}

/// A rule that needs every SOT document of the project at once.
public protocol WorkspaceRule: Rule {
    func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding]
}

/// A rule that compares the workspace at a base revision with the current one (`--base REV`).
public protocol ChangeRule: Rule {
    func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding]
}

public struct DocumentContext: Sendable {
    public let profile: Profile
    public let settings: RuleSettings
    public let today: CalendarDate
}

public struct WorkspaceContext: Sendable {
    public let profile: Profile
    public let settings: RuleSettings
    public let today: CalendarDate
}
