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
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, GraphCommand.self, HookCommand.self, BaselineCommand.self],
        defaultSubcommand: LintCommand.self)
}

