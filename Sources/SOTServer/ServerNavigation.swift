import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTEngine
import SOTSecrets

/// Navigation on issue IDs (definition, references, hover, symbols) and hover on rules, answered from the
/// workspace the engine built: the last lint of the open document, else the folder's index.
extension LanguageServer {
    /// The workspace a document belongs to: its last lint's when open, else the index of the folder holding it.
    func workspace(for uri: String) -> Workspace? {
        if let known = workspaces[uri] { return known }
        guard let path = Self.path(ofURI: uri) else { return nil }
        indexStaleFolders()
        let folder = folders.filter { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }.max { $0.count < $1.count }
        return folder.flatMap { folderWorkspaces[$0] } ?? folderWorkspaces[root]
    }

    /// The document of `workspace` at `path` (compared as absolute paths).
    func document(in workspace: Workspace, path: String) -> WorkspaceDocument? {
        let absolute = FilePath.absolute(path, base: root)
        return workspace.documents.first { $0.path == path } ?? workspace.documents.first { FilePath.absolute($0.path, base: root) == absolute }
    }

    /// The issue ID at a request's position (a reference or a heading's ID, as the engine read the
    /// document), its LSP range, and the workspace it belongs to.
    func issueID(at params: [String: Any]) -> (id: String, range: [String: Any], workspace: Workspace)? {
        guard let uri = Self.uri(params), let open = documents[uri], let workspace = workspaces[uri],
              let position = Self.position(params["position"]), let document = document(in: workspace, path: open.path) else { return nil }
        var converter = converter(for: open.path, bytes: open.text)
        let at = converter.source.position(ofByte: converter.byteOffset(of: position))
        let mentions = document.references.map { ($0.id, $0.range) } + document.issues.map { ($0.id, $0.idRange) }
        guard let (id, range) = mentions.first(where: { $0.1.start <= at && at <= $0.1.end }) else { return nil }
        return (id, lspRange(range, &converter), workspace)
    }

    /// Definition of an issue ID: its heading, in whichever document of the workspace defines it.
    func definition(_ params: [String: Any]) -> Any? {
        guard let found = issueID(at: params), let issue = found.workspace.issue(found.id), let target = text(of: issue.path) else { return nil }
        var converter = converter(for: issue.path, bytes: target.bytes)
        return ["uri": target.uri, "range": lspRange(issue.headingRange, &converter)] as [String: Any]
    }

    /// Every mention of the issue ID at the position in the workspace, and its definitions when the client
    /// asks for the declaration too; in document order, each file read (or taken from its buffer) once.
    func references(_ params: [String: Any]) -> Any? {
        guard let found = issueID(at: params) else { return nil }
        let includeDeclaration = ((params["context"] as? [String: Any])?["includeDeclaration"] as? Bool) ?? false
        var locations: [Any] = []
        for document in found.workspace.documents {
            var ranges = document.references.filter { $0.id == found.id }.map(\.range)
            if includeDeclaration { ranges += document.issues.filter { $0.id == found.id }.map(\.idRange) }
            guard !ranges.isEmpty, let target = text(of: document.path) else { continue }
            var converter = converter(for: document.path, bytes: target.bytes)
            for range in ranges.sorted(by: { $0.start < $1.start }) {
                locations.append(["uri": target.uri, "range": lspRange(range, &converter)] as [String: Any])
            }
        }
        return locations
    }

    /// Hover: on an issue ID its title, status and category, place, blockers with their statuses and what it
    /// blocks; on a finding, or on a rule id in a directive, the rule's summary.
    func hover(_ params: [String: Any]) -> Any? {
        let issue = issueID(at: params).flatMap(issueHover)
        let rule = ruleHover(params)
        guard let issue, let rule else { return issue ?? rule }
        // On an ID that a finding marks: the issue, then the rule.
        var both = issue
        let text = [issue, rule].compactMap { (($0["contents"] as? [String: Any])?["value"] as? String) }.joined(separator: "\n\n---\n\n")
        both["contents"] = ["kind": "markdown", "value": text]
        return both
    }

    private func issueHover(_ found: (id: String, range: [String: Any], workspace: Workspace)) -> [String: Any]? {
        let workspace = found.workspace
        guard let issue = workspace.issue(found.id) else {
            return ["contents": ["kind": "markdown", "value": "**\(found.id)** is not defined in this workspace."], "range": found.range] as [String: Any]
        }
        func status(_ entry: IssueEntry?) -> String {
            guard let entry else { return "not defined" }
            guard let line = entry.status else { return "no status" }
            return line.raw + (entry.category.map { " (\($0.rawValue))" } ?? "")
        }
        var lines = ["**\(issue.id)** — \(issue.title)", "", "Status: \(status(issue))", "",
                     "\(issue.path):\(issue.headingRange.start.line)"]
        if !issue.blockers.isEmpty {
            lines += ["", "Blocked by: " + issue.blockers.map { "\($0.id) (\(status(workspace.issue($0.id))))" }.joined(separator: ", ")]
        }
        let dependants = workspace.documents.flatMap(\.issues).filter { $0.blockers.contains { $0.id == issue.id } }.map(\.id)
        if !dependants.isEmpty { lines += ["", "Blocks: " + dependants.joined(separator: ", ")] }
        return ["contents": ["kind": "markdown", "value": SecretText.redacted(lines.joined(separator: "\n"))], "range": found.range] as [String: Any]
    }

    /// The rules that apply to the document at `path`: the session's and the team rules (`rule_files`) of
    /// its project; nil before the session starts.
    func rules(of path: String) -> RuleSet? {
        guard let session else { return nil }
        return profile(for: path).map(session.options.rules.adding(userRulesOf:)) ?? session.options.rules
    }

