import Foundation
import SOTSource
import SOTModel

/// What a long-lived session (the language server) keeps of the disk between its lints: each project's
/// resolved profile, the walk of its Markdown files, and each other document's workspace summary.
///
/// Until the session is told that every change on disk will be reported (`LintSession.watchFiles`), a
/// summary is used only while its file's stat is unchanged, and projects and walks are not kept: a lint
/// sees the disk as a new process would. Once it is told, nothing is checked again until a change names
/// it (`changed(_:)`): an edit in a 10,000-document workspace touches one document, not 10,000 stats.
/// Either way a lint gives what a lint without this memory gives.
///
/// It also keeps the last profile each configuration file gave: when the file is then broken, the session
/// goes on with that profile and says why (`LintReport.configurationProblems`).
package final class DiskMemory: @unchecked Sendable {
    private struct Summary {
        let stat: FileStat?
        let profile: String
        let document: WorkspaceDocument?
    }

    private let lock = NSLock()
    private var trusted = false
    private var projects: [String: LintInputs.Project] = [:]
    private var walks: [String: [String]] = [:]
    private var summaries: [String: Summary] = [:]
    private var lastGood: [String: Profile] = [:]
    /// The files profiles were read from besides configurations (`Profile.sourceFiles`): a change to one is
    /// a change of a profile.
    private var profileFiles: Set<String> = []
    /// Counts the changes reported: what was built from the memory is valid while it stays the same.
    private var generation = 0
    /// Each project's last workspace, with the generation it was built at and the documents that did not come
    /// from this memory (targets and buffers), by path: the next lint replaces only those.
    private var built: [String: (generation: Int, fresh: [String], workspace: Workspace)] = [:]

    package init() {}

    /// Every change on disk will be reported from now on (true), or no longer (false: everything kept
    /// that a stat cannot vouch for is dropped).
    package func trust(_ on: Bool) {
        lock.lock()
        defer { lock.unlock() }
        trusted = on
        generation += 1
        if !on {
            projects = [:]
            walks = [:]
        }
    }

    /// Forgets what `changes` (absolute paths) make stale: the changed documents; on a file created or
    /// deleted (which may be a folder) the walks and what was under it; on a configuration or ignore file,
    /// everything but the last good profiles. Linear in the changes plus, when something was created or
    /// deleted, the summaries kept times their depth.
    package func changed(_ changes: [LintSession.FileChange]) {
        lock.lock()
        defer { lock.unlock() }
        generation += 1
        built = [:]
        var appearedOrGone: Set<String> = []
        for change in changes {
            let path: String
            switch change {
            case .created(let created): path = created
            case .deleted(let deleted): path = deleted
            case .changed(let changed):
                guard !shapesProjects(changed) else { return forgetAll() }
                summaries[changed] = nil
                continue
            }
            guard !shapesProjects(path) else { return forgetAll() }
            appearedOrGone.insert(path)
        }
        guard !appearedOrGone.isEmpty else { return }
        walks = [:]
        // A path created or deleted may be a folder: every summary at or below it goes, each key's folders
        // looked up in the set once.
        for key in Array(summaries.keys) {
            var folder = key
            while !folder.isEmpty, folder != "/" {
                if appearedOrGone.contains(folder) {
                    summaries[key] = nil
                    break
                }
                folder = FilePath.parent(folder)
            }
        }
    }

    /// Everything but the last good profiles (lock held).
    private func forgetAll() {
        projects = [:]
        walks = [:]
        summaries = [:]
    }

    /// A file whose change can move project roots, profiles or which files a walk finds: a configuration,
    /// an ignore file, or a file a profile was read from (a shared profile, a rule file) (lock held).
    private func shapesProjects(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name == ProjectRoot.configName || name == ".gitignore" || name == ".ignore" || profileFiles.contains(path)
    }

    // MARK: Projects

    /// The project at `root`, when it was resolved since the last change that could move it.
    package func project(root: String) -> LintInputs.Project? {
        lock.lock()
        defer { lock.unlock() }
        return trusted ? projects[root] : nil
    }

    package func resolved(_ project: LintInputs.Project) {
        lock.lock()
        defer { lock.unlock() }
        if let file = project.location.configFile { lastGood[file] = project.profile }
        profileFiles.formUnion(project.profile.sourceFiles)
        if trusted { projects[project.location.root] = project }
    }

    /// The profile `configFile` gave the last time it could be read.
    package func lastGoodProfile(of configFile: String) -> Profile? {
        lock.lock()
        defer { lock.unlock() }
        return lastGood[configFile]
    }

    // MARK: Walks

    /// The Markdown files of the project at `root` (absolute paths, its own only), when walked since the last
    /// file was created or deleted.
    package func walk(root: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        return trusted ? walks[root] : nil
    }

    package func walked(root: String, files: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if trusted { walks[root] = files }
    }

    // MARK: Workspaces

    /// The project's last workspace, when nothing changed on disk since and the same documents (by path, in
    /// the same order) were read from elsewhere than this memory: the new workspace is that one with those
    /// documents replaced.
    package func workspace(root: String, fresh: [String]) -> Workspace? {
        lock.lock()
        defer { lock.unlock() }
        guard trusted, let last = built[root], last.generation == generation, last.fresh == fresh else { return nil }
        return last.workspace
    }

    package func built(root: String, fresh: [String], workspace: Workspace) {
        lock.lock()
        defer { lock.unlock() }
        if trusted { built[root] = (generation, fresh, workspace) }
    }

    // MARK: Documents

    /// The workspace summary of the file at `absolute` under the profile `profile`: `.some(nil)` for a file
    /// known not to be an SOT document; nil when unknown or stale. `stat` is the file's stat now (needed
    /// unless changes are reported; pass nil then).
    package func summary(of absolute: String, profile: String, stat: FileStat?) -> WorkspaceDocument?? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = summaries[absolute], known.profile == profile else { return nil }
        if !trusted {
            guard let stat, known.stat == stat else { return nil }
        }
        return .some(known.document)
    }

    /// `summary(of:profile:stat:)` for many files under one lock, without stats (changes are reported):
    /// nil where a path is nil or unknown.
    package func summaries(of paths: [String?], profile: String) -> [WorkspaceDocument??] {
        lock.lock()
        defer { lock.unlock() }
        return paths.map { path in
            guard trusted, let path, let known = summaries[path], known.profile == profile else { return nil }
            return .some(known.document)
        }
    }

    /// Whether a summary can be used without the file's stat.
    package var isTrusted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return trusted
    }

    /// Records the summary of a file read from disk; `stat` was taken before it was read. A file changed in
    /// the last seconds is not recorded unless changes are reported (a second change in the same timestamp
    /// would go unseen by a stat).
    package func record(_ absolute: String, profile: String, stat: FileStat?, document: WorkspaceDocument?, now: Int64) {
        lock.lock()
        defer { lock.unlock() }
        if !trusted {
            guard let stat, !stat.isRecent(now: now) else { return }
        }
        summaries[absolute] = Summary(stat: stat, profile: profile, document: document)
    }
}
