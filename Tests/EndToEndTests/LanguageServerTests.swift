import Foundation
import XCTest
import SOTServer
#if canImport(Glibc)
import Glibc
#endif

/// `sot-lint lsp` driven over its standard input and output by a small client of our own.
final class LanguageServerTests: LanguageServerTestCase {
    func testDiagnosticsOfAnOpenBufferInTheNegotiatedEncoding() throws {
        // The token starts after 13 characters of which two take two bytes in UTF-8: column 13 in UTF-16 and
        // UTF-32, 15 in UTF-8. The buffer is never saved: the diagnostics come from it.
        let text = "# Notes\n\nClé d'accès: \(token) 🙂\n"
        let uri = directory.appendingPathComponent("notes.md").absoluteString
        for (offered, encoding, column) in [(nil, "utf-16", 13), (["utf-16", "utf-8"], "utf-8", 15), (["utf-32"], "utf-32", 13)] as [([String]?, String, Int)] {
            let (client, result) = try start(encodings: offered)
            let capabilities = try XCTUnwrap(result["capabilities"] as? [String: Any])
            XCTAssertEqual(capabilities["positionEncoding"] as? String, encoding)
            client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]])
            let diagnostics = try client.diagnostics(for: uri)
            let secret = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "secret-leak" }, "\(diagnostics)")
            XCTAssertEqual(range(secret), [2, column, 2, column + token.count], encoding)
            XCTAssertEqual(secret["source"] as? String, "sot-lint")
            XCTAssertEqual(secret["severity"] as? Int, 1)
            XCTAssertFalse("\(diagnostics)".contains(token.dropFirst(4).prefix(8)), "never the secret")
            XCTAssertTrue(try client.request("shutdown")["result"] is NSNull)
            client.notify("exit", [:])
            XCTAssertEqual(client.exitStatus(), 0)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.md").path))
    }

    func testIncrementalChangesEditTheBuffer() throws {
        let uri = directory.appendingPathComponent("notes.md").absoluteString
        let (client, _) = try start(encodings: nil)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1,
                                                               "text": "# Notes\n\n🙂 key: \(token)\n"]])
        XCTAssertEqual(try client.diagnostics(for: uri).filter { $0["code"] as? String == "secret-leak" }.count, 1)
        // Replace the token (after "🙂 key: ", 8 UTF-16 units) with a placeholder: the finding goes.
        let start = ["line": 2, "character": 8]
        let end = ["line": 2, "character": 8 + token.count]
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                 "contentChanges": [["range": ["start": start, "end": end], "text": "<token>"]]])
        XCTAssertEqual(try client.diagnostics(for: uri).filter { $0["code"] as? String == "secret-leak" }.count, 0)
        // A whole-text change brings it back; closing the document clears its diagnostics.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3],
                                                 "contentChanges": [["text": "# Notes\n\nkey: \(token)\n"]]])
        XCTAssertEqual(try client.diagnostics(for: uri).filter { $0["code"] as? String == "secret-leak" }.count, 1)
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        XCTAssertEqual(try client.diagnostics(for: uri).count, 0)
        client.notify("exit", [:])
        XCTAssertEqual(client.exitStatus(), 1, "exit without shutdown")
    }

    func testUnknownAndEarlyRequestsAreErrorsNotCrashes() throws {
        let client = try LSPTestClient(directory: directory)
        let early = try client.request("textDocument/hover", [:])
        XCTAssertEqual((early["error"] as? [String: Any])?["code"] as? Int, -32002, "before initialize")
        _ = try client.request("initialize", ["capabilities": [:]])
        let unknown = try client.request("sot-lint/unknown", [:])
        XCTAssertEqual((unknown["error"] as? [String: Any])?["code"] as? Int, -32601)
        // A body that is not JSON: an error with a null id, and the server goes on.
        client.send(body: Array("{not json".utf8))
        let parseError = try client.next { $0["id"] is NSNull }
        XCTAssertEqual((parseError["error"] as? [String: Any])?["code"] as? Int, -32700)
        // A notification without the parameters it needs is ignored.
        client.send(["method": "textDocument/didOpen"])
        XCTAssertTrue(try client.request("shutdown")["result"] is NSNull)
        client.notify("exit", [:])
        XCTAssertEqual(client.exitStatus(), 0)
    }

    func testNeovimsClientGetsTheDiagnosticAtTheRightColumnAndGoesToTheDefinition() throws {
        // scripts/test.sh installs Neovim (package neovim) when it is missing.
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "/usr/bin/nvim"), "/usr/bin/nvim: run scripts/test.sh, which installs neovim")
        // "Clé d’accès: " is 13 UTF-16 units and 17 bytes: Neovim asks for UTF-16 and shows byte columns.
        // CTO-WORK-311 is defined in the other document, backup.md, on its line 16.
        try write("notes.md", sotDocument("CTO Case Notes Issues", "Clé d’accès: \(token)\n\nBackups are planned in `CTO-WORK-311`.\n"))
        try write("backup.md", sotDocument("CTO Case Backup Issues", """
            ## CTO-WORK-311 - Nightly Backup

            Status: open.

            Acceptance:

            - A nightly backup exists.

            """))
        try write("check.lua", """
            local client = vim.lsp.start_client({ name = "sot-lint", cmd = { "\(BinaryRunner.binary.path)", "lsp" }, root_dir = vim.fn.getcwd() })
            vim.cmd("edit notes.md")
            vim.lsp.buf_attach_client(0, client)
            vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
            for _, d in ipairs(vim.diagnostic.get(0)) do
              io.stdout:write(string.format("%d:%d %s\\n", d.lnum, d.col, d.user_data.lsp.code))
            end
            -- Go to definition on the mention (line 18, byte column 28): the heading in backup.md.
            vim.api.nvim_win_set_cursor(0, { 18, 28 })
            local result = vim.lsp.buf_request_sync(0, "textDocument/definition", vim.lsp.util.make_position_params(), 10000)
            for _, answer in pairs(result or {}) do
              local location = answer.result
              if location and location.uri == nil then location = location[1] end
              if location then vim.lsp.util.jump_to_location(location, "utf-16") end
            end
            io.stdout:write(string.format("%s:%d\\n", vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":t"), vim.api.nvim_win_get_cursor(0)[1]))
            vim.cmd("qa!")
            """)
        let run = try BinaryRunner.run(["--headless", "-u", "NONE", "-c", "luafile check.lua"], in: directory, executable: "/usr/bin/nvim")
        XCTAssertEqual(run.stdout, "15:17 secret-leak\nbackup.md:16\n", run.stderr)
        XCTAssertFalse(run.stdout.contains(token.dropFirst(4).prefix(8)))
    }

    func testAChangeInOneDocumentRepublishesAnotherOpenOne() throws {
        let storage = directory.appendingPathComponent("storage.md").absoluteString
        let backup = directory.appendingPathComponent("backup.md").absoluteString
        // The backup document on disk does not define CTO-WORK-311 yet.
        try write("backup.md", sotDocument("CTO Case Backup Issues", ""))
        let (client, _) = try start(encodings: nil)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": storage, "languageId": "markdown", "version": 1,
                                                               "text": storageDocument()]])
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, ["reference-unresolved"])
        // Its buffer defines CTO-WORK-311 (not saved): the storage document, open too, is published again
        // without the finding.
        client.notify("textDocument/didOpen", ["textDocument": ["uri": backup, "languageId": "markdown", "version": 1,
                                                               "text": sotDocument("CTO Case Backup Issues", """
                                                                   ## CTO-WORK-311 - Nightly Backup

                                                                   Status: open.

                                                                   Acceptance:

                                                                   - A nightly backup exists.

                                                                   """)]])
        XCTAssertEqual(try client.diagnostics(for: backup).filter { ($0["severity"] as? Int) == 1 }.count, 0)
        XCTAssertEqual(try client.diagnostics(for: storage).compactMap { $0["code"] as? String }, [])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testAnInvalidConfigurationIsShownOnTheFileAndAsAMessage() throws {
        let uri = directory.appendingPathComponent("notes.md").absoluteString
        let config = directory.appendingPathComponent(".sot-lint.yml")
        let (client, _) = try start(encodings: nil)
        try "rules:\n  nope: [\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": "# Notes\n"]])
        let shown = try client.diagnostics(for: config.absoluteString)
        XCTAssertEqual(range(try XCTUnwrap(shown.first)).first, 2, "the YAML error's line, 0-based")
        let message = try client.next { $0["method"] as? String == "window/showMessage" }
        XCTAssertTrue(((message["params"] as? [String: Any])?["message"] as? String)?.contains("invalid configuration") == true)
        // Fixed and saved: the problem goes, the document gets its diagnostics.
        try "# root\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        XCTAssertEqual(try client.diagnostics(for: config.absoluteString).count, 0)
        _ = try client.diagnostics(for: uri)
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testDefinitionAndHoverOnAnIssueID() throws {
        try write("backup.md", sotDocument("CTO Case Backup Issues", """
            ## CTO-WORK-311 - Nightly Backup

            Status: open.

            Acceptance:

            - A nightly backup exists.

            """))
        let storage = directory.appendingPathComponent("storage.md").absoluteString
        let (client, _) = try start(encodings: nil)
        // Line 15 (0-based) is the body's first line; the ID starts at character 24.
        client.notify("textDocument/didOpen", ["textDocument": ["uri": storage, "languageId": "markdown", "version": 1,
                                                               "text": sotDocument("CTO Case Storage Issues", "Backups are planned in `CTO-WORK-311`.\n")]])
        _ = try client.diagnostics(for: storage)
        let at: [String: Any] = ["textDocument": ["uri": storage], "position": ["line": 15, "character": 28]]
        let definition = try XCTUnwrap(try client.request("textDocument/definition", at)["result"] as? [String: Any])
        XCTAssertEqual(definition["uri"] as? String, directory.appendingPathComponent("backup.md").absoluteString)
        XCTAssertEqual(range(definition).first, 15, "the heading of CTO-WORK-311 in backup.md")
        let hover = try XCTUnwrap(try client.request("textDocument/hover", at)["result"] as? [String: Any])
        let value = try XCTUnwrap((hover["contents"] as? [String: Any])?["value"] as? String)
        XCTAssertTrue(value.hasPrefix("**CTO-WORK-311** — Nightly Backup"), value)
        XCTAssertTrue(value.contains("Status: open"), value)
        XCTAssertEqual(range(hover), [15, 24, 15, 36], "the mention")
        // References: the mention in storage.md; with the declaration, the heading's ID in backup.md too.
        var context: [String: Any] = at
        context["context"] = ["includeDeclaration": false]
        let mentions = try XCTUnwrap(try client.request("textDocument/references", context)["result"] as? [[String: Any]])
        XCTAssertEqual(mentions.map { $0["uri"] as? String }, [storage])
        XCTAssertEqual(mentions.first.map(range), [15, 24, 15, 36])
        context["context"] = ["includeDeclaration": true]
        let all = try XCTUnwrap(try client.request("textDocument/references", context)["result"] as? [[String: Any]])
        XCTAssertEqual(Set(all.compactMap { $0["uri"] as? String }), [storage, directory.appendingPathComponent("backup.md").absoluteString])
        // The backup document's symbols, and the workspace's.
        let backup = directory.appendingPathComponent("backup.md").absoluteString
        client.notify("textDocument/didOpen", ["textDocument": ["uri": backup, "languageId": "markdown", "version": 1,
                                                               "text": try String(contentsOf: directory.appendingPathComponent("backup.md"), encoding: .utf8)]])
        _ = try client.diagnostics(for: backup)
        let symbols = try XCTUnwrap(try client.request("textDocument/documentSymbol", ["textDocument": ["uri": backup]])["result"] as? [[String: Any]])
        // The title holds the issue sections.
        XCTAssertEqual(symbols.map { $0["name"] as? String }, ["CTO Case Backup Issues"])
        XCTAssertEqual(range(try XCTUnwrap(symbols.first)).first, 11, "the H1")
        let sections = try XCTUnwrap(symbols.first?["children"] as? [[String: Any]])
        XCTAssertEqual(sections.map { $0["name"] as? String }, ["CTO-WORK-311 - Nightly Backup"])
        XCTAssertEqual(sections.first?["detail"] as? String, "open.")
        let found = try XCTUnwrap(try client.request("workspace/symbol", ["query": "nightly"])["result"] as? [[String: Any]])
        XCTAssertEqual(found.map { ($0["location"] as? [String: Any])?["uri"] as? String }, [backup])
        XCTAssertEqual(try XCTUnwrap(try client.request("workspace/symbol", ["query": "no such"])["result"] as? [Any]).count, 0)
        // Off any ID: nothing.
        let prose: [String: Any] = ["textDocument": ["uri": storage], "position": ["line": 15, "character": 3]]
        XCTAssertTrue(try client.request("textDocument/definition", prose)["result"] is NSNull)
        XCTAssertTrue(try client.request("textDocument/hover", prose)["result"] is NSNull)
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    /// A team rule's finding in the editor: its code, no link into the built-in rules' docs, and a hover
    /// that describes it from its file.
    func testATeamRuleFindingAndItsHover() throws {
        try write(".sot-lint.yml", "rule_files: [rules/unblock.yml]\n")
        try write("rules/unblock.yml", TeamRuleText.unblock)
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        let (client, _) = try start(encodings: nil)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1,
                                                               "text": sotDocument("Plan", "## CTO-WORK-001 - First\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n")]])
        let diagnostics = try client.diagnostics(for: uri)
        let finding = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "team-unblock" }, "\(diagnostics)")
        XCTAssertNil(finding["codeDescription"], "no page of docs/rules.md describes a team rule")
        let builtIn = diagnostics.filter { $0["code"] as? String != "team-unblock" }
        XCTAssertFalse(builtIn.isEmpty, "\(diagnostics)")
        XCTAssertTrue(builtIn.allSatisfy { $0["codeDescription"] != nil }, "\(builtIn)")
        let start = try XCTUnwrap((finding["range"] as? [String: Any])?["start"] as? [String: Any])
        let hover = try XCTUnwrap(try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": start])["result"] as? [String: Any])
        let value = try XCTUnwrap((hover["contents"] as? [String: Any])?["value"] as? String)
        XCTAssertTrue(value.contains("**team-unblock** (team, warning by default): A blocked issue says what unblocks it."), value)
        // A team rule is disabled like any other: the code action, and its id completed in a directive.
        let line = try XCTUnwrap(start["line"] as? Int)
        let response = try client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "context": ["diagnostics": [Any]()],
                                                                        "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]]])
        let titles = try XCTUnwrap(response["result"] as? [[String: Any]]).compactMap { $0["title"] as? String }
        XCTAssertTrue(titles.contains("Disable team-unblock for this line"), "\(titles)")
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": "<!-- sot-lint-disable team-u\n"]]])
        let completion = try client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 28]])
        let labels = ((completion["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        XCTAssertEqual(labels, ["team-unblock"])
        client.notify("exit", [:])
        _ = client.exitStatus()
    }

    func testACycleNamesItsOtherMembersAsRelatedInformation() throws {
        let uri = directory.appendingPathComponent("plan.md").absoluteString
        let (client, _) = try start(encodings: nil)
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1,
                                                               "text": sotDocument("CTO Case Plan Issues", """
                                                                   ## CTO-WORK-001 - First

                                                                   Status: blocked.

                                                                   Blocked by:

                                                                   - `CTO-WORK-002`

                                                                   ## CTO-WORK-002 - Second

                                                                   Status: blocked.

                                                                   Blocked by:

                                                                   - `CTO-WORK-001`

                                                                   """)]])
        let cycle = try XCTUnwrap(try client.diagnostics(for: uri).first { $0["code"] as? String == "blocked-by-cycle" })
        let related = try XCTUnwrap(cycle["relatedInformation"] as? [[String: Any]])
        XCTAssertFalse(related.isEmpty)
        XCTAssertTrue(related.allSatisfy { ($0["location"] as? [String: Any])?["uri"] as? String == uri })
        client.notify("exit", [:])
        _ = client.exitStatus()
    }
}