    /// The rules of the findings at the position, else the rule (or secret detector) id under the cursor
    /// inside a `sot-lint-disable` / `sot-lint-allow-secret` directive.
    private func ruleHover(_ params: [String: Any]) -> [String: Any]? {
        guard let uri = Self.uri(params), let open = documents[uri], let position = Self.position(params["position"]),
              let rules = rules(of: open.path) else { return nil }
        var converter = converter(for: open.path, bytes: open.text)
        let offset = converter.byteOffset(of: position)
        let source = converter.source
        var ids: [String] = []
        var range: [String: Any]?
        for finding in findings[uri] ?? [] {
            let bytes = source.byteRange(finding.range)
            guard bytes.lowerBound <= offset, offset <= bytes.upperBound, !ids.contains(finding.rule) else { continue }
            ids.append(finding.rule)
            range = range ?? lspRange(bytes: bytes, &converter)
        }
        if ids.isEmpty, let word = DirectiveText.word(at: offset, in: open.text), DirectiveText.isDirectiveLine(open.text, at: offset) {
            let id = String(decoding: open.text[word], as: UTF8.self)
            if rules.rule(id: id) != nil || DirectiveText.detectorIDs.contains(id) {
                ids = [id]
                range = lspRange(bytes: word, &converter)
            }
        }
        guard !ids.isEmpty else { return nil }
        let text = ids.map { id -> String in
            if let metadata = rules.rule(id: id)?.metadata {
                let link = metadata.category == .team ? "" : " [docs](\(RuleDocumentationLink.url(ofRule: id)))"
                return "**\(id)** (\(metadata.category.rawValue), \(metadata.defaultSeverity.rawValue) by default): \(metadata.summary)" + link
            }
            return "**\(id)**: secret detector — " + (DirectiveText.detectorSummary(id) ?? "") + " [docs](\(RuleDocumentationLink.url(ofRule: "secret-leak")))"
        }.joined(separator: "\n\n")
        var answer: [String: Any] = ["contents": ["kind": "markdown", "value": text]]
        if let range { answer["range"] = range }
        return answer
    }

    /// The document's title (its H1) with its issue sections, each with its status, in document order.
    func documentSymbols(_ params: [String: Any]) -> Any? {
        guard let uri = Self.uri(params), let open = documents[uri],
              let document = workspace(for: uri).flatMap({ self.document(in: $0, path: open.path) }) else { return [Any]() }
        var converter = converter(for: open.path, bytes: open.text)
        let issues: [[String: Any]] = document.issues.map { issue in
            [
                "name": SecretText.redacted("\(issue.id) - \(issue.title)"),
                "detail": SecretText.redacted(issue.status?.raw ?? "no status"),
                "kind": Self.issueSymbolKind,
                "range": lspRange(issue.headingRange, &converter),
                "selectionRange": lspRange(issue.idRange, &converter),
            ]
        }
        guard let profile = profile(for: open.path), let title = DocumentBuilder.build(converter.source, profile: profile).title else { return issues }
        // The title holds the sections: its range runs to the end of the document.
        let end = converter.position(ofByte: open.text.count)
        var range = lspRange(title.range, &converter)
        range["end"] = ["line": end.line, "character": end.character]
        return [[
            "name": SecretText.redacted(title.text),
            "detail": "\(document.issues.count) issue(s)",
            "kind": Self.documentSymbolKind,
            "range": range,
            "selectionRange": lspRange(title.range, &converter),
            "children": issues,
        ] as [String: Any]]
    }

    /// Every issue of the workspace (the folders' indexes and the open documents' lints) whose ID or title
    /// holds `query` (case ignored), sorted by ID.
    func workspaceSymbols(_ query: String) -> Any? {
        indexStaleFolders()
        let needle = query.lowercased()
        var seen = Set<String>()
        var symbols: [(id: String, symbol: [String: Any])] = []
        // Each file is read and indexed once, however many of its issues match.
        var files: [String: (uri: String, converter: LSPPositionConverter)?] = [:]
        // Open documents' lints first: they know the buffers.
        let sources = documents.keys.sorted().compactMap { workspaces[$0] } + folders.compactMap { folderWorkspaces[$0] }
        for workspace in sources {
            // A document is in several workspaces seen, by a relative path in one and an absolute one in another.
            for issue in workspace.documents.flatMap(\.issues) where seen.insert(issue.id + "\u{0}" + FilePath.absolute(issue.path, base: root)).inserted {
                guard needle.isEmpty || issue.id.lowercased().contains(needle) || issue.title.lowercased().contains(needle) else { continue }
                if files[issue.path] == nil {
                    files[issue.path] = .some(text(of: issue.path).map { ($0.uri, converter(for: issue.path, bytes: $0.bytes)) })
                }
                guard var file = files[issue.path] ?? nil else { continue }
                let range = lspRange(issue.headingRange, &file.converter)
                files[issue.path] = file
                symbols.append((issue.id, ["name": SecretText.redacted("\(issue.id) - \(issue.title)"), "kind": Self.issueSymbolKind,
                                           "location": ["uri": file.uri, "range": range]]))
            }
        }
        return symbols.sorted { $0.id < $1.id }.map(\.symbol)
    }

    /// The profile that applies to `path`, resolved once per folder until something changes on disk.
    func profile(for path: String) -> Profile? {
        let folder = FilePath.parent(FilePath.absolute(path, base: root))
        if let known = profiles[folder] { return known }
        guard let found = try? session?.profile(in: folder) else { return nil }
        profiles[folder] = found
        return found
    }

    /// LSP's `SymbolKind.Key`: an issue is a keyed entry of the plan; the document is a `File`.
    static let issueSymbolKind = 20
    static let documentSymbolKind = 1
}
