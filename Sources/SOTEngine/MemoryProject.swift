import SOTSource
import SOTModel
import SOTRules
import SOTSecrets

/// A file held in memory, named by its path inside an in-memory project.
public struct MemoryFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension LintSession {
    /// Lints files held in memory as one whole project — text in, diagnostics out, no disk and no git:
    /// the harness rule tests and examples run on. `config` is the project's `.sot-lint.yml` text;
    /// `base`, when given, is the project as it was before the change (for the change rules).
    /// Markdown files (`.md`, `.markdown`) get every rule; other files the secret scan.
    public func lint(files: [MemoryFile], config: String? = nil, base: [MemoryFile]? = nil) throws(SOTLintError) -> LintReport {
        let configPath = config == nil ? nil : ProjectRoot.configName
        let profile = try ProfileLoader.load(configText: config, configPath: configPath, rules: options.rules.declarations,
                                             detectors: SecretCatalog.builtInIDs)
        return try lint(files: files, profile: profile, config: config, base: base)
    }

    /// `lint(files:config:base:)` under a profile already read (a project's, with its team rules, for
    /// `sot-lint test-rules`); `config` is the configuration text, if any, for the rules that read it.
    public func lint(files: [MemoryFile], profile: Profile, config: String? = nil, base: [MemoryFile]? = nil) throws(SOTLintError) -> LintReport {
        let root = "/"
        var profile = profile
        // In memory the configuration is `config`, never the file the profile was read from.
        if config == nil { profile.configPath = nil }
        let project = LintInputs.Project(location: ProjectRoot.Location(root: root, configFile: nil, gitTop: nil), profile: profile,
                                         discovery: FileDiscovery(ignoreRoot: root))
        let targets = files.map { file in
            LintInputs.Target(displayPath: file.path, absolutePath: FilePath.absolute(file.path, base: root), project: root,
                              markdown: LintInputs.isMarkdown(file.path), scanSecrets: true, bytes: file.bytes)
        }
        let baseSource = base.map { files in
            ProjectLint.BaseSource.files(files.filter { LintInputs.isMarkdown($0.path) }.map {
                LintInputs.ContextFile(display: $0.path, absolute: FilePath.absolute($0.path, base: root), bytes: $0.bytes)
            })
        }
        var lint = ProjectLint(project: project, rules: options.rules, today: options.today, detail: options.detail, wholeProject: true,
                               workingDirectory: root, base: baseSource, reportsDeletions: true, index: nil, memory: nil)
        lint.configBytes = config.map { Array($0.utf8) }
        return Self.report([try lint.lint(targets: targets) { [] }], fileCount: targets.count)
    }
}
