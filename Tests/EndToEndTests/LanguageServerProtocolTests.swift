import Foundation
import XCTest

/// `sot-lint lsp`'s protocol beyond the first tests: cancellation and out-of-date requests, pulled
/// diagnostics, the file watcher, the last good configuration, several folders, the client's log.
final class LanguageServerProtocolTests: LanguageServerTestCase {
    private func errorCode(_ response: [String: Any]) -> Int? {
        (response["error"] as? [String: Any])?["code"] as? Int
    }

    private let backupDocument = """
        ## CTO-WORK-311 - Nightly Backup

        Status: open.

        Acceptance:

        - A nightly backup exists.

        """

    func testACancelledRequestAndOneAboutAnEditedDocumentGetTheirErrors() throws {
        let uri = directory.appendingPathComponent("storage.md").absoluteString
        let (client, _) = try start(encodings: nil)
        client.open(uri, sotDocument("CTO Case Storage Issues", "Backups are planned in `CTO-WORK-311`.\n"))
        _ = try client.diagnostics(for: uri)
        // In one burst: a hover cancelled right after, a hover followed by an edit of its document, a hover
        // after the edit. The first is cancelled, the second out of date, the third answered.
        let at: [String: Any] = ["textDocument": ["uri": uri], "position": ["line": 15, "character": 28]]
        let cancelled = client.reserveID()
        let outdated = client.reserveID()
        let answered = client.reserveID()
        client.sendTogether([
            ["id": cancelled, "method": "textDocument/hover", "params": at],
            ["method": "$/cancelRequest", "params": ["id": cancelled]],
            ["id": outdated, "method": "textDocument/hover", "params": at],
            ["method": "textDocument/didChange", "params": ["textDocument": ["uri": uri, "version": 2],
                                                             "contentChanges": [["range": ["start": ["line": 15, "character": 0],
                                                                                           "end": ["line": 15, "character": 7]],
                                                                                 "text": "Restores"]]]],
            ["id": answered, "method": "textDocument/hover", "params": at],
        ])
        XCTAssertEqual(errorCode(try client.response(to: cancelled)), -32800)
        XCTAssertEqual(errorCode(try client.response(to: outdated)), -32801)
        let hover = try client.response(to: answered)
        XCTAssertNil(hover["error"])
        XCTAssertTrue("\(hover)".contains("CTO-WORK-311"), "\(hover)")
        XCTAssertTrue(try client.request("shutdown")["result"] is NSNull)
        client.notify("exit", [:])
        XCTAssertEqual(client.exitStatus(), 0)
    }

    func testARunOfQueuedEditsIsLintedOnceAfterTheLast() throws {
        let uri = directory.appendingPathComponent("notes.md").absoluteString
        let (client, _) = try start(encodings: nil)
        client.open(uri, "# Notes\n")
        XCTAssertEqual(try client.diagnostics(for: uri).count, 0)
        // Ten edits in one burst, the last one adding a secret: one publication, the last text's.
        var burst: [[String: Any]] = []
        for version in 2...11 {
            let text = version == 11 ? "# Notes\n\nkey: \(token)\n" : "# Notes \(version)\n"
            burst.append(["method": "textDocument/didChange", "params": ["textDocument": ["uri": uri, "version": version],
                                                                          "contentChanges": [["text": text]]]])
        }
        client.sendTogether(burst)
        XCTAssertEqual(try client.diagnostics(for: uri).compactMap { $0["code"] as? String }, ["secret-leak"])
        let marker = try client.request("shutdown")
        XCTAssertTrue(marker["result"] is NSNull)
        XCTAssertEqual(client.pending { $0["method"] as? String == "textDocument/publishDiagnostics" }, 0, "published once")
        client.notify("exit", [:])
        XCTAssertEqual(client.exitStatus(), 0)
    }

