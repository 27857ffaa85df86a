import ArgumentParser
import SOTSource
import SOTEngine

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record today's findings in each project's .sot-lint-baseline.json; later runs report only new ones.",
        discussion: """
        An entry is a rule, a path, the issue holding the finding and a fingerprint of its message — never \
        the message, a source line or a secret. Linting part of a project replaces that part's entries. \
        `sot-lint --no-baseline` shows every finding again.
        """)

    @Argument(help: "Files and folders whose findings to record (default: the current folder).")
    var paths: [String] = []

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let session = try configOptions.session()
        let (_, written) = try session.recordBaseline(LintRequest(paths: paths))
        for record in written {
            Output.error("recorded \(record.findings) \(record.findings == 1 ? "finding" : "findings") in \(record.path)")
        }
    }
}
