import ArgumentParser
import SOTLint

extension BlockedByGraphRenderer.Format: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the blocked-by graph of the workspace: issues with status, blocked-by edges, cycles highlighted.")

    @Argument(help: "Files and folders whose projects' workspaces to draw (default: the current folder).")
    var paths: [String] = []

    @Option(name: .long, help: "Graph format.")
    var format: BlockedByGraphRenderer.Format = .mermaid

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let request = LintRequest(paths: paths, config: try configOptions.choice())
        Output.write(BlockedByGraphRenderer(workspaces: try Linter.workspaces(request)).render(format))
    }
}
