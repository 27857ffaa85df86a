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
                                                          HookCommand.self, BaselineCommand.self]
}

/// The command tree shell completion is generated from: `sot-lint`'s, with `lint`'s options also at the top,
/// where `lint` is implied (`sot-lint --format <TAB>` offers the formats). Never run.
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sot-lint", version: SOTLintVersion.current, subcommands: SOTLintCommand.subcommands, defaultSubcommand: LintCommand.self)

    @OptionGroup var lint: LintOptions
}

