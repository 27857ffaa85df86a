import ArgumentParser
import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine
import SOTReport
import SOTFix

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
        let session = try configOptions.session(detail: .full)
        Output.write(BlockedByGraphRenderer(workspaces: try session.workspaces(LintRequest(paths: paths))).render(format))
    }
}
