import ArgumentParser
import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine
import SOTReport
import SOTFix

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
        Output.write(RuleDocumentation.list(profile: try configOptions.session().profile()))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's rationale, options and examples, or what a secret detector finds.")

    @Argument(help: "A rule id, as `sot-lint rules` lists it, or a secret detector id (`sot-lint explain secret-leak` lists them).",
              completion: .list(RuleSet.builtIn.ids + RuleDocumentation.detectorIDs))
    var rule: String

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let profile = try configOptions.session().profile()
        guard let text = RuleDocumentation.explain(rule, profile: profile) ?? RuleDocumentation.explainDetector(rule) else {
            throw ValidationError("unknown rule or secret detector `\(rule)`"
                                  + Suggestion.didYouMean(rule, among: RuleSet.builtIn.ids + RuleDocumentation.detectorIDs))
        }
        Output.write(text)
    }
}
