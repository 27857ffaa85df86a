import SOTSource
import SOTSyntax
import SOTModel

/// What a document, dated, workspace, change or project rule knows besides its input: the profile, its
/// own settings, and the day it runs on.
public struct RuleContext: Sendable {
    public let profile: Profile
    public let settings: RuleSettings
    public let today: CalendarDate
    /// The paths whose findings the run reports, nil for every path. The engine drops findings on other
    /// paths; a workspace rule may skip the work for them (an editor's save of one document in a
    /// workspace of thousands).
    public var focus: Set<String>?

    public init(profile: Profile, settings: RuleSettings, today: CalendarDate, focus: Set<String>? = nil) {
        self.profile = profile
        self.settings = settings
        self.today = today
        self.focus = focus
    }

    /// True when findings on `path` are reported.
    public func reports(_ path: String) -> Bool {
        focus?.contains(path) ?? true
    }
}

public typealias DocumentContext = RuleContext
public typealias WorkspaceContext = RuleContext

/// What a content rule knows besides the file.
public struct ContentContext: Sendable {
    public let profile: Profile
    public let settings: RuleSettings

    public init(profile: Profile, settings: RuleSettings) {
        self.profile = profile
        self.settings = settings
    }
}

/// The part of a document that rules about today's date read: kept with the cached analysis.
public struct DatedFacts: Sendable {
    public let path: String
    public let isSOT: Bool
    public let frontMatter: FrontMatter

    public init(path: String, isSOT: Bool, frontMatter: FrontMatter) {
        self.path = path
        self.isSOT = isSOT
        self.frontMatter = frontMatter
    }
}

/// One text file for the content rules. Analyses several rules share (one secret scan for two rules)
/// are computed once per file through `shared`.
public final class ContentFile: @unchecked Sendable {
    public let source: SourceText
    public let markdown: Bool
    /// A Markdown file's code regions from the document's parse; nil when the file was not parsed (added
    /// lines of a commit), and the secret scan parses what it needs itself.
    public let code: MarkdownCodeRegions?
    private var memo: [String: Any] = [:]

    public init(source: SourceText, markdown: Bool, code: MarkdownCodeRegions? = nil) {
        self.source = source
        self.markdown = markdown
        self.code = code
    }

    /// The value stored under `key`, computed on first use. A file is checked on one thread.
    public func shared<Value>(_ key: String, _ compute: () -> Value) -> Value {
        if let value = memo[key] as? Value { return value }
        let value = compute()
        memo[key] = value
        return value
    }
}

/// What a content rule found in one file.
public struct ContentFindings: Sendable {
    public var findings: [Finding]
    /// Byte strings (secrets) that no message, path or fix of the run may quote.
    public var redact: [[UInt8]]
    /// Facts for project rules (the fingerprints of `secrets.allow` that matched).
    public var facts: Set<String>

    public init(findings: [Finding] = [], redact: [[UInt8]] = [], facts: Set<String> = []) {
        self.findings = findings
        self.redact = redact
        self.facts = facts
    }
}

/// What a project rule sees after every file of a project was checked.
public struct ProjectFacts: Sendable {
    /// The project's root folder itself was linted: a partial run cannot tell what is unused.
    public let wholeProject: Bool
    /// The configuration file as the run shows it, and its bytes.
    public let configPath: String?
    public let configBytes: [UInt8]?
    /// Union of every file's `ContentFindings.facts`.
    public let facts: Set<String>

    public init(wholeProject: Bool, configPath: String?, configBytes: [UInt8]?, facts: Set<String>) {
        self.wholeProject = wholeProject
        self.configPath = configPath
        self.configBytes = configBytes
        self.facts = facts
    }
}
