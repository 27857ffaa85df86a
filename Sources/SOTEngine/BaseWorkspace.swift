import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

/// The workspace of a project as it was at a git revision (`--base REV`), read from git's objects,
/// never from the working tree; and the commits between that revision and HEAD, for the rules about one
/// change at a time.
package struct BaseWorkspace {
    private let project: LintInputs.Project
    private let repository: GitRepository
    private let phrases: [DeclaredInvariant.Kind: InvariantPhrases]
    /// Turns an absolute path into the path the run reports it under.
    private let display: (String) -> String

    package init(project: LintInputs.Project, phrases: [DeclaredInvariant.Kind: InvariantPhrases],
                 display: @escaping (String) -> String) throws(SOTLintError) {
        self.project = project
        self.phrases = phrases
        self.display = display
        repository = try GitRepository.find(from: project.location.root, purpose: "--base")
    }

    /// The commit `revision` names, or the one-line error that says why there is none.
    package func commit(_ revision: String) throws(SOTLintError) -> String {
        try repository.commit(revision)
    }

    /// The project's workspace at `commit` (`commit(_:)`).
    package func load(commit: String) throws(SOTLintError) -> Workspace {
        let files = try repository.files(at: commit)
        let nested = nestedRoots(files.map(\.path))
        let candidates = files.compactMap { file -> (path: String, blob: String)? in
            belongs(file.path, nested: nested) ? file : nil
        }
        let contents = try repository.blobs(candidates.map(\.blob))
        return Workspace(documents: candidates.compactMap { document($0.path, contents[$0.blob]) })
    }

    /// The steps from the `base` commit to `head`: each commit reachable from HEAD and not from the base, then
    /// the changes not committed yet (the index with `staged`, otherwise the working tree). Nil when HEAD is
    /// the base commit (or there is no HEAD): then the whole change is one step, revision to head.
    /// Only the documents each step changed are read, in batches, and only SOT documents are kept, so time
    /// and memory grow with what the commits changed.
    package func history(from base: String, to head: Workspace, staged: Bool) throws(SOTLintError) -> ChangeHistory? {
        guard let tip = try repository.headCommit(), tip != base else { return nil }
        let tipFiles = try repository.files(at: tip)
        let nested = nestedRoots(tipFiles.map(\.path))
        // Each side of a step is a list of (path, object): a blob id, or `<parent>:<path>` for a merge's
        // other parents (the same path there; an issue that sits in another file in that parent counts
        // as absent, which never makes a move).
        typealias Side = [(path: String, object: String?)]
        var plans: [(change: String, before: [Side], after: Side)] = []
        for commit in try repository.commits(from: base, to: tip, pathspecs: ["*.md", "*.markdown"]) where !commit.parents.isEmpty {
            let changes = commit.changes.filter { belongs($0.path, nested: nested) && !$0.path.contains("\n") }
            guard !changes.isEmpty else { continue }
            let others = commit.parents.dropFirst().map { parent in changes.map { (path: $0.path, object: Optional(parent + ":" + $0.path)) } }
            plans.append(("commit \(commit.commit.prefix(12))", [changes.map { ($0.path, $0.before) }] + others,
                          changes.map { ($0.path, $0.after) }))
        }
        // What is not committed yet: the files it changes, as HEAD has them and as the head workspace does.
        let pending = try repository.changedPaths(since: tip, staged: staged).filter { belongs($0, nested: nested) }
        let pendingSet = Set(pending)
        let pendingTip: Side = tipFiles.filter { pendingSet.contains($0.path) }.map { ($0.path, $0.blob) }
        var paths: [String: Set<String>] = [:]
        for side in plans.flatMap({ $0.before + [$0.after] }) + [pendingTip] {
            for file in side { if let object = file.object { paths[object, default: []].insert(file.path) } }
        }
        // Read in batches: an SOT document is kept as its summary, every other blob is dropped once looked at.
        var documents: [String: WorkspaceDocument] = [:]
        let objects = paths.keys.sorted()
        for start in stride(from: 0, to: objects.count, by: 512) {
            let batch = Array(objects[start..<min(objects.count, start + 512)])
            let contents = try repository.blobs(batch)
            for object in batch {
                guard let bytes = contents[object] else { continue }
                for path in paths[object] ?? [] {
                    if let built = document(path, bytes) { documents[path + "\u{0}" + object] = built }
                }
            }
        }
        func workspace(_ side: Side) -> Workspace {
            Workspace(documents: side.compactMap { file in file.object.flatMap { documents[file.path + "\u{0}" + $0] } })
        }
        var steps = plans.map { ChangeHistory.Step(change: $0.change, before: $0.before.map(workspace), after: workspace($0.after)) }
        let pendingDisplay = Set(pending.map { display(FilePath.join(repository.topLevel, $0)) })
        let pendingHead = Workspace(documents: head.documents.filter { pendingDisplay.contains($0.path) })
        steps.append(ChangeHistory.Step(change: staged ? "the staged changes" : "the uncommitted changes",
                                        before: [workspace(pendingTip)], after: pendingHead))
        return ChangeHistory(steps: steps)
    }

    /// Folders of the tree with their own `.sot-lint.yml`: other projects, with a trailing slash.
    private func nestedRoots(_ paths: [String]) -> [String] {
        let root = project.location.root
        return paths.compactMap { path -> String? in
            guard path == ProjectRoot.configName || path.hasSuffix("/" + ProjectRoot.configName) else { return nil }
            let folder = FilePath.parent(FilePath.join(repository.topLevel, path))
            return folder != root && folder.hasPrefix(root + "/") ? folder + "/" : nil
        }
    }

    /// A Markdown file of the tree (relative to the top level) belongs to the project's workspace.
    private func belongs(_ path: String, nested: [String]) -> Bool {
        let root = project.location.root
        let absolute = FilePath.join(repository.topLevel, path)
        return absolute.hasPrefix(root == "/" ? "/" : root + "/") && LintInputs.isMarkdown(path)
            && project.isIncluded(absolute) && !nested.contains(where: { absolute.hasPrefix($0) })
    }

    /// The SOT document a blob holds at `path` (from the top level), if it is one.
    private func document(_ path: String, _ bytes: [UInt8]?) -> WorkspaceDocument? {
        let absolute = FilePath.join(repository.topLevel, path)
        let relative = FilePath.relative(absolute, to: project.location.root)
        guard let bytes, project.profile.isSOTByPath(relative) || ByteSearch.contains(bytes, Array(project.profile.sot.marker.utf8)) else {
            return nil
        }
        let document = DocumentBuilder.build(SourceText(path: display(absolute), bytes: bytes), profile: project.profile, relativePath: relative)
        return document.isSOT ? WorkspaceDocument(document, profile: project.profile, phrases: phrases) : nil
    }
}
