import ArgumentParser
import SOTSource
import SOTModel
import SOTEngine
import SOTReport

extension ReadyQueueRenderer.Format: ExpressibleByArgument {}

/// What `model`, `ready` and `show` share: one lint with the full model, then each project's export.
struct ModelInputs: ParsableArguments {
    @Argument(help: "Files and folders whose projects to read (default: the current folder).")
    var paths: [String] = []

    @OptionGroup var configOptions: ConfigOptions

    /// Each project's model, in root order. `detail` `.index` leaves out the fields and front matter (for
    /// output that shows neither); readiness, blockers and findings are the same.
    func models(detail: ModelDetail = .full) throws -> [WorkspaceModelExport] {
        let session = try configOptions.session(detail: detail)
        let report = try session.lint(LintRequest(paths: paths))
        if let error = report.fileErrors.first { throw error }
        let models = zip(report.workspaces, report.projects).map { workspace, project in
            WorkspaceModelExport(workspace: workspace, project: project, diagnostics: report.diagnostics, toolVersion: SOTLintVersion.current)
        }
        // Freed by the operating system at exit, not object by object.
        ProcessLifetime.keep(report)
        ProcessLifetime.keep(models)
        return models
    }
}

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Write the validated workspace as JSON: documents, issues, blockers, readiness, findings (docs/model.md).",
        discussion: "Exit status 0 when written (findings are part of the model), 2 for a usage, configuration or I/O error.")

    @OptionGroup var inputs: ModelInputs

    @Option(name: .long, help: ArgumentHelp("Write the model to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let models = try inputs.models()
        guard models.count <= 1 else {
            throw SOTLintError.usage("model: the paths belong to \(models.count) projects (\(models.map(\.root).joined(separator: ", "))); name one project")
        }
        let json = (models.first ?? WorkspaceModelExport.empty(toolVersion: SOTLintVersion.current)).jsonChunks()
        ProcessLifetime.keep(json)
        if let output {
            let absolute = FilePath.absolute(output, base: FilePath.currentDirectory())
            try AtomicFile.write(chunks: json, to: absolute, mode: FilePath.permissions(absolute) ?? 0o644)
        } else {
            for chunk in json { chunk.withUnsafeBufferPointer { Output.write(bytes: $0) } }
        }
    }
}

struct ReadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready",
        abstract: "List the issues that can be worked on now (or, with --blocked, the others and why).",
        discussion: """
        Ready: the status is in a category of the profile's `ready.categories` (default active, blocked, accepted) \
        and not in `ready.except` (default draft), the issue is in no blocked-by cycle, and every issue it is \
        blocked by is defined and resolved. Text: `ID  status  title  path:line` in document order. Exit status 0, \
        2 for a usage, configuration or I/O error.
        """)

    @OptionGroup var inputs: ModelInputs

    @Flag(name: .long, help: "List the issues that are not ready, each with why.")
    var blocked = false

    @Option(name: .long, help: "Output format.")
    var format: ReadyQueueRenderer.Format = .text

    func run() throws {
        // The text lines show no fields: the lint keeps none (as `lint` does).
        let models = try inputs.models(detail: format == .text ? .index : .full)
        Output.write(ReadyQueueRenderer.queue(models, blocked: blocked, format: format))
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one issue: status, place, readiness, blockers, dependants and findings.",
        discussion: "Exit status 0, 2 when no project of the paths defines the ID (or a usage, configuration or I/O error).")

    @Argument(help: "The issue ID.")
    var id: String

    @OptionGroup var inputs: ModelInputs

    @Option(name: .long, help: "Output format.")
    var format: ReadyQueueRenderer.Format = .text

    func run() throws {
        let models = try inputs.models()
        // The ID as the profile knows it (`ids:`: `task-3` is `TASK-3` when IDs ignore case).
        let session = try inputs.configOptions.session()
        let known = try session.profile(in: inputs.paths.first).canonicalID(id)
        guard let shown = ReadyQueueRenderer.show(known, in: models, format: format) else {
            throw SOTLintError.usage("show: `\(id)` is not defined in the workspace of \(inputs.paths.isEmpty ? "." : inputs.paths.joined(separator: ", "))")
        }
        Output.write(shown)
    }
}
