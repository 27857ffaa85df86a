import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTEngine
#if canImport(Glibc)
import Glibc
#endif

/// `sot-lint lsp`: LSP 3.17 over a pair of file descriptors (standard input and output), on one
/// `LintSession` that keeps per-file analyses and the editor's unsaved buffers. So far: the lifecycle,
/// position-encoding negotiation, full and incremental text sync, pushed diagnostics for open documents, and
/// definition, references, hover and symbols for issue IDs.
/// Messages are handled one at a time, in arrival order; everything written goes through one writer, one
/// message per write, so that notifications and responses never interleave. Logs go to the client
/// (`window/logMessage`) or standard error, never to the output.
public final class LanguageServer {
    private let input: Int32
    private let output: Int32
    private let workingDirectory: String
    private var reader = MessageReader()
    private var encoding = PositionEncoding.utf16
    private var session: LintSession?
    private var shutdownRequested = false
    /// Open documents by URI: the path the session knows them by, and their current text.
    private var documents: [String: (path: String, text: [UInt8])] = [:]
    /// The diagnostics last published for each open document, as written: a document is published again
    /// only when its diagnostics change.
    private var published: [String: [UInt8]] = [:]
    /// The configuration problem shown, by the configuration file's URI.
    private var configProblem: (uri: String, message: String)?
    /// The workspace each open document's last lint saw: what definition and hover answer from.
    private var workspaces: [String: Workspace] = [:]
    private var root = ""

    private let today: CalendarDate

    /// `today`: the date the date rules count from (`SOT_LINT_TODAY` as the command line reads it).
    public init(input: Int32, output: Int32, workingDirectory: String, today: CalendarDate = .today()) {
        self.input = input
        self.output = output
        self.workingDirectory = workingDirectory
        self.today = today
    }

