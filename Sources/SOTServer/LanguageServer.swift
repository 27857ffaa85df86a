import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTEngine
#if canImport(Glibc)
import Glibc
#endif

/// `sot-lint lsp`: LSP 3.17 over a pair of file descriptors (standard input and output), on one
/// `LintSession` that keeps per-file analyses, what it knows of the disk, and the editor's unsaved buffers.
///
/// Messages are queued as they arrive and handled one at a time, in order: a request that a later
/// `$/cancelRequest` names is answered `RequestCancelled`, one about a document that a later queued change
/// edits is answered `ContentModified`, and a run of queued edits is linted once, after the last. Everything
/// written goes through one writer, one message per write, so notifications and responses never interleave.
/// Logs go to the client (`window/logMessage`) once it is initialized, to standard error before; never to
/// the output. The features live in extensions: diagnostics, navigation, completion, rename, code actions.
public final class LanguageServer {
    let input: Int32
    let output: Int32
    let workingDirectory: String
    let today: CalendarDate
    var reader = MessageReader()
    var encoding = PositionEncoding.utf16
    var session: LintSession?
    var shutdownRequested = false
    var initialized = false

    /// An open document: the path the session knows it by, its current text and the client's version.
    struct OpenDocument {
        let path: String
        var text: [UInt8]
        var version: Int?
    }

    /// Open documents by URI.
    var documents: [String: OpenDocument] = [:]
    /// The diagnostics last published (or answered to a pull) for each open document, as written.
    var published: [String: [UInt8]] = [:]
    /// The configuration problem shown, by the configuration file's URI.
    var configProblem: (uri: String, message: String)?
    /// What the last lint of each open document saw: its workspace and its findings (with their fixes).
    var workspaces: [String: Workspace] = [:]
    var findings: [String: [Diagnostic]] = [:]
    /// The workspace folders (absolute paths); the first is the session's working directory.
    var folders: [String] = []
    /// Each folder's workspace as indexed at start and after changes on disk (what answers for documents
    /// not open), and the folders to index again before the next use.
    var folderWorkspaces: [String: Workspace] = [:]
    var staleFolders: Set<String> = []
    /// The profile of each folder a document sits in, until something changes on disk.
    var profiles: [String: Profile] = [:]
    var root: String { folders.first ?? workingDirectory }
    /// What the client can do, from `initialize`.
    var client = ClientCapabilities()

    /// Messages read and not yet handled, in arrival order.
    private var queue: [JSONRPCMessage] = []
    private var queueHead = 0
    /// Queued requests a `$/cancelRequest` named.
    private var cancelled: Set<JSONRPCMessage.RequestID> = []
    /// Queued `didChange` notifications per URI: a request about that document meanwhile is out of date.
    private var pendingChanges: [String: Int] = [:]
    /// Open documents edited while later edits were queued: linted once the queue holds no more edits.
    private var unpublished: String?
    /// Requests this server sent to the client, by id, with what they were for.
    private var outgoing: [JSONRPCMessage.RequestID: String] = [:]
    private var nextOutgoingID = 1
    private var inputClosed = false

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
        while true {
            // Wait for input only when nothing is queued; otherwise take what has arrived already, so that a
            // cancellation or a newer edit is seen before the work it makes useless.
            if queueHead == queue.count {
                if inputClosed { return 1 }
                guard readInput(wait: true) else { return 1 }
            } else if !inputClosed {
                guard readInput(wait: false) else { return 1 }
            }
            guard queueHead < queue.count else { continue }
            let message = queue[queueHead]
            queueHead += 1
            if queueHead * 2 >= queue.count, queueHead > 64 {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            if let status = handle(message) { return status }
        }
    }