    func testPulledDiagnosticsWithTheRuleDocumentationAndNoPush() throws {
        let uri = directory.appendingPathComponent("storage.md").absoluteString
        let (client, result) = try start(encodings: nil, capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
        let provider = try XCTUnwrap((result["capabilities"] as? [String: Any])?["diagnosticProvider"] as? [String: Any])
        XCTAssertEqual(provider["interFileDependencies"] as? Bool, true)
        client.open(uri, storageDocument())
        let report = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])
        let full = try XCTUnwrap(report["result"] as? [String: Any])
        XCTAssertEqual(full["kind"] as? String, "full")
        let items = try XCTUnwrap(full["items"] as? [[String: Any]])
        XCTAssertEqual(items.compactMap { $0["code"] as? String }, ["reference-unresolved"])
        let href = (items.first?["codeDescription"] as? [String: Any])?["href"] as? String
        XCTAssertEqual(href, "https://github.com/sot-lint/sot-lint/blob/main/docs/rules.md#reference-unresolved")
        // Asked again with the result id: unchanged.
        let again = try client.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": full["resultId"] as Any])
        XCTAssertEqual((again["result"] as? [String: Any])?["kind"] as? String, "unchanged")
        XCTAssertTrue(try client.request("shutdown")["result"] is NSNull)
        XCTAssertEqual(client.pending { $0["method"] as? String == "textDocument/publishDiagnostics" }, 0, "a pulling client gets no push")
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testTheWatcherIsRegisteredAndDiskChangesRepublishOpenDocuments() throws {
        let storage = directory.appendingPathComponent("storage.md").absoluteString
        let backup = directory.appendingPathComponent("backup.md")
        let (client, _) = try start(encodings: nil, capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        let registration = try client.next { $0["method"] as? String == "client/registerCapability" }
        let registrations = try XCTUnwrap((registration["params"] as? [String: Any])?["registrations"] as? [[String: Any]])
        XCTAssertEqual(registrations.first?["method"] as? String, "workspace/didChangeWatchedFiles")
        let watchers = try XCTUnwrap((registrations.first?["registerOptions"] as? [String: Any])?["watchers"] as? [[String: Any]])
        XCTAssertEqual(Set(watchers.compactMap { $0["globPattern"] as? String }).isSuperset(of: ["**/*.md", "**/.sot-lint.yml"]), true)
        client.send(["id": registration["id"] as Any, "result": NSNull()])
        client.open(storage, storageDocument())
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, ["reference-unresolved"])
        // Another document appears on disk that defines the ID: the open one is published again without the finding.
        try write("backup.md", sotDocument("CTO Case Backup Issues", backupDocument))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": backup.absoluteString, "type": 1]]])
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, [])
        // It changes (the ID is gone), then it is deleted: each time the finding comes back or stays.
        try write("backup.md", sotDocument("CTO Case Backup Issues", ""))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": backup.absoluteString, "type": 2]]])
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, ["reference-unresolved"])
        try write("backup.md", sotDocument("CTO Case Backup Issues", backupDocument))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": backup.absoluteString, "type": 2]]])
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, [])
        try FileManager.default.removeItem(at: backup)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": backup.absoluteString, "type": 3]]])
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, ["reference-unresolved"])
        // The same verdict as the command line on the same files.
        try write("storage.md", storageDocument())
        let cli = try BinaryRunner.run(["--format", "json", "storage.md"], in: directory)
        XCTAssertTrue(cli.stdout.contains("reference-unresolved"), cli.stdout)
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testABrokenConfigurationKeepsTheLastGoodProfileServing() throws {
        let uri = directory.appendingPathComponent("storage.md").absoluteString
        let config = directory.appendingPathComponent(".sot-lint.yml")
        try "rules:\n  reference-unresolved: off\n".write(to: config, atomically: true, encoding: .utf8)
        let (client, _) = try start(encodings: nil)
        client.open(uri, sotDocument("CTO Case Storage Issues", "Backups are planned in `CTO-WORK-311`.\n"))
        XCTAssertEqual(try client.diagnostics(for: uri).compactMap { $0["code"] as? String }, [])
        // Broken and saved: the problem is shown on the file and as a message, and the documents are still
        // linted with the profile it gave before (reference-unresolved stays off).
        try "rules:\n  reference-unresolved: off\n  nope: [\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                 "contentChanges": [["text": sotDocument("CTO Case Storage Issues", "Restores are planned in `CTO-WORK-311`.\n")]]])
        let shown = try client.diagnostics(for: config.absoluteString)
        XCTAssertEqual(shown.count, 1)
        let message = try client.next { $0["method"] as? String == "window/showMessage" }
        let text = try XCTUnwrap((message["params"] as? [String: Any])?["message"] as? String)
        XCTAssertTrue(text.contains("invalid configuration") && text.contains("last valid configuration"), text)
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 15, "character": 28]])
        XCTAssertTrue("\(hover)".contains("CTO-WORK-311"), "still serving: \(hover)")
        XCTAssertEqual(client.pending { $0["method"] as? String == "textDocument/publishDiagnostics" && "\($0)".contains("reference-unresolved") }, 0)
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testAnImportedModelIsReadAgainAtEveryLintEvenWithTheWatcher() throws {
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        try write(".sot-lint.yml", "imports: [\"ops.model.json\"]\n")
        let model = { (ids: [String]) in
            "{\"version\": 1, \"issues\": [" + ids.enumerated().map { index, id in
                "{\"id\": \"\(id)\", \"title\": \"Theirs\", \"path\": \"plans/ops.md\", \"line\": \(16 + 8 * index), \"status\": \"open\", \"category\": \"active\"}"
            }.joined(separator: ", ") + "]}\n"
        }
        try write("ops.model.json", model(["OPS-WORK-700", "OPS-WORK-701"]))
        let (client, _) = try start(encodings: nil, capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        let registration = try client.next { $0["method"] as? String == "client/registerCapability" }
        client.send(["id": registration["id"] as Any, "result": NSNull()])
        client.open(uri, sotDocument("CTO Case Plan Issues", "Waits for `OPS-WORK-701` of the operations team.\n"))
        XCTAssertEqual(try client.diagnostics(for: uri).compactMap { $0["code"] as? String }, [])
        // The other repository drops the issue; no watched file changes, the next edit sees it.
        try write("ops.model.json", model(["OPS-WORK-700"]))
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text":
            sotDocument("CTO Case Plan Issues", "Still waits for `OPS-WORK-701` of the operations team.\n")]]])
        XCTAssertEqual(try client.diagnostics(for: uri).compactMap { $0["code"] as? String }, ["reference-unresolved"])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testSeveralFoldersAreIndexedAtStartAndTheLogGoesToTheClient() throws {
        let first = directory.appendingPathComponent("first")
        let second = directory.appendingPathComponent("second")
        try write("first/.sot-lint.yml", "{}\n")
        try write("second/.sot-lint.yml", "{}\n")
        try write("first/backup.md", sotDocument("CTO Case Backup Issues", backupDocument))
        try write("second/plan.md", sotDocument("CTO Case Plan Issues", backupDocument.replacingOccurrences(of: "311 - Nightly Backup", with: "512 - Offsite Copy")))
        let (client, _) = try start(encodings: nil, folders: [first, second])
        let log = try client.next { $0["method"] as? String == "window/logMessage" }
        XCTAssertTrue("\(log)".contains("indexed 2 SOT documents in 2 folder(s)"), "\(log)")
        // No document is open: workspace symbols come from the folders' index.
        let symbols = try XCTUnwrap(try client.request("workspace/symbol", ["query": ""])["result"] as? [[String: Any]])
        XCTAssertEqual(symbols.compactMap { $0["name"] as? String }, ["CTO-WORK-311 - Nightly Backup", "CTO-WORK-512 - Offsite Copy"])
        XCTAssertEqual(symbols.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String },
                       [first.appendingPathComponent("backup.md").absoluteString, second.appendingPathComponent("plan.md").absoluteString])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }
}
