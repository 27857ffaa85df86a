import ArgumentParser
import SOTLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its severity and summary.")

    @OptionGroup var configOptions: ConfigOptions

    @Flag(name: .long, help: "Print the whole rule reference (rationale, options, examples) as Markdown.")
    var markdown = false

    @Flag(name: .long, help: "Print the secret detector catalog as Markdown.")
    var secretsMarkdown = false

    func run() throws {
        if markdown {
            Output.write(RuleDocumentation.markdown())
            return
        }
        if secretsMarkdown {
            Output.write(RuleDocumentation.secretsMarkdown())
            return
        }
        Output.write(RuleDocumentation.list(profile: try ProfileChoice.load(try configOptions.choice())))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's rationale, options and examples.")

    @Argument(help: "The rule id, as `sot-lint rules` lists it.")
    var rule: String

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let profile = try ProfileChoice.load(try configOptions.choice())
        guard let text = RuleDocumentation.explain(rule, profile: profile) else {
            throw ValidationError("unknown rule `\(rule)`" + Suggestion.didYouMean(rule, among: RuleRegistry.ids))
        }
        Output.write(text)
    }
}

/// The profile `rules` and `explain` describe: the current folder's project configuration by default.
enum ProfileChoice {
    static func load(_ choice: ConfigChoice) throws -> Profile {
        switch choice {
        case .none:
            return try ProfileLoader.defaultProfile()
        case .file(let path):
            return try ProfileLoader.load(configText: String(decoding: try FilePath.read(path), as: UTF8.self), configPath: path)
        case .discover:
            let location = ProjectRoot.find(from: FilePath.currentDirectory())
            guard let file = location.configFile else { return try ProfileLoader.defaultProfile() }
            let shown = FilePath.relative(file, to: FilePath.currentDirectory())
            return try ProfileLoader.load(configText: String(decoding: try FilePath.read(file), as: UTF8.self), configPath: shown)
        }
    }
}
