import Foundation
import SOTSource
import SOTModel

/// The issues of other repositories a project imports (`imports:` in its profile): model files written by
/// `sot-lint model` there. Their issues resolve references and count for blocked-by rules and readiness;
/// they are not linted. A file that is missing, unreadable, not a model, or of another model version
/// stops the run with one line naming the configuration and the file.
package enum ImportedModels {
    /// One document per document of each imported model, its path `IMPORT#PATH` (IMPORT as the working
    /// directory shows the model file), in the order of `imports:` and of each model.
    package static func documents(profile: Profile, root: String, workingDirectory: String) throws(SOTLintError) -> [WorkspaceDocument] {
        guard !profile.imports.isEmpty else { return [] }
        let configPath = profile.configPath ?? FilePath.relative(FilePath.join(root, ProjectRoot.configName), to: workingDirectory)
        func fail(_ entry: String, _ reason: String) -> SOTLintError {
            .invalidConfiguration(path: configPath, reason: "import `\(entry)`: \(reason)")
        }
        var documents: [WorkspaceDocument] = []
        for entry in profile.imports {
            let files = try expand(entry, root: root, fail: fail)
            for file in files {
                let display = FilePath.relative(file, to: workingDirectory)
                let bytes: [UInt8]
                do {
                    bytes = try FilePath.read(file)
                } catch {
                    if case .unreadableFile(_, let reason) = error { throw fail(entry, "\(display): \(reason)") }
                    throw error
                }
                documents += try model(bytes, display: display) { fail(entry, "\(display): \($0)") }
            }
        }
        return documents
    }

    /// The files an entry names: itself, or for a glob the files that match it, sorted. None is an error.
    private static func expand(_ entry: String, root: String, fail: (String, String) -> SOTLintError) throws(SOTLintError) -> [String] {
        let files = FilePath.files(named: entry, base: root)
        if !FilePath.isGlob(entry) {
            guard FilePath.kind(files[0]) == .file else { throw fail(entry, "no such file") }
            return files
        }
        guard !files.isEmpty else { throw fail(entry, "matches no file") }
        return files
    }

    /// The documents of one model file (`sot-lint model` version 1).
    private static func model(_ bytes: [UInt8], display: String, fail: (String) -> SOTLintError) throws(SOTLintError) -> [WorkspaceDocument] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw fail("not a JSON object (write it with `sot-lint model --output FILE`)")
        }
        guard let version = object["version"] as? Int else { throw fail("no `version`: not a model written by `sot-lint model`") }
        guard version == 1 else { throw fail("a model of version \(version); this sot-lint reads version 1") }
        guard let issues = object["issues"] as? [[String: Any]] else { throw fail("no `issues` list") }
        var order: [String] = []
        var byPath: [String: [IssueEntry]] = [:]
        for issue in issues {
            guard let id = issue["id"] as? String, let path = issue["path"] as? String, let line = issue["line"] as? Int, line >= 1 else {
                throw fail("an issue without `id`, `path` and `line`")
            }
            let place = SourceRange(start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: 1))
            let status = (issue["status"] as? String).map { normalized in
                StatusLine(raw: (issue["statusText"] as? String) ?? normalized, normalized: normalized, range: place, labelRange: place)
            }
            let blockers = ((issue["blockedBy"] as? [String]) ?? []).map {
                IssueReference(id: $0, range: place, field: "Blocked by", inCodeSpan: false, sectionID: id)
            }
            let document = display + "#" + path
            if byPath[document] == nil { order.append(document) }
            byPath[document, default: []].append(IssueEntry(
                id: id, title: (issue["title"] as? String) ?? "", path: document, idRange: place, headingRange: place, status: status,
                category: (issue["category"] as? String).flatMap(StatusCategory.init(rawValue:)), blockers: blockers, invariants: [], fields: []))
        }
        return order.map { path in
            var document = WorkspaceDocument(path: path, frontMatter: [], issues: byPath[path] ?? [], references: [])
            document.importedFrom = display
            return document
        }
    }
}
