import Foundation
import XCTest
import SOTServer
#if canImport(Glibc)
import Glibc
#endif

/// A client: frames JSON messages to the server and reads its messages back, with a timeout.
final class LSPTestClient {
    let process = Process()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private var reader = MessageReader()
    private var received: [[String: Any]] = []
    private var nextID = 1

    init(directory: URL) throws {
        process.executableURL = BinaryRunner.binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = directory
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["SOT_LINT_TODAY"] = "2026-06-15"
        process.environment = environment
        try process.run()
    }

    func send(_ object: [String: Any]) {
        var message = object
        message["jsonrpc"] = "2.0"
        send(body: Array(try! JSONSerialization.data(withJSONObject: message)))
    }

    /// Several messages in one write: the server reads them together, as a fast client's burst.
    func sendTogether(_ objects: [[String: Any]]) {
        var bytes: [UInt8] = []
        for object in objects {
            var message = object
            message["jsonrpc"] = "2.0"
            bytes += MessageWriter.frame(Array(try! JSONSerialization.data(withJSONObject: message)))
        }
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    /// The next id `send(request:)` will use.
    var upcomingID: Int { nextID }

    /// Reserves an id for a request sent with `sendTogether`.
    func reserveID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    func send(body: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(MessageWriter.frame(body)))
    }

    func notify(_ method: String, _ params: [String: Any]) {
        send(["method": method, "params": params])
    }

    /// Sends a request and returns its response (notifications that came first are kept for `next`).
    func request(_ method: String, _ params: [String: Any]? = nil) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method]
        if let params { message["params"] = params }
        send(message)
        return try next { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// Sends a request without waiting for its answer; its id.
    func send(request method: String, _ params: [String: Any]) -> Int {
        let id = nextID
        nextID += 1
        send(["id": id, "method": method, "params": params])
        return id
    }

    /// The response to the request `id`.
    func response(to id: Int) throws -> [String: Any] {
        try next { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// How many messages already received match (and are not taken yet).
    func pending(_ matches: ([String: Any]) -> Bool) -> Int {
        received.filter(matches).count
    }

    /// Opens a document with `text`.
    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text]])
    }

    /// The first message (received or coming) that `matches`, within ten seconds.
    func next(_ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            var descriptor = pollfd(fd: fromServer.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard left > 0, poll(&descriptor, 1, left) > 0 else { throw NSError(domain: "lsp", code: 1, userInfo: [NSLocalizedDescriptionKey: "timed out"]) }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor.fd, &buffer, buffer.count)
            guard count > 0 else { throw NSError(domain: "lsp", code: 2, userInfo: [NSLocalizedDescriptionKey: "the server closed its output"]) }
            for body in try reader.feed(buffer[0..<count]) {
                received.append(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]))
            }
        }
    }

    func diagnostics(for uri: String) throws -> [[String: Any]] {
        let message = try next { $0["method"] as? String == "textDocument/publishDiagnostics" && ($0["params"] as? [String: Any])?["uri"] as? String == uri }
        return try XCTUnwrap((message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])
    }

    func exitStatus() -> Int32 {
        toServer.fileHandleForWriting.closeFile()
        process.waitUntilExit()
        return process.terminationStatus
    }
}


/// What the language server tests share: a server started in the test's folder, ranges, SOT documents.
class LanguageServerTestCase: TemporaryDirectoryTestCase {
    let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    /// A server for the test's folder (or `folders`), initialized with `capabilities` (and the encodings offered).
    func start(encodings: [String]?, capabilities: [String: Any] = [:], folders: [URL]? = nil) throws -> (LSPTestClient, [String: Any]) {
        let client = try LSPTestClient(directory: directory)
        var capabilities = capabilities
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        var params: [String: Any] = ["processId": NSNull(), "rootUri": directory.absoluteString, "capabilities": capabilities]
        if let folders { params["workspaceFolders"] = folders.map { ["uri": $0.absoluteString, "name": $0.lastPathComponent] } }
        let response = try client.request("initialize", params)
        client.notify("initialized", [:])
        return (client, try XCTUnwrap(response["result"] as? [String: Any]))
    }

    func range(_ diagnostic: [String: Any]) -> [Int] {
        let range = diagnostic["range"] as? [String: Any]
        let start = range?["start"] as? [String: Any]
        let end = range?["end"] as? [String: Any]
        return [start?["line"], start?["character"], end?["line"], end?["character"]].map { $0 as? Int ?? -1 }
    }

    /// A storage plan whose issue mentions `CTO-WORK-311` in its acceptance: a reference (the plan's own issue
    /// makes its prefix known), unresolved until some document defines that issue.
    func storageDocument() -> String {
        sotDocument("CTO Case Storage Issues", "## CTO-WORK-310 - Storage Plan\n\nStatus: open.\n\nAcceptance:\n\n- Backups are planned in `CTO-WORK-311`.\n")
    }

    func sotDocument(_ title: String, _ body: String) -> String {
        """
        ---
        title: \(title)
        status: active
        lifecycle_classification: sot
        owner: jp
        created: 2026-01-05
        last_reviewed: 2026-05-20
        core_promotion_status: not-promoted
        route: cto
        ---

        # \(title)

        Local planning SOT only. Not a Core Protocol. Not active Core authority.

        \(body)
        """
    }
}