    /// Reads what the input has (waiting for it when `wait`) and queues the messages; false when the input
    /// cannot be read as LSP messages. The end of the input is remembered: what is queued is still handled.
    private func readInput(wait: Bool) -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, wait ? -1 : 0)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return true }
            break
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count > 0 else {
            inputClosed = true
            return true
        }
        do {
            for body in try reader.feed(buffer[0..<count]) { arrived(body) }
        } catch {
            log("sot-lint lsp: \(error.description); stopping")
            return false
        }
        return true
    }

    /// A message as it arrives: queued, except a cancellation (which marks the request it names) and a
    /// message that cannot be parsed (answered at once).
    private func arrived(_ body: [UInt8]) {
        switch JSONRPCMessage.parse(body) {
        case .failure(let error):
            write(JSONRPCMessage.errorWithoutID(error))
        case .success(.notification("$/cancelRequest", let params)):
            if let id = JSONRPCMessage.RequestID((params as? [String: Any])?["id"]) { cancelled.insert(id) }
        case .success(let message):
            if case .notification("textDocument/didChange", let params) = message, let uri = Self.uri(params) {
                pendingChanges[uri, default: 0] += 1
            }
            queue.append(message)
        }
    }

    /// Handles one message; the exit status when it was `exit`.
    private func handle(_ message: JSONRPCMessage) -> Int32? {
        switch message {
        case .request(let id, let method, let params):
            let params = params as? [String: Any] ?? [:]
            if cancelled.remove(id) != nil {
                send(.response(id: id, result: nil, error: .init(code: JSONRPCMessage.ResponseError.requestCancelled, message: "cancelled")))
                return nil
            }
            if let uri = Self.uri(params), pendingChanges[uri, default: 0] > 0, Self.readsContent(method) {
                send(.response(id: id, result: nil, error: .init(code: JSONRPCMessage.ResponseError.contentModified,
                                                                message: "the document changed since the request")))
                return nil
            }
            switch respond(to: method, params: params) {
            case .success(let result): send(.response(id: id, result: result, error: nil))
            case .failure(let error): send(.response(id: id, result: nil, error: error))
            }
        case .notification(let method, let params):
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            let params = params as? [String: Any] ?? [:]
            if method == "textDocument/didChange", let uri = Self.uri(params) {
                pendingChanges[uri, default: 1] -= 1
                if pendingChanges[uri] == 0 { pendingChanges[uri] = nil }
            }
            guard session != nil else { return nil }
            notified(method, params: params)
        case .response(let id, _, let error):
            guard let purpose = outgoing.removeValue(forKey: id) else { return nil }
            if let error { answeredWithError(purpose, error) }
        }
        return nil
    }

    /// Requests whose answer depends on a document's current text.
    private static func readsContent(_ method: String) -> Bool {
        method.hasPrefix("textDocument/")
    }

    private func respond(to method: String, params: [String: Any]) -> Result<Any?, JSONRPCMessage.ResponseError> {
        if method == "initialize" { return .success(initialize(params)) }
        guard session != nil else {
            return .failure(.init(code: JSONRPCMessage.ResponseError.serverNotInitialized, message: "initialize first"))
        }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .success(nil)
        case "textDocument/definition": return .success(definition(params))
        case "textDocument/references": return .success(references(params))
        case "textDocument/hover": return .success(hover(params))
        case "textDocument/documentSymbol": return .success(documentSymbols(params))
        case "workspace/symbol": return .success(workspaceSymbols((params["query"] as? String) ?? ""))
        case "textDocument/completion": return .success(completion(params))
        case "textDocument/prepareRename": return prepareRename(params)
        case "textDocument/rename": return rename(params)
        case "textDocument/codeAction": return .success(codeActions(params))
        case "textDocument/diagnostic": return .success(pulledDiagnostics(params))
        default:
            return .failure(.init(code: JSONRPCMessage.ResponseError.methodNotFound, message: "sot-lint lsp does not handle \(method)"))
        }
    }

    /// What the server needs to know of the client's capabilities.
    struct ClientCapabilities {
        /// The client watches files when asked (`workspace/didChangeWatchedFiles` with dynamic registration).
        var watchesFiles = false
        /// The client pulls diagnostics (`textDocument/diagnostic`): then none are pushed.
        var pullsDiagnostics = false
        /// The client re-pulls when asked (`workspace/diagnostic/refresh`).
        var refreshesDiagnostics = false
        /// Workspace edits may carry versioned document edits.
        var documentChanges = false
    }

    /// The folders and the position encoding from the client; the server's capabilities.
    private func initialize(_ params: [String: Any]) -> Any? {
        let capabilities = params["capabilities"] as? [String: Any] ?? [:]
        let general = capabilities["general"] as? [String: Any]
        let workspace = capabilities["workspace"] as? [String: Any]
        let text = capabilities["textDocument"] as? [String: Any]
        encoding = PositionEncoding.negotiate(offered: general?["positionEncodings"] as? [String])
        client.watchesFiles = ((workspace?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool) ?? false
        client.pullsDiagnostics = text?["diagnostic"] != nil
        client.refreshesDiagnostics = ((workspace?["diagnostics"] as? [String: Any])?["refreshSupport"] as? Bool) ?? false
        client.documentChanges = ((workspace?["workspaceEdit"] as? [String: Any])?["documentChanges"] as? Bool) ?? false
        var folders = (params["workspaceFolders"] as? [[String: Any]])?.compactMap { ($0["uri"] as? String).flatMap(Self.path(ofURI:)) } ?? []
        if folders.isEmpty, let single = (params["rootUri"] as? String).flatMap(Self.path(ofURI:)) ?? params["rootPath"] as? String {
            folders = [single]
        }
        self.folders = folders.isEmpty ? [workingDirectory] : folders.map { FilePath.absolute($0, base: workingDirectory) }
        staleFolders = Set(self.folders)
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
                "completionProvider": ["triggerCharacters": Self.completionTriggers, "resolveProvider": false],
                "renameProvider": ["prepareProvider": true],
                "codeActionProvider": ["codeActionKinds": Self.codeActionKinds, "resolveProvider": false],
                "diagnosticProvider": ["identifier": "sot-lint", "interFileDependencies": true, "workspaceDiagnostics": false],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ] as [String: Any],
            "serverInfo": ["name": "sot-lint", "version": SOTLintVersion.current],
        ] as [String: Any]
    }

    /// After `initialized`: asks the client to watch the files a lint reads (when it can), then indexes
    /// every folder, so that symbols, completion and rename know the whole workspace before a document opens.
    private func start() {
        initialized = true
        if client.watchesFiles {
            request("client/registerCapability", params: ["registrations": [[
                "id": "sot-lint-watched-files",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": Self.watchedGlobs.map { ["globPattern": $0] }],
            ] as [String: Any]]], purpose: "watch")
            session?.watchFiles(true)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let count = indexStaleFolders()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        log("sot-lint lsp: indexed \(count) SOT documents in \(folders.count) folder(s) in \(String(format: "%.0f", milliseconds)) ms"
            + (client.watchesFiles ? "; watching \(Self.watchedGlobs.joined(separator: ", "))" : "; the client does not watch files: each lint looks at the disk"))
    }

    /// The files whose changes a lint must hear of: documents, configurations, ignore files, and the YAML
    /// files a configuration may read (shared profiles of `extends`, team rules of `rule_files`).
    static let watchedGlobs = ["**/*.md", "**/*.markdown", "**/" + ProjectRoot.configName, "**/.gitignore", "**/.ignore",
                               "**/*.yml", "**/*.yaml"]

    /// Indexes the folders marked stale; the number of SOT documents indexed.
    @discardableResult
    func indexStaleFolders() -> Int {
        guard let session else { return 0 }
        var count = 0
        for folder in folders where staleFolders.contains(folder) {
            do {
                // Paths as a lint shows the other documents of a workspace: relative to the first folder.
                let found = try session.workspaces(LintRequest(paths: folder == root ? [] : [FilePath.relative(folder, to: root)]))
                folderWorkspaces[folder] = found.first
                count += found.reduce(0) { $0 + $1.documents.count }
            } catch {
                showConfigurationProblem(error)
            }
            staleFolders.remove(folder)
        }
        return count
    }

    private func answeredWithError(_ purpose: String, _ error: JSONRPCMessage.ResponseError) {
        if purpose == "watch" {
            // Without the watcher the session must look at the disk again at every lint.
            session?.watchFiles(false)
            log("sot-lint lsp: the client refused to watch files (\(error.message)); each lint looks at the disk")
        }
    }

    private func notified(_ method: String, params: [String: Any]) {
        switch method {
        case "initialized":
            start()
        case "workspace/didChangeWatchedFiles":
            filesChanged((params["changes"] as? [[String: Any]]) ?? [])
        case "workspace/didChangeWorkspaceFolders":
            foldersChanged(params["event"] as? [String: Any] ?? [:])
        default:
            let document = params["textDocument"] as? [String: Any]
            guard let uri = document?["uri"] as? String else { return }
            documentNotified(method, uri: uri, document: document ?? [:], params: params)
        }
    }

    private func documentNotified(_ method: String, uri: String, document: [String: Any], params: [String: Any]) {
        switch method {
        case "textDocument/didOpen":
            guard let path = Self.path(ofURI: uri), let text = document["text"] as? String else { return }
            documents[uri] = OpenDocument(path: path, text: Array(text.utf8), version: document["version"] as? Int)
            changed(first: uri)
        case "textDocument/didChange":
            guard var open = documents[uri], let changes = params["contentChanges"] as? [[String: Any]] else { return }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                open.text = Self.apply(change["range"] as? [String: Any], text: Array(text.utf8), to: open.text, encoding: encoding)
            }
            open.version = document["version"] as? Int ?? open.version
            documents[uri] = open
            changed(first: uri)
        case "textDocument/didClose":
            guard let open = documents.removeValue(forKey: uri) else { return }
            session?.close(path: open.path)
            workspaces[uri] = nil
            findings[uri] = nil
            if published.removeValue(forKey: uri) != nil, !client.pullsDiagnostics {
                send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": uri, "diagnostics": [Any]()]))
            }
            changed(first: nil)
        case "textDocument/didSave":
            if documents[uri] != nil { changed(first: uri) }
        default:
            break
        }
    }

    /// Something a lint reads changed: the open documents are linted again once no further edit is queued.
    func changed(first: String?) {
        markFoldersStale()
        // Without a watcher a configuration may have changed unseen.
        if !client.watchesFiles { profiles = [:] }
        if pendingChanges.values.contains(where: { $0 > 0 }) {
            if unpublished == nil || first != nil { unpublished = first ?? unpublished }
            return
        }
        let first = first ?? unpublished
        unpublished = nil
        lintOpenDocuments(first: first)
    }

    /// The folder indexes are rebuilt before their next use (open documents have their own lints).
    private func markFoldersStale() {
        staleFolders = Set(folders)
    }

    /// Files changed on disk (the client's watcher): the session forgets them; open documents are linted
    /// again, since a blocker's status or a definition elsewhere may have changed.
    private func filesChanged(_ changes: [[String: Any]]) {
        var reported: [LintSession.FileChange] = []
        for change in changes {
            guard let uri = change["uri"] as? String, let path = Self.path(ofURI: uri) else { continue }
            switch change["type"] as? Int {
            case 1: reported.append(.created(path))
            case 3: reported.append(.deleted(path))
            default: reported.append(.changed(path))
            }
        }
        guard !reported.isEmpty else { return }
        session?.filesChanged(reported)
        profiles = [:]
        changed(first: nil)
    }

    private func foldersChanged(_ event: [String: Any]) {
        let removed = Set(((event["removed"] as? [[String: Any]]) ?? []).compactMap { ($0["uri"] as? String).flatMap(Self.path(ofURI:)) })
        let added = ((event["added"] as? [[String: Any]]) ?? []).compactMap { ($0["uri"] as? String).flatMap(Self.path(ofURI:)) }
        folders = folders.filter { !removed.contains($0) } + added.filter { !folders.contains($0) }
        for folder in removed { folderWorkspaces[folder] = nil }
        // The session's working directory (the first folder) stays what it was: paths stay comparable.
        if folders.isEmpty { folders = [workingDirectory] }
        markFoldersStale()
    }

    /// `text` with one change applied: the whole text without a range, else the range replaced.
    static func apply(_ range: [String: Any]?, text replacement: [UInt8], to text: [UInt8], encoding: PositionEncoding) -> [UInt8] {
        guard let range, let start = position(range["start"]), let end = position(range["end"]) else { return replacement }
        let converter = LSPPositionConverter(source: SourceText(path: "", bytes: text), encoding: encoding)
        let from = converter.byteOffset(of: start)
        let to = max(from, converter.byteOffset(of: end))
        return Array(text[..<from]) + replacement + Array(text[to...])
    }

    static func position(_ value: Any?) -> LSPPosition? {
        guard let value = value as? [String: Any], let line = value["line"] as? Int, let character = value["character"] as? Int else { return nil }
        return LSPPosition(line: line, character: character)
    }

    /// The URI of the document a message's parameters name.
    static func uri(_ params: Any?) -> String? {
        ((params as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String
    }

    /// The file path of a `file:` URI (percent-decoded); nil for another scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// The `file:` URI of a path (relative paths are taken from the first folder).
    func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: FilePath.absolute(path, base: root)).absoluteString
    }

    /// The open document at a path, if any (by its absolute path).
    func openDocument(atPath path: String) -> (uri: String, document: OpenDocument)? {
        let absolute = FilePath.absolute(path, base: root)
        return documents.first { FilePath.absolute($0.value.path, base: root) == absolute }.map { ($0.key, $0.value) }
    }

    /// The text of `path` (a workspace path, relative to the first folder or absolute): its open buffer,
    /// else the file.
    func text(of path: String) -> (uri: String, bytes: [UInt8])? {
        if let (uri, open) = openDocument(atPath: path) { return (uri, open.text) }
        let absolute = FilePath.absolute(path, base: root)
        guard let bytes = try? FilePath.read(absolute) else { return nil }
        return (URL(fileURLWithPath: absolute).absoluteString, bytes)
    }

    func lspRange(_ range: SourceRange, _ converter: inout LSPPositionConverter) -> [String: Any] {
        lspRange(bytes: converter.source.byteRange(range), &converter)
    }

    func lspRange(bytes: Range<Int>, _ converter: inout LSPPositionConverter) -> [String: Any] {
        let start = converter.position(ofByte: bytes.lowerBound)
        let end = converter.position(ofByte: bytes.upperBound)
        return ["start": ["line": start.line, "character": start.character], "end": ["line": end.line, "character": end.character]]
    }

    func converter(for path: String, bytes: [UInt8]) -> LSPPositionConverter {
        LSPPositionConverter(source: SourceText(path: path, bytes: bytes), encoding: encoding)
    }

    /// A line for the client's log once it is initialized (`window/logMessage`, type Log), standard error
    /// before. Never a secret: callers pass paths, counts and error lines that name files and causes.
    func log(_ message: String) {
        if initialized {
            send(.notification(method: "window/logMessage", params: ["type": 4, "message": message]))
        } else {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    /// Sends a request to the client; its answer is matched by id.
    func request(_ method: String, params: Any?, purpose: String) {
        let id = JSONRPCMessage.RequestID.string("sot-lint-\(nextOutgoingID)")
        nextOutgoingID += 1
        outgoing[id] = purpose
        send(.request(id: id, method: method, params: params))
    }

    func send(_ message: JSONRPCMessage) {
        write(message.body)
    }

    func write(_ body: [UInt8]) {
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
