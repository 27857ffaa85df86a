import ArgumentParser
import SOTSource

struct SOTLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sot-lint",
        abstract: "Lint source-of-truth planning documents: front matter, issue sections, blockers, invariants.",
        discussion: """
        Exit status: 0 when no error-severity finding, 1 when there are errors (or more warnings than \
        --max-warnings), 2 for a usage, configuration or I/O error.
        """,
        version: SOTLintVersion.current,
        subcommands: subcommands,
        defaultSubcommand: LintCommand.self)

    static let subcommands: [any ParsableCommand.Type] = [LintCommand.self, RulesCommand.self, ExplainCommand.self, GraphCommand.self,
                                                          HookCommand.self, BaselineCommand.self, SecretsCommand.self, LspCommand.self,
                                                          RenameCommand.self, ModelCommand.self, ReadyCommand.self, ShowCommand.self,
                                                          TestRulesCommand.self]
}

/// The command tree shell completion is generated from: `sot-lint`'s, with `lint`'s options also at the top,
/// where `lint` is implied (`sot-lint --format <TAB>` offers the formats). Never run.
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sot-lint", version: SOTLintVersion.current, subcommands: SOTLintCommand.subcommands, defaultSubcommand: LintCommand.self)

    /// `lint` itself as a group: its options at the top. (A type for the options alone, shared with
    /// `lint`, cost every run about a millisecond of argument-parsing reflection.)
    @OptionGroup var lint: LintCommand

    /// The generated script without the top level's positional `paths`, which would otherwise take the
    /// subcommand's place (`sot-lint explain <TAB>`): the first declaration of them, the top level's, is
    /// made a declaration of none, in whichever of the three shells the script is for.
    static func script(_ generated: String) -> String {
        let topLevel = [
            ("__sot-lint_offer_flags_options -1\n", "__sot-lint_offer_flags_options 0\n"),  // bash
            ("        '*:paths:'\n", ""),  // zsh
            ("__sot-lint_parse_subcommand -r 1 ", "__sot-lint_parse_subcommand 0 "),  // fish
        ]
        for (declared, none) in topLevel {
            if let range = generated.range(of: declared) { return generated.replacingCharacters(in: range, with: none) }
        }
        return generated
    }
}

