import ArgumentParser
import SOTSource
import SOTModel
import SOTEngine
import SOTFix
#if canImport(Glibc)
import Glibc
#endif

/// `sot-lint rename OLD NEW [PATH…]`: the planner's edits written atomically, or shown as a diff.
struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename an issue ID everywhere its project's SOT documents define or mention it.",
        discussion: """
        Renames the heading that defines OLD and every mention of it (blockers, other fields, prose, headings, code \
        spans) in each project of the given paths that knows OLD; fenced code, front matter and other files are left \
        alone. Every file is checked before any is written (atomically, permissions kept). Refused, with nothing \
        written, when NEW is not an ID or is already defined, when OLD is unknown or defined more than once, or when \
        a document changed under the plan (exit status 2). See docs/rename.md.
        """)

    @Argument(help: ArgumentHelp("The issue ID to rename.", valueName: "OLD"))
    var oldID: String

    @Argument(help: ArgumentHelp("Its new ID.", valueName: "NEW"))
    var newID: String

    @Argument(help: "Files and folders whose projects to rename in (default: the current folder).")
    var paths: [String] = []

    @Flag(name: .long, help: "Print the changes as a unified diff; change nothing.")
    var dryRun = false

    @OptionGroup var configOptions: ConfigOptions

    /// Plans the rename in every project that knows OLD, then writes it (or, with `--dry-run`, prints it).
    func run() throws {
        let session = try configOptions.session()
        let workingDirectory = session.options.workingDirectory
        let (edits, defining) = try Self.plan(from: oldID, to: newID, in: try session.workspaces(LintRequest(paths: paths)), session: session)
        let summary = "\(oldID) to \(newID): \(Self.mentions(edits))"
        if dryRun {
            Output.write(edits.map { UnifiedDiff.render(path: $0.path, before: $0.before, after: $0.after) }.joined())
            Output.error("--dry-run: would rename \(summary); nothing was written")
            return
        }
        // Every file is checked before any is written: still as planned, and in a folder that takes a new file.
        // A document reached through a symbolic link is written where the link points, so the link stays one.
        // The heading goes last: should a write fail, running the same rename again finishes the rest.
        let ordered = edits.filter { !defining.contains($0.path) } + edits.filter { defining.contains($0.path) }
        var targets: [(path: String, mode: mode_t)] = []
        for edit in ordered {
            let absolute = FilePath.absolute(edit.path, base: workingDirectory)
            let target = FilePath.realPath(absolute) ?? absolute
            guard try FilePath.read(target) == edit.before else {
                throw SOTLintError.usage("\(edit.path): changed while the rename was planned; nothing was written, run it again")
            }
            guard access(FilePath.parent(target), W_OK) == 0 else {
                throw SOTLintError.unwritableFile(path: edit.path, reason: "its folder is not writable; nothing was written")
            }
            targets.append((target, FilePath.permissions(target) ?? 0o644))
        }
        for (edit, target) in zip(ordered, targets) {
            try AtomicFile.write(edit.after, to: target.path, mode: target.mode)
        }
        Output.write("renamed \(summary)\n")
    }

    /// The edits of every project whose workspace knows `old`, sorted by path, and the paths that define
    /// `old`; a refusal in any project refuses the whole rename (as a one-line error), so that no project is
    /// renamed halfway.
    static func plan(from old: String, to new: String, in workspaces: [Workspace],
                     session: LintSession) throws -> (edits: [IssueRename.FileEdit], defining: [String]) {
        let workingDirectory = session.options.workingDirectory
        var edits: [IssueRename.FileEdit] = []
        var defining: [String] = []
        for workspace in workspaces {
            guard let first = workspace.documents.first else { continue }
            // Each project reads IDs by its own profile: that of the folder its documents sit in; `old` may be
            // written in any spelling the profile's `ids` settings make one ID.
            let profile = try session.profile(in: FilePath.parent(FilePath.absolute(first.path, base: workingDirectory)))
            let old = profile.canonicalID(old)
            guard IssueRename.knows(old, in: workspace) else { continue }
            defining += workspace.definitions(of: old)?.map(\.path) ?? []
            do {
                edits += try IssueRename.plan(from: old, to: new, in: workspace, idMatcher: profile.idMatcher,
                                              canonical: profile.canonicalID) { path in
                    try FilePath.read(FilePath.absolute(path, base: workingDirectory))
                }
            } catch let refusal as IssueRename.Refusal {
                throw SOTLintError.usage(refusal.description)
            }
        }
        guard !edits.isEmpty else {
            throw SOTLintError.usage("`\(old)` is neither defined nor mentioned in any SOT document of the projects given")
        }
        return (edits.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, defining)
    }

    /// "5 mentions in 3 files".
    static func mentions(_ edits: [IssueRename.FileEdit]) -> String {
        let count = edits.reduce(0) { $0 + $1.ranges.count }
        return "\(count) \(count == 1 ? "mention" : "mentions") in \(edits.count) \(edits.count == 1 ? "file" : "files")"
    }
}
