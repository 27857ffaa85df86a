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

    @Flag(name: .long, help: "Print the whole rule reference (rationale, options, examples) as Markdown, the project's team rules included.")
    var markdown = false

    @Flag(name: .long, help: "Print the secret detector catalog as Markdown.")
    var secretsMarkdown = false

    func run() throws {
        if markdown {
            Output.write(RuleDocumentation.markdown(profile: try configOptions.session().profile()))
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
                                  + Suggestion.didYouMean(rule, among: RuleSet.builtIn.adding(userRulesOf: profile).ids + RuleDocumentation.detectorIDs))
        }
        Output.write(text)
    }
}

struct TestRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-rules",
        abstract: "Run the examples of the project's own rules (`rule_files`): invalid ones must trigger their rule where `↓` marks, valid ones not at all.")

    @Argument(help: "The project folder (default: the current one).", completion: .directory)
    var folder: String?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let outcomes = try configOptions.session().testTeamRules(in: folder)
        guard !outcomes.isEmpty else {
            Output.error("no team rules: the configuration names no `rule_files` (see docs/user-rules.md)")
            return
        }
        var failed = 0
        for outcome in outcomes {
            let kind = outcome.example.triggers ? "invalid" : "valid"
            if outcome.problems.isEmpty {
                Output.write("ok    \(outcome.rule)  \(kind): \(outcome.example.summary)\n")
            } else {
                failed += 1
                Output.write("FAIL  \(outcome.rule)  \(kind): \(outcome.example.summary)\n")
                for problem in outcome.problems { Output.write("      \(problem)\n") }
            }
        }
        let rules = Set(outcomes.map(\.rule)).count
        let examples = "\(outcomes.count) \(outcomes.count == 1 ? "example" : "examples") of \(rules) \(rules == 1 ? "rule" : "rules")"
        Output.error(failed == 0 ? "\(examples): all passed" : "\(examples): \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
