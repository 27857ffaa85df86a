import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

/// The files a run lints and the projects they belong to.
package struct LintInputs {
    package struct Target {
        /// As the user gave it, or joined under a folder the user gave.
        package let displayPath: String
        package let absolutePath: String
        package let project: String
        /// Markdown rules apply (a `.md`/`.markdown` file, or one that matches `include`).
        package let markdown: Bool
        /// The secret scan applies (not excluded by `secrets.exclude`).
        package let scanSecrets: Bool
        /// The bytes to lint when they do not come from the working tree (`--staged`: the index).
        package var bytes: [UInt8]? = nil
    }

    /// A document of a project's workspace that is not itself linted.
    package struct ContextFile {
        package let display: String
        package let absolute: String
        package var bytes: [UInt8]? = nil
    }

    package struct Project {
        package let location: ProjectRoot.Location
        package let profile: Profile
        package let discovery: FileDiscovery
        private let include: [PathGlob]
        private let exclude: [PathGlob]
        private let secretExclude: [PathGlob]

        package init(location: ProjectRoot.Location, profile: Profile, discovery: FileDiscovery) {
            self.location = location
            self.profile = profile
            self.discovery = discovery
            include = profile.include.map(PathGlob.init)
            exclude = profile.exclude.map(PathGlob.init)
            secretExclude = profile.secretExclude.map(PathGlob.init)
        }

        package func isIncluded(_ absolutePath: String) -> Bool {
            let relative = FilePath.relative(absolutePath, to: location.root)
            return include.contains { $0.matches(relative) } && !isExcluded(relative: relative)
        }

        package func isExcluded(_ absolutePath: String) -> Bool {
            isExcluded(relative: FilePath.relative(absolutePath, to: location.root))
        }

        private func isExcluded(relative: String) -> Bool {
            exclude.contains { $0.matches(relative) }
        }

        package func scansSecrets(_ absolutePath: String) -> Bool {
            let relative = FilePath.relative(absolutePath, to: location.root)
            return !secretExclude.contains { $0.matches(relative) }
        }
    }

    package private(set) var targets: [Target] = []
    private(set) var projects: [String: Project] = [:]
    /// Projects whose root folder itself was linted: only then can an unused allowance be told apart.
    private(set) var wholeProjects: Set<String> = []
    /// `--staged`: each project's workspace from the index, instead of a walk of the working tree.
    private(set) var indexContext: [String: [ContextFile]]?
    /// The base revision the change rules compare with (`--base`, or HEAD with `--staged`).
    private(set) var base: String?
    /// `--staged`: projects the commit touches, deletions included (a deletion alone has no target).
    private(set) var stagedProjects: Set<String> = []
    /// Per project root, the files and folders the user named in it (absolute): what a history scan reads.
    private(set) var givenPaths: [String: [String]] = [:]
    package let currentDirectory: String
    /// Configuration files that could not be read this time, whose last good profile served instead (a
    /// session with a `DiskMemory` only).
    package private(set) var configurationProblems: [SOTLintError] = []

    private let config: ConfigChoice
    private let memory: DiskMemory?

    package init(request: LintRequest, workingDirectory: String, config: ConfigChoice, memory: DiskMemory? = nil) throws(SOTLintError) {
        currentDirectory = workingDirectory
        self.config = config
        self.memory = memory
        base = request.base
        if request.staged {
            try collectStaged(request)
            return
        }
        if let stdin = request.stdin {
            let absolute = FilePath.absolute(stdin.path, base: currentDirectory)
            let project = try self.project(for: Self.existingFolder(of: absolute), config: config)
            targets.append(Target(displayPath: stdin.path, absolutePath: absolute, project: project.location.root,
                                  markdown: Self.isMarkdown(stdin.path) || project.isIncluded(absolute),
                                  scanSecrets: project.scansSecrets(absolute), bytes: stdin.bytes))
            return
        }
        var seen = Set<String>()
        let given = request.paths.isEmpty ? ["."] : request.paths
        for path in given {
            let absolute = FilePath.absolute(path, base: currentDirectory)
            // The path as given (not normalised) so that `file.md/` fails like the shell would.
            let examined = path.hasPrefix("/") ? path : FilePath.join(currentDirectory, path)
            guard let kind = try Self.kind(examined, shown: path) else { throw .pathNotFound(path: path) }
            let start = kind == .directory ? absolute : FilePath.parent(absolute)
            let project = try self.project(for: start, config: config)
            givenPaths[project.location.root, default: []].append(absolute)
            if kind == .file {
                if seen.insert(absolute).inserted {
                    // Named files are linted whatever `exclude` says; other text files get the secret scan only.
                    let markdown = Self.isMarkdown(path) || project.isIncluded(absolute)
                    targets.append(Target(displayPath: path, absolutePath: absolute, project: project.location.root,
                                          markdown: markdown, scanSecrets: project.scansSecrets(absolute)))
                }
                continue
            }
            if absolute == project.location.root { wholeProjects.insert(absolute) }
            let files: [String]
            do {
                // Every file: Markdown files are linted, every text file is scanned for secrets.
                let walk = try project.discovery.walk(under: absolute, accept: { _ in true })
                locations.learn(walk)
                files = walk.distinctFiles
            } catch let error as DiscoveryError {
                throw Self.error(error)
            } catch {
                throw .unreadableFile(path: path, reason: "\(error)")
            }
            // The walker returns normalised absolute paths below `absolute`; the display path is the
            // user's spelling of the folder followed by the same suffix.
            let prefixLength = absolute == "/" ? 1 : absolute.utf8.count + 1
            for fileAbsolute in files {
                let suffix = String(fileAbsolute.utf8.dropFirst(prefixLength)) ?? fileAbsolute
                let file = FilePath.join(path, suffix)
                // A file below a nested `.sot-lint.yml` belongs to that project, not to the folder's.
                let owner = try self.project(for: FilePath.parent(fileAbsolute), config: config)
                let markdown = Self.isMarkdown(file) && owner.isIncluded(fileAbsolute)
                let scanSecrets = !owner.isExcluded(fileAbsolute) && owner.scansSecrets(fileAbsolute)
                // A project's baseline is sot-lint's own record, not a file of the project to check.
                guard markdown || scanSecrets, !fileAbsolute.hasSuffix("/" + Baseline.fileName),
                      seen.insert(fileAbsolute).inserted else { continue }
                let display = request.paths.isEmpty && file.hasPrefix("./") ? String(file.dropFirst(2)) : file
                targets.append(Target(displayPath: display, absolutePath: fileAbsolute, project: owner.location.root,
                                      markdown: markdown, scanSecrets: scanSecrets))
            }
        }
    }

    /// Every Markdown file of a project that is not a target: the rest of its workspace. Files below a
    /// nested project root belong to that project and are left out.
    package func contextFiles(of root: String) throws(SOTLintError) -> [ContextFile] {
        if let indexContext { return indexContext[root] ?? [] }
        guard projects[root] != nil else { return [] }
        let targetPaths = Set(targets.map(\.absolutePath))
        let files: [String]
        if let known = memory?.walk(root: root) {
            files = known
        } else {
            files = try markdownFiles(of: root)
            memory?.walked(root: root, files: files)
        }
        return files.compactMap { absolute in
            guard !targetPaths.contains(absolute) else { return nil }
            return ContextFile(display: FilePath.relative(absolute, to: currentDirectory), absolute: absolute,
                               bytes: overlayContext[absolute])
        }
    }

    /// The Markdown files the project at `root` includes, below a nested project root left out.
    private func markdownFiles(of root: String) throws(SOTLintError) -> [String] {
        guard let project = projects[root] else { return [] }
        let display = FilePath.relative(root, to: currentDirectory)
        let walk: FileDiscovery.Walk
        do {
            // Walked by absolute path: the session's working directory, not the process's, is the base.
            walk = try project.discovery.walk(under: root, accept: Self.isMarkdown)
        } catch let error as DiscoveryError {
            throw Self.error(error)
        } catch {
            throw .unreadableFile(path: display, reason: "\(error)")
        }
        var roots = locations
        roots.learn(walk)
        // The walk lists a folder's files together: its owner is looked up once per folder.
        var lastDirectory = ""
        var lastOwner = ""
        // The walker gives normalised absolute paths; they are shown relative to the working directory.
        return walk.distinctFiles.compactMap { absolute in
            let directory = FilePath.parent(absolute)
            if directory != lastDirectory {
                lastOwner = roots.location(of: directory).root
                lastDirectory = directory
            }
            guard lastOwner == root, project.isIncluded(absolute) else { return nil }
            return absolute
        }
    }

    private var locations = ProjectRoot.Lookup()
    /// Unsaved buffers by absolute path, read instead of the disk for context files.
    private var overlayContext: [String: [UInt8]] = [:]

    /// `--staged`: the targets are the files whose index version differs from HEAD (added, modified,
    /// renamed), read from the index; each project's workspace is every Markdown file of the index.
    private mutating func collectStaged(_ request: LintRequest) throws(SOTLintError) {
        let repository = try GitRepository.find(from: currentDirectory, purpose: "--staged")
        let head = try repository.headCommit()
        if base == nil { base = head }
        var headBlobs: [String: String] = [:]
        if let head {
            for file in try repository.files(at: head) { headBlobs[file.path] = file.blob }
        }
        let index = try repository.indexFiles()
        let indexed = Set(index.map(\.path))
        for path in headBlobs.keys where !indexed.contains(path) && Self.isMarkdown(path) {
            let absolute = FilePath.join(repository.topLevel, path)
            stagedProjects.insert(try self.project(for: Self.existingFolder(of: absolute), config: config).location.root)
        }
        var staged: [(path: String, absolute: String, blob: String, project: Project)] = []
        var context: [(absolute: String, blob: String, project: Project)] = []
        for entry in index {
            let absolute = FilePath.join(repository.topLevel, entry.path)
            let project = try self.project(for: Self.existingFolder(of: absolute), config: config)
            if headBlobs[entry.path] != entry.blob {
                staged.append((entry.path, absolute, entry.blob, project))
                stagedProjects.insert(project.location.root)
            } else if Self.isMarkdown(entry.path), project.isIncluded(absolute) {
                context.append((absolute, entry.blob, project))
            }
        }
        let contents = try repository.blobs(staged.map(\.blob) + context.map(\.blob))
        indexContext = [:]
        for file in context {
            guard let bytes = contents[file.blob] else { continue }
            indexContext?[file.project.location.root, default: []].append(
                ContextFile(display: FilePath.relative(file.absolute, to: currentDirectory), absolute: file.absolute, bytes: bytes))
        }
        for file in staged {
            guard let bytes = contents[file.blob] else { continue }
            let markdown = Self.isMarkdown(file.path) && file.project.isIncluded(file.absolute)
            let scanSecrets = !file.project.isExcluded(file.absolute) && file.project.scansSecrets(file.absolute)
            guard markdown || scanSecrets else { continue }
            targets.append(Target(displayPath: FilePath.relative(file.absolute, to: currentDirectory), absolutePath: file.absolute,
                                  project: file.project.location.root, markdown: markdown, scanSecrets: scanSecrets, bytes: bytes))
        }
    }

    /// The nearest folder of `path` that exists in the working tree (a staged file's folder may not).
    private static func existingFolder(of path: String) -> String {
        var folder = FilePath.parent(path)
        while folder != "/", FilePath.kind(folder) != .directory { folder = FilePath.parent(folder) }
        return folder
    }

    private mutating func project(for directory: String, config: ConfigChoice) throws(SOTLintError) -> Project {
        let location = locations.location(of: directory)
        if let known = projects[location.root] { return known }
        if let kept = memory?.project(root: location.root), kept.location == location {
            projects[location.root] = kept
            return kept
        }
        let profile: Profile
        var servedByLastGood = false
        do {
            profile = try ProfileResolver.profile(at: location, config: config, workingDirectory: currentDirectory)
        } catch {
            // A session goes on with the profile the file last gave, and says why.
            guard case .invalidConfiguration = error, config == .discover, let file = location.configFile,
                  let lastGood = memory?.lastGoodProfile(of: file) else { throw error }
            configurationProblems.append(error)
            profile = lastGood
            servedByLastGood = true
        }
        let project = Project(location: location, profile: profile,
                              discovery: FileDiscovery(ignoreRoot: location.gitTop ?? location.root))
        projects[location.root] = project
        // Kept only when read: a broken file is read (and reported) again at every lint until it is fixed.
        if !servedByLastGood { memory?.resolved(project) }
        return project
    }

    private static func kind(_ examined: String, shown: String) throws(SOTLintError) -> FilePath.Kind? {
        do {
            return try FilePath.kindOrError(examined)
        } catch {
            if case .unreadableFile(_, let reason) = error { throw .unreadableFile(path: shown, reason: reason) }
            throw error
        }
    }

    package static func isMarkdown(_ name: String) -> Bool {
        name.hasSuffix(".md") || name.hasSuffix(".markdown")
    }

    private static func error(_ error: DiscoveryError) -> SOTLintError {
        switch error {
        case .unreadableDirectory(let path, let reason): return .unreadableFile(path: path, reason: reason)
        }
    }
}

extension LintInputs {
    /// Unsaved buffers replace the files on disk, for targets and workspace context alike.
    package mutating func applyOverlays(_ overlays: [String: [UInt8]]) {
        guard !overlays.isEmpty else { return }
        for index in targets.indices where targets[index].bytes == nil {
            if let bytes = overlays[targets[index].absolutePath] { targets[index].bytes = bytes }
        }
        overlayContext = overlays
    }
}
