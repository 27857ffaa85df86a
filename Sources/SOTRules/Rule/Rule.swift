import SOTSource
import SOTSyntax
import SOTModel

/// A rule: an instance in the rule set, with its metadata (id, severity, examples) — its type's for a
/// built-in rule (`BuiltInRule`), its file's for a team's own (`UserRule`).
/// What it checks is given by the kind it conforms to; the engine runs every kind generically.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    // Each kind answers for itself (defaults below), so sorting a rule set needs no dynamic cast.
    var asDocumentRule: (any DocumentRule)? { get }
    var asDatedRule: (any DatedRule)? { get }
    var asWorkspaceRule: (any WorkspaceRule)? { get }
    var asChangeRule: (any ChangeRule)? { get }
    var asContentRule: (any ContentRule)? { get }
    var asProjectRule: (any ProjectRule)? { get }
    var asSuppressionRule: (any SuppressionRule)? { get }
}

/// A rule of sot-lint's own: its metadata belongs to its type.
public protocol BuiltInRule: Rule {
    static var metadata: RuleMetadata { get }
}

extension BuiltInRule {
    public var metadata: RuleMetadata { Self.metadata }
}

extension Rule {
    public var asDocumentRule: (any DocumentRule)? { nil }
    public var asDatedRule: (any DatedRule)? { nil }
    public var asWorkspaceRule: (any WorkspaceRule)? { nil }
    public var asChangeRule: (any ChangeRule)? { nil }
    public var asContentRule: (any ContentRule)? { nil }
    public var asProjectRule: (any ProjectRule)? { nil }
    public var asSuppressionRule: (any SuppressionRule)? { nil }
}

extension DocumentRule { public var asDocumentRule: (any DocumentRule)? { self } }
extension DatedRule { public var asDatedRule: (any DatedRule)? { self } }
extension WorkspaceRule { public var asWorkspaceRule: (any WorkspaceRule)? { self } }
extension ChangeRule { public var asChangeRule: (any ChangeRule)? { self } }
extension ContentRule { public var asContentRule: (any ContentRule)? { self } }
extension ProjectRule { public var asProjectRule: (any ProjectRule)? { self } }
extension SuppressionRule { public var asSuppressionRule: (any SuppressionRule)? { self } }

/// Looks at one Markdown document at a time. Its findings are cached with the file's analysis.
public protocol DocumentRule: Rule {
    func check(_ document: SOTDocument, context: DocumentContext) -> [Finding]
}

/// Looks at a document's front matter in the light of today's date: runs after the cache, every time.
public protocol DatedRule: Rule {
    func check(_ document: DatedFacts, context: DocumentContext) -> [Finding]
}

/// Needs every SOT document of the project at once.
public protocol WorkspaceRule: Rule {
    func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding]
}

/// Compares the workspace at a base revision with the current one (`--base REV`).
public protocol ChangeRule: Rule {
    func check(base: Workspace, head: Workspace, context: WorkspaceContext) -> [Finding]
    /// A rule about one change at a time (one commit) answers this when the change spans several commits;
    /// its findings are placed in `head`. The default, nil, compares the base with the head as a whole.
    func check(history: ChangeHistory, head: Workspace, context: WorkspaceContext) -> [Finding]?
    /// The rule answers `check(history:head:context:)`: the engine reads the commits only for such rules.
    static var checksEachCommit: Bool { get }
}

extension ChangeRule {
    public func check(history: ChangeHistory, head: Workspace, context: WorkspaceContext) -> [Finding]? { nil }
    public static var checksEachCommit: Bool { false }
}

/// Looks at the bytes of every text file, Markdown or not (the secret scan). `redact` are byte strings
/// no report may quote; `facts` are what the file contributed to project-wide checks.
public protocol ContentRule: Rule {
    func check(_ file: ContentFile, context: ContentContext) -> ContentFindings
    /// The rule also reads what each commit added (`--base`, `sot-lint secrets --history`): the engine hands
    /// it each file's added lines (with a line of context either side) as a file of their own and keeps the
    /// findings that start on an added line.
    static var checksAddedText: Bool { get }
}

extension ContentRule {
    public static var checksAddedText: Bool { false }
}

/// Runs once per project after every file: checks what files contributed (`ContentFindings.facts`)
/// against the configuration.
public protocol ProjectRule: Rule {
    func check(_ project: ProjectFacts, context: WorkspaceContext) -> [Finding]
}

/// Reports the inline suppression directives of a document that suppressed nothing.
public protocol SuppressionRule: Rule {
    func check(unused: [Finding], context: DocumentContext) -> [Finding]
}