    /// Serves until `exit` (or the end of the input) and returns the process's exit status: 0 after a
    /// `shutdown` request, 1 otherwise (LSP 3.17), 1 also when the input cannot be read as LSP messages.
    public func run() -> Int32 {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return 1 }
            let bodies: [[UInt8]]
            do {
                bodies = try reader.feed(buffer[0..<count])
            } catch {
                log("sot-lint lsp: \(error.description); stopping")
                return 1
            }
            for body in bodies {
                if let status = handle(body) { return status }
            }
        }
    }

    /// Handles one message; the exit status when it was `exit`.
    private func handle(_ body: [UInt8]) -> Int32? {
        switch JSONRPCMessage.parse(body) {
        case .failure(let error):
            write(JSONRPCMessage.errorWithoutID(error))
        case .success(.request(let id, let method, let params)):
            let answer = respond(to: method, params: params as? [String: Any])
            switch answer {
            case .success(let result): send(.response(id: id, result: result, error: nil))
            case .failure(let error): send(.response(id: id, result: nil, error: error))
            }
        case .success(.notification(let method, let params)):
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            guard session != nil else { return nil }
            notified(method, params: params as? [String: Any])
        case .success(.response):
            break
        }
        return nil
    }

    private func respond(to method: String, params: [String: Any]?) -> Result<Any?, JSONRPCMessage.ResponseError> {
        if method == "initialize" { return .success(initialize(params ?? [:])) }
        guard session != nil else {
            return .failure(.init(code: JSONRPCMessage.ResponseError.serverNotInitialized, message: "initialize first"))
        }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .success(nil)
        case "textDocument/definition":
            return .success(definition(params ?? [:]))
        case "textDocument/references":
            return .success(references(params ?? [:]))
        case "textDocument/hover":
            return .success(hover(params ?? [:]))
        case "textDocument/documentSymbol":
            return .success(documentSymbols(params ?? [:]))
        case "workspace/symbol":
            return .success(workspaceSymbols((params?["query"] as? String) ?? ""))
        default:
            return .failure(.init(code: JSONRPCMessage.ResponseError.methodNotFound, message: "sot-lint lsp does not handle \(method)"))
        }
    }

    /// The root and the position encoding from the client; the server's capabilities.
    private func initialize(_ params: [String: Any]) -> Any? {
        let capabilities = params["capabilities"] as? [String: Any]
        let general = capabilities?["general"] as? [String: Any]
        encoding = PositionEncoding.negotiate(offered: general?["positionEncodings"] as? [String])
        let folders = (params["workspaceFolders"] as? [[String: Any]])?.compactMap { $0["uri"] as? String } ?? []
        let root = (folders.first ?? params["rootUri"] as? String).flatMap(Self.path(ofURI:))
            ?? (params["rootPath"] as? String) ?? workingDirectory
        self.root = root
        session = LintSession(.init(workingDirectory: root, today: today, cache: .projectFolder, retainsAnalyses: true))
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "definitionProvider": true,
                "referencesProvider": true,
                "hoverProvider": true,
                "documentSymbolProvider": true,
                "workspaceSymbolProvider": true,
            ],
            "serverInfo": ["name": "sot-lint", "version": SOTLintVersion.current],
        ] as [String: Any]
    }

    private func notified(_ method: String, params: [String: Any]?) {
        let document = params?["textDocument"] as? [String: Any]
        guard let uri = document?["uri"] as? String else { return }
        switch method {
        case "textDocument/didOpen":
            guard let path = Self.path(ofURI: uri), let text = document?["text"] as? String else { return }
            documents[uri] = (path, Array(text.utf8))
            publishAll(first: uri)
        case "textDocument/didChange":
            guard var open = documents[uri], let changes = params?["contentChanges"] as? [[String: Any]] else { return }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                open.text = Self.apply(change["range"] as? [String: Any], text: Array(text.utf8), to: open.text, encoding: encoding)
            }
            documents[uri] = open
            publishAll(first: uri)
        case "textDocument/didClose":
            guard let open = documents.removeValue(forKey: uri) else { return }
            session?.close(path: open.path)
            published[uri] = nil
            workspaces[uri] = nil
            send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": uri, "diagnostics": [Any]()]))
            publishAll(first: nil)
        case "textDocument/didSave":
            if documents[uri] != nil { publishAll(first: uri) }
        default:
            break
        }
    }

    /// `text` with one change applied: the whole text without a range, else the range replaced.
    static func apply(_ range: [String: Any]?, text replacement: [UInt8], to text: [UInt8], encoding: PositionEncoding) -> [UInt8] {
        guard let range, let start = position(range["start"]), let end = position(range["end"]) else { return replacement }
        let converter = LSPPositionConverter(source: SourceText(path: "", bytes: text), encoding: encoding)
        let from = converter.byteOffset(of: start)
        let to = max(from, converter.byteOffset(of: end))
        return Array(text[..<from]) + replacement + Array(text[to...])
    }

    private static func position(_ value: Any?) -> LSPPosition? {
        guard let value = value as? [String: Any], let line = value["line"] as? Int, let character = value["character"] as? Int else { return nil }
        return LSPPosition(line: line, character: character)
    }

    /// Lints every open document from its buffer, `first` first, and publishes the diagnostics that changed:
    /// a change in one document (a blocker's status, an ID defined or removed) reaches the others open.
    private func publishAll(first: String?) {
        for uri in ([first].compactMap { $0 } + documents.keys.sorted().filter { $0 != first }) {
            guard let diagnostics = lint(uri) else { return }
            let body = JSONRPCMessage.notification(method: "textDocument/publishDiagnostics",
                                                   params: ["uri": uri, "diagnostics": diagnostics]).body
            guard published[uri] != body else { continue }
            published[uri] = body
            write(body)
        }
    }

    /// The diagnostics of the open document at `uri`, linted from its buffer; nil when the lint could not
    /// run (the configuration is invalid: that is shown instead, and every document keeps what it has).
    private func lint(_ uri: String) -> [Any]? {
        guard let session, let open = documents[uri] else { return [] }
        // Other open documents are read from their buffers (the session's overlays); this one is the target,
        // given as standard input is: a buffer never saved is linted too.
        session.update(path: open.path, text: open.text)
        var request = LintRequest(paths: [])
        request.stdin = (open.path, open.text)
        let report: LintReport
        do {
            report = try session.lint(request)
        } catch {
            showConfigurationProblem(error)
            return nil
        }
        clearConfigurationProblem()
        workspaces[uri] = report.workspaces.first
        var converter = LSPPositionConverter(source: SourceText(path: open.path, bytes: open.text), encoding: encoding)
        return report.diagnostics.filter { $0.path == open.path }.map { diagnostic in
            var item: [String: Any] = [
                "range": lspRange(diagnostic.range, &converter),
                "severity": Self.severity(diagnostic.severity),
                "code": diagnostic.rule,
                "source": "sot-lint",
                "message": diagnostic.message,
            ]
            // The other places a finding names (the duplicate ID, the cycle's members, the blocker's status line).
            let related: [Any] = diagnostic.related.compactMap { place in
                guard let target = place.path == open.path ? (uri, open.text) : text(of: place.path) else { return nil }
                var placeConverter = LSPPositionConverter(source: SourceText(path: place.path, bytes: target.1), encoding: encoding)
                return ["location": ["uri": target.0, "range": lspRange(place.range, &placeConverter)], "message": place.message] as [String: Any]
            }
            if !related.isEmpty { item["relatedInformation"] = related }
            return item
        }
    }

    /// An invalid `.sot-lint.yml`: a diagnostic on that file (at the line the YAML error names) and a
    /// message, once; other errors are logged.
    private func showConfigurationProblem(_ error: SOTLintError) {
        guard case .invalidConfiguration(let path, let reason) = error else {
            log("sot-lint lsp: \(error.description)")
            return
        }
        let uri = URL(fileURLWithPath: FilePath.absolute(path, base: root)).absoluteString
        let message = "\(path): invalid configuration: \(reason)"
        guard configProblem?.uri != uri || configProblem?.message != message else { return }
        configProblem = (uri, message)
        // "line 3, column 1: …" from the YAML parser; 1-based.
        var line = 0
        if reason.hasPrefix("line "), let number = Int(reason.dropFirst(5).prefix { $0.isNumber }) { line = max(0, number - 1) }
        let range: [String: Any] = ["start": ["line": line, "character": 0], "end": ["line": line + 1, "character": 0]]
        send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": uri, "diagnostics": [
            ["range": range, "severity": 1, "code": "configuration", "source": "sot-lint", "message": message] as [String: Any],
        ]]))
        send(.notification(method: "window/showMessage", params: ["type": 1, "message": "sot-lint: \(message)"]))
    }

    private func clearConfigurationProblem() {
        guard let problem = configProblem else { return }
        configProblem = nil
        send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": problem.uri, "diagnostics": [Any]()]))
    }

    /// The issue ID at a request's position (a reference or a heading's ID, as the engine read the
    /// document), its LSP range, and the workspace it belongs to.
    private func issueID(at params: [String: Any]) -> (id: String, range: [String: Any], workspace: Workspace)? {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let open = documents[uri],
              let workspace = workspaces[uri], let position = Self.position(params["position"]),
              let document = workspace.documents.first(where: { $0.path == open.path }) else { return nil }
        var converter = LSPPositionConverter(source: SourceText(path: open.path, bytes: open.text), encoding: encoding)
        let source = converter.source
        let at = source.position(ofByte: converter.byteOffset(of: position))
        let mentions = document.references.map { ($0.id, $0.range) } + document.issues.map { ($0.id, $0.idRange) }
        guard let (id, range) = mentions.first(where: { $0.1.start <= at && at <= $0.1.end }) else { return nil }
        return (id, lspRange(range, &converter), workspace)
    }

    private func lspRange(_ range: SourceRange, _ converter: inout LSPPositionConverter) -> [String: Any] {
        let bytes = converter.source.byteRange(range)
        let start = converter.position(ofByte: bytes.lowerBound)
        let end = converter.position(ofByte: bytes.upperBound)
        return ["start": ["line": start.line, "character": start.character], "end": ["line": end.line, "character": end.character]]
    }

    /// The text of `path` (a workspace path, relative to the root or absolute): its open buffer, else the file.
    private func text(of path: String) -> (uri: String, bytes: [UInt8])? {
        let absolute = FilePath.absolute(path, base: root)
        if let (uri, open) = documents.first(where: { FilePath.absolute($0.value.path, base: root) == absolute }) { return (uri, open.text) }
        guard let bytes = try? FilePath.read(absolute) else { return nil }
        return (URL(fileURLWithPath: absolute).absoluteString, bytes)
    }

    /// Definition of an issue ID: its heading, in whichever document of the workspace defines it.
    private func definition(_ params: [String: Any]) -> Any? {
        guard let found = issueID(at: params), let issue = found.workspace.issue(found.id), let target = text(of: issue.path) else { return nil }
        var converter = LSPPositionConverter(source: SourceText(path: issue.path, bytes: target.bytes), encoding: encoding)
        return ["uri": target.uri, "range": lspRange(issue.headingRange, &converter)] as [String: Any]
    }

    /// Every mention of the issue ID at the position in the workspace, and its definitions when the client
    /// asks for the declaration too; in document order, each file read (or taken from its buffer) once.
    private func references(_ params: [String: Any]) -> Any? {
        guard let found = issueID(at: params) else { return nil }
        let includeDeclaration = ((params["context"] as? [String: Any])?["includeDeclaration"] as? Bool) ?? false
        var locations: [Any] = []
        for document in found.workspace.documents {
            var ranges = document.references.filter { $0.id == found.id }.map(\.range)
            if includeDeclaration { ranges += document.issues.filter { $0.id == found.id }.map(\.idRange) }
            guard !ranges.isEmpty, let target = text(of: document.path) else { continue }
            var converter = LSPPositionConverter(source: SourceText(path: document.path, bytes: target.bytes), encoding: encoding)
            for range in ranges.sorted(by: { $0.start < $1.start }) {
                locations.append(["uri": target.uri, "range": lspRange(range, &converter)] as [String: Any])
            }
        }
        return locations
    }

    /// Hover on an issue ID: title, status and category, where it is, its blockers with their statuses,
    /// and what it blocks.
    private func hover(_ params: [String: Any]) -> Any? {
        guard let found = issueID(at: params) else { return nil }
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
        return ["contents": ["kind": "markdown", "value": lines.joined(separator: "\n")], "range": found.range] as [String: Any]
    }

    /// The issue sections of an open document, each with its status, in document order.
    private func documentSymbols(_ params: [String: Any]) -> Any? {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let open = documents[uri],
              let document = workspaces[uri]?.documents.first(where: { $0.path == open.path }) else { return [Any]() }
        var converter = LSPPositionConverter(source: SourceText(path: open.path, bytes: open.text), encoding: encoding)
        return document.issues.map { issue in
            [
                "name": "\(issue.id) - \(issue.title)",
                "detail": issue.status?.raw ?? "no status",
                "kind": Self.issueSymbolKind,
                "range": lspRange(issue.headingRange, &converter),
                "selectionRange": lspRange(issue.idRange, &converter),
            ] as [String: Any]
        }
    }

    /// Every issue of the workspaces seen whose ID or title holds `query` (case ignored), sorted by ID.
    private func workspaceSymbols(_ query: String) -> Any? {
        let needle = query.lowercased()
        var seen = Set<String>()
        var symbols: [(id: String, symbol: [String: Any])] = []
        // Each file is read and indexed once, however many of its issues match.
        var files: [String: (uri: String, converter: LSPPositionConverter)?] = [:]
        for workspace in workspaces.values {
            // A document is in several workspaces seen, by a relative path in one and an absolute one in another.
            for issue in workspace.documents.flatMap(\.issues) where seen.insert(issue.id + "\u{0}" + FilePath.absolute(issue.path, base: root)).inserted {
                guard needle.isEmpty || issue.id.lowercased().contains(needle) || issue.title.lowercased().contains(needle) else { continue }
                if files[issue.path] == nil {
                    files[issue.path] = .some(text(of: issue.path).map {
                        ($0.uri, LSPPositionConverter(source: SourceText(path: issue.path, bytes: $0.bytes), encoding: encoding))
                    })
                }
                guard var file = files[issue.path] ?? nil else { continue }
                let range = lspRange(issue.headingRange, &file.converter)
                files[issue.path] = file
                symbols.append((issue.id, ["name": "\(issue.id) - \(issue.title)", "kind": Self.issueSymbolKind,
                                           "location": ["uri": file.uri, "range": range]]))
            }
        }
        return symbols.sorted { $0.id < $1.id }.map(\.symbol)
    }

    /// LSP's `SymbolKind.Key`: an issue is a keyed entry of the plan.
    private static let issueSymbolKind = 20

    private static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    /// The file path of a `file:` URI (percent-decoded); nil for another scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    private func send(_ message: JSONRPCMessage) {
        write(message.body)
    }

    private func write(_ body: [UInt8]) {
        let framed = MessageWriter.frame(body)
        framed.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(output, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
