import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

/// The workspace of a project as it was at a git revision (`--base REV`), read from git's objects,
/// never from the working tree.
package enum BaseWorkspace {
    /// `display` turns an absolute path into the path the run reports it under.
    package static func load(project: LintInputs.Project, revision: String, phrases: [DeclaredInvariant.Kind: InvariantPhrases],
                     display: (String) -> String) throws(SOTLintError) -> Workspace {
        let repository = try GitRepository.find(from: project.location.root, purpose: "--base")
        let commit = try repository.commit(revision)
        let files = try repository.files(at: commit)
        let root = project.location.root
        // Folders of the revision with their own `.sot-lint.yml` are other projects.
        let nestedRoots = files.compactMap { file -> String? in
            guard file.path == ProjectRoot.configName || file.path.hasSuffix("/" + ProjectRoot.configName) else { return nil }
            let folder = FilePath.parent(FilePath.join(repository.topLevel, file.path))
            return folder != root && folder.hasPrefix(root + "/") ? folder + "/" : nil
        }
        let candidates = files.compactMap { file -> (absolute: String, blob: String)? in
            let absolute = FilePath.join(repository.topLevel, file.path)
            guard absolute.hasPrefix(root == "/" ? "/" : root + "/"), LintInputs.isMarkdown(file.path),
                  project.isIncluded(absolute), !nestedRoots.contains(where: { absolute.hasPrefix($0) }) else { return nil }
            return (absolute, file.blob)
        }
        let contents = try repository.blobs(candidates.map(\.blob))
        let marker = Array("lifecycle_classification".utf8)
        var documents: [WorkspaceDocument] = []
        for candidate in candidates {
            guard let bytes = contents[candidate.blob], ByteSearch.contains(bytes, marker) else { continue }
            let document = DocumentBuilder.build(SourceText(path: display(candidate.absolute), bytes: bytes), profile: project.profile)
            if document.isSOT { documents.append(WorkspaceDocument(document, profile: project.profile, phrases: phrases)) }
        }
        return Workspace(documents: documents)
    }
}
