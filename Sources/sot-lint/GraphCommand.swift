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
        let projects = try session.projectWorkspaces(LintRequest(paths: paths)).map { ($0.workspace, $0.project.ready) }
        Output.write(BlockedByGraphRenderer(projects: projects).render(format))
    }
}
