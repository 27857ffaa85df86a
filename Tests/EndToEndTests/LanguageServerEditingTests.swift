import Foundation
import XCTest

/// `sot-lint lsp` helping to write: completion, rename, code actions, hover on rules.
final class LanguageServerEditingTests: LanguageServerTestCase {
    private let backupDocument = """
        ## CTO-WORK-311 - Nightly Backup

        Status: open.

        Acceptance:

        - A nightly backup exists.

        """

    /// `text` with LSP text edits applied (positions in UTF-16, as the default encoding).
    private func applying(_ edits: [[String: Any]], to text: String) throws -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func offset(_ position: [String: Any]?) throws -> Int {
            let line = try XCTUnwrap(position?["line"] as? Int)
            let character = try XCTUnwrap(position?["character"] as? Int)
            return lines[..<line].reduce(0) { $0 + $1.utf16.count + 1 } + character
        }
        var units = Array(text.utf16)
        let ordered = try edits.map { edit -> (Int, Int, String) in
            let range = edit["range"] as? [String: Any]
            return (try offset(range?["start"] as? [String: Any]), try offset(range?["end"] as? [String: Any]), try XCTUnwrap(edit["newText"] as? String))
        }.sorted { $0.0 > $1.0 }
        for (start, end, replacement) in ordered { units.replaceSubrange(start..<end, with: Array(replacement.utf16)) }
        return String(decoding: units, as: UTF16.self)
    }

    private func labels(_ response: [String: Any]) -> [String] {
        (((response["result"] as? [String: Any])?["items"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
    }

    func testCompletionOfIDsStatusesLabelsAndRuleIDs() throws {
        try write("backup.md", sotDocument("CTO Case Backup Issues", backupDocument))
        let uri = directory.appendingPathComponent("storage.md").absoluteString
        let text = sotDocument("CTO Case Storage Issues", """
            ## CTO-WORK-312 - Restore Drill

            Status: blocked.

            Blocked by:

            - `CTO-WORK-3

            Acce

            See `CTO

            <!-- sot-lint-disable-next-line status-u -->
            """)
        let (client, _) = try start(encodings: nil)
        client.open(uri, text)
        _ = try client.diagnostics(for: uri)
        func complete(_ line: Int, _ character: Int) throws -> [String: Any] {
            try client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
        }
        // Line 15 is the heading; the blocker item is line 21, after "- `CTO-WORK-3".
        let ids = try complete(21, 13)
        XCTAssertEqual(labels(ids), ["CTO-WORK-311"], "not the issue itself")
        let item = try XCTUnwrap(((ids["result"] as? [String: Any])?["items"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["detail"] as? String, "open. — Nightly Backup")
        let edit = try XCTUnwrap(item["textEdit"] as? [String: Any])
        XCTAssertEqual(edit["newText"] as? String, "CTO-WORK-311")
        XCTAssertEqual(range(edit), [21, 3, 21, 13], "replaces what was typed")
        // In backticks in prose: every ID, the issue itself included.
        XCTAssertEqual(labels(try complete(25, 8)), ["CTO-WORK-311", "CTO-WORK-312"])
        // After "Status: ": the profile's statuses.
        let statuses = labels(try complete(17, 8))
        XCTAssertTrue(statuses.contains("blocked") && statuses.contains("open") && statuses.contains("done"), "\(statuses)")
        // At the start of a line in a section: the field labels.
        XCTAssertEqual(labels(try complete(23, 4)), ["Acceptance:"])
        // In a directive: rule ids.
        XCTAssertEqual(labels(try complete(27, 40)), ["status-unknown"])
        // In prose outside backticks: nothing.
        XCTAssertEqual(labels(try complete(13, 5)), [])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testRenameAnIDInEveryDocumentAndRefusals() throws {
        try write("backup.md", sotDocument("CTO Case Backup Issues", backupDocument))
        let backup = directory.appendingPathComponent("backup.md").absoluteString
        let storage = directory.appendingPathComponent("storage.md").absoluteString
        let storageText = sotDocument("CTO Case Storage Issues", "Café: backups are planned in `CTO-WORK-311`.\n")
        let (client, _) = try start(encodings: nil, capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        client.open(storage, storageText, version: 7)
        _ = try client.diagnostics(for: storage)
        let at: [String: Any] = ["textDocument": ["uri": storage], "position": ["line": 15, "character": 33]]
        let prepared = try XCTUnwrap(try client.request("textDocument/prepareRename", at)["result"] as? [String: Any])
        XCTAssertEqual(prepared["placeholder"] as? String, "CTO-WORK-311")
        XCTAssertEqual(range(prepared), [15, 30, 15, 42])
        var params = at
        params["newName"] = "CTO-WORK-400"
        let edit = try XCTUnwrap(try client.request("textDocument/rename", params)["result"] as? [String: Any])
        let changes = try XCTUnwrap(edit["documentChanges"] as? [[String: Any]])
        var byURI: [String: [[String: Any]]] = [:]
        var versions: [String: Any] = [:]
        for change in changes {
            let document = try XCTUnwrap(change["textDocument"] as? [String: Any])
            let uri = try XCTUnwrap(document["uri"] as? String)
            byURI[uri] = change["edits"] as? [[String: Any]]
            versions[uri] = document["version"]
        }
        XCTAssertEqual(Set(byURI.keys), [backup, storage])
        XCTAssertEqual(versions[storage] as? Int, 7, "the open buffer's version")
        XCTAssertTrue(versions[backup] is NSNull, "a file on disk")
        XCTAssertEqual(try applying(try XCTUnwrap(byURI[storage]), to: storageText), storageText.replacingOccurrences(of: "CTO-WORK-311", with: "CTO-WORK-400"))
        let backupText = try String(contentsOf: directory.appendingPathComponent("backup.md"), encoding: .utf8)
        XCTAssertEqual(try applying(try XCTUnwrap(byURI[backup]), to: backupText), backupText.replacingOccurrences(of: "CTO-WORK-311", with: "CTO-WORK-400"))
        // Refused: an ID that does not fit the pattern, and one that is taken.
        params["newName"] = "backup-1"
        let invalid = try client.request("textDocument/rename", params)
        XCTAssertEqual((invalid["error"] as? [String: Any])?["code"] as? Int, -32803)
        XCTAssertTrue("\(invalid)".contains("backup-1"), "\(invalid)")
        try write("other.md", sotDocument("CTO Case Other Issues", backupDocument.replacingOccurrences(of: "311 - Nightly Backup", with: "500 - Other")))
        // Saved: linted again (its diagnostics do not change, so nothing is published), the new ID known.
        client.notify("textDocument/didSave", ["textDocument": ["uri": storage]])
        params["newName"] = "CTO-WORK-500"
        let taken = try client.request("textDocument/rename", params)
        XCTAssertEqual((taken["error"] as? [String: Any])?["code"] as? Int, -32803)
        XCTAssertTrue("\(taken)".contains("CTO-WORK-500"), "\(taken)")
        // Off any ID there is nothing to rename.
        let prose = try client.request("textDocument/prepareRename", ["textDocument": ["uri": storage], "position": ["line": 15, "character": 2]])
        XCTAssertNotNil(prose["error"])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    private func actions(_ client: LSPTestClient, _ uri: String, line: Int, only: [String]? = nil) throws -> [[String: Any]] {
        var context: [String: Any] = ["diagnostics": [Any]()]
        if let only { context["only"] = only }
        let response = try client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "context": context,
                                                                        "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]]])
        return try XCTUnwrap(response["result"] as? [[String: Any]])
    }

    private func edits(_ action: [String: Any], _ uri: String) throws -> [[String: Any]] {
        try XCTUnwrap(((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
    }

    /// Replaces the whole buffer and returns the rules of its new diagnostics.
    private func replace(_ client: LSPTestClient, _ uri: String, _ text: String, version: Int) throws -> [String] {
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
        return try client.diagnostics(for: uri).compactMap { $0["code"] as? String }
    }

    func testCodeActionsFixDisableAllowAndFixAll() throws {
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        // A misspelt label (fixable), an unknown status (not fixable), and a secret.
        let text = sotDocument("CTO Case Plan Issues", """
            ## CTO-WORK-001 - First

            Status: opne.

            Acceptence:

            - It works.

            Token for the test account: \(token)

            """)
        let (client, _) = try start(encodings: nil)
        client.open(uri, text)
        XCTAssertEqual(Set(try client.diagnostics(for: uri).compactMap { $0["code"] as? String }),
                       ["status-unknown", "field-label-unknown", "secret-leak", "acceptance-missing"])
        // The fix of the label, the same edit as --fix.
        let labelActions = try actions(client, uri, line: 19)
        let fix = try XCTUnwrap(labelActions.first { ($0["title"] as? String)?.hasPrefix("Fix:") == true }, "\(labelActions)")
        XCTAssertEqual(fix["isPreferred"] as? Bool, true)
        let fixed = try applying(try edits(fix, uri), to: text)
        XCTAssertTrue(fixed.contains("\nAcceptance:\n"), fixed)
        // Disable for this line: the status finding goes, nothing else comes.
        let statusActions = try actions(client, uri, line: 17)
        let disable = try XCTUnwrap(statusActions.first { ($0["title"] as? String) == "Disable status-unknown for this line" }, "\(statusActions)")
        let disabled = try applying(try edits(disable, uri), to: text)
        XCTAssertTrue(disabled.contains("<!-- sot-lint-disable-next-line status-unknown -->\nStatus: opne."), disabled)
        XCTAssertEqual(Set(try replace(client, uri, disabled, version: 2)), ["field-label-unknown", "secret-leak", "acceptance-missing"])
        // Allow this secret: an allow comment with a reason to fill in, never the secret.
        let secretActions = try actions(client, uri, line: 24)
        let allow = try XCTUnwrap(secretActions.first { ($0["title"] as? String)?.hasPrefix("Allow this secret (github-pat-classic)") == true }, "\(secretActions)")
        XCTAssertFalse("\(secretActions)".contains(token.dropFirst(4).prefix(8)), "never the secret")
        XCTAssertNil(secretActions.first { ($0["title"] as? String)?.hasPrefix("Disable secret-leak") == true }, "inline disables do not apply to secrets")
        let allowed = try applying(try edits(allow, uri), to: disabled)
        XCTAssertTrue(allowed.contains("<!-- sot-lint-allow-secret github-pat-classic TODO: why this value may stay -->\nToken"), allowed)
        XCTAssertEqual(Set(try replace(client, uri, allowed, version: 3)), ["field-label-unknown", "acceptance-missing"])
        // Fix all: the document --fix writes.
        let all = try actions(client, uri, line: 0, only: ["source.fixAll"])
        XCTAssertEqual(all.compactMap { $0["kind"] as? String }, ["source.fixAll.sot-lint"])
        let fixedAll = try applying(try edits(try XCTUnwrap(all.first), uri), to: allowed)
        try write("plan.md", allowed)
        _ = try BinaryRunner.run(["--fix", "plan.md"], in: directory)
        XCTAssertEqual(fixedAll, try String(contentsOf: directory.appendingPathComponent("plan.md"), encoding: .utf8))
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testATitleThatQuotesASecretIsRedactedInHoverCompletionAndSymbols() throws {
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        let text = sotDocument("CTO Case Plan Issues", """
            ## CTO-WORK-001 - Rotate \(token) today

            Status: open.

            Acceptance:

            - Rotated.

            ## CTO-WORK-002 - Follow-up

            Status: blocked.

            Blocked by:

            - `CTO-WORK-0

            """)
        let (client, _) = try start(encodings: nil)
        client.open(uri, text)
        _ = try client.diagnostics(for: uri)
        let secret = String(token.dropFirst(4).prefix(8))
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 15, "character": 6]])
        XCTAssertTrue("\(hover)".contains("<redacted>"), "\(hover)")
        let completion = try client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 29, "character": 13]])
        XCTAssertEqual(labels(completion), ["CTO-WORK-001"])
        let symbols = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        let everywhere = try client.request("workspace/symbol", ["query": "rotate"])
        for answer in [hover, completion, symbols, everywhere] {
            XCTAssertFalse("\(answer)".contains(secret), "never the secret: \(answer)")
        }
        XCTAssertTrue("\(everywhere)".contains("CTO-WORK-001 - Rotate <redacted> today"), "\(everywhere)")
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testHoverOnAFindingAndOnARuleIDInADirective() throws {
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        let text = sotDocument("CTO Case Plan Issues", """
            ## CTO-WORK-001 - First

            <!-- sot-lint-disable-next-line status-unknown -->
            Status: opne.

            """)
        let (client, _) = try start(encodings: nil)
        client.open(uri, text)
        _ = try client.diagnostics(for: uri)
        let onFinding = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 15, "character": 10]])
        let value = try XCTUnwrap(((onFinding["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
        XCTAssertTrue(value.hasPrefix("**CTO-WORK-001** — First"), "the issue first: \(value)")
        XCTAssertTrue(value.contains("**acceptance-missing**") && value.contains("docs/rules.md#acceptance-missing"), value)
        let onDirective = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 17, "character": 40]])
        let directive = try XCTUnwrap(((onDirective["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
        XCTAssertTrue(directive.hasPrefix("**status-unknown**"), directive)
        XCTAssertEqual(range(try XCTUnwrap(onDirective["result"] as? [String: Any])), [17, 32, 17, 46])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }
}
