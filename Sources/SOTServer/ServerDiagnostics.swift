import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// Diagnostics: each open document linted from its buffer by the session (the same verdicts as `lint` on
/// the same bytes), pushed when they change or answered to a pull; configuration problems made visible.
extension LanguageServer {
    /// Lints every open document, `first` first. Pushed: the diagnostics that changed are published. Pulled:
    /// the client is asked to pull again when a document other than `first` changed (a blocker's status, an
    /// ID defined or removed elsewhere).
    func lintOpenDocuments(first: String?) {
        var othersChanged = false
        for uri in ([first].compactMap { $0 } + documents.keys.sorted().filter { $0 != first }) {
            guard let diagnostics = lint(uri) else { return }
            let body = Self.diagnosticsBody(uri: uri, diagnostics)
            guard published[uri] != body else { continue }
            published[uri] = body
            if client.pullsDiagnostics {
                if uri != first { othersChanged = true }
            } else {
                write(body)
            }
        }
        if othersChanged, client.refreshesDiagnostics { request("workspace/diagnostic/refresh", params: nil, purpose: "refresh") }
    }

    private static func diagnosticsBody(uri: String, _ diagnostics: [Any]) -> [UInt8] {
        JSONRPCMessage.notification(method: "textDocument/publishDiagnostics", params: ["uri": uri, "diagnostics": diagnostics]).body
    }

    /// `textDocument/diagnostic`: the document's diagnostics as a full report, or `unchanged` when they are
    /// what the client has (its `previousResultId`).
    func pulledDiagnostics(_ params: [String: Any]) -> Any? {
        guard let uri = Self.uri(params), documents[uri] != nil else { return ["kind": "full", "items": [Any]()] as [String: Any] }
        let items = lint(uri) ?? []
        let body = Self.diagnosticsBody(uri: uri, items)
        published[uri] = body
        let resultID = ContentHash(body).description
        if params["previousResultId"] as? String == resultID { return ["kind": "unchanged", "resultId": resultID] }
        return ["kind": "full", "resultId": resultID, "items": items] as [String: Any]
    }

    /// The diagnostics of the open document at `uri`, linted from its buffer; nil when the lint could not
    /// run (the configuration is invalid and no earlier profile can serve: that is shown instead, and every
    /// document keeps what it has).
    func lint(_ uri: String) -> [Any]? {
        guard let session, let open = documents[uri] else { return [] }
        let report: LintReport
        do {
            report = try Self.lint(open.path, open.text, in: session)
        } catch {
            showConfigurationProblem(error)
            return nil
        }
        if let problem = report.configurationProblems.first {
            showConfigurationProblem(problem, servedByLastGood: true)
        } else {
            clearConfigurationProblem()
        }
        workspaces[uri] = report.workspaces.first
        let own = report.diagnostics.filter { $0.path == open.path }
        findings[uri] = own
        var converter = converter(for: open.path, bytes: open.text)
        return own.map { lspDiagnostic($0, uri: uri, open: open, &converter) }
    }

    /// The lint of a buffer: other open documents are read from their buffers (the session's overlays);
    /// this one is the target, given as standard input is, so a buffer never saved is linted too.
    static func lint(_ path: String, _ text: [UInt8], in session: LintSession) throws(SOTLintError) -> LintReport {
        session.update(path: path, text: text)
        var request = LintRequest(paths: [])
        request.stdin = (path, text)
        return try session.lint(request)
    }

    /// One finding as an LSP diagnostic: its rule as `code` with a link to the rule's documentation, its
    /// severity, and the other places it names (the duplicate ID, the cycle's members, the blocker's status).
    func lspDiagnostic(_ diagnostic: Diagnostic, uri: String, open: OpenDocument, _ converter: inout LSPPositionConverter) -> [String: Any] {
        var item: [String: Any] = [
            "range": lspRange(diagnostic.range, &converter),
            "severity": Self.severity(diagnostic.severity),
            "code": diagnostic.rule,
            "source": "sot-lint",
            "message": diagnostic.message,
        ]
        // Built-in rules are documented in docs/rules.md; a team's rule in its own file.
        if session?.options.rules.rule(id: diagnostic.rule) != nil {
            item["codeDescription"] = ["href": RuleDocumentationLink.url(ofRule: diagnostic.rule)]
        }
        let related: [Any] = diagnostic.related.compactMap { place in
            guard let target = place.path == open.path ? (uri, open.text) : text(of: place.path) else { return nil }
            var placeConverter = self.converter(for: place.path, bytes: target.1)
            return ["location": ["uri": target.0, "range": lspRange(place.range, &placeConverter)], "message": place.message] as [String: Any]
        }
        if !related.isEmpty { item["relatedInformation"] = related }
        return item
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    /// An invalid `.sot-lint.yml`: a diagnostic on that file (at the line the YAML error names) and a
    /// message, once while it stays the same; other errors are logged. `servedByLastGood`: the session went on
    /// with the profile the file gave before it broke.
    func showConfigurationProblem(_ error: SOTLintError, servedByLastGood: Bool = false) {
        guard case .invalidConfiguration(let path, let reason) = error else {
            log("sot-lint lsp: \(error.description)")
            return
        }
        let uri = uri(ofPath: path)
        let served = servedByLastGood ? " (the last valid configuration is used until it is fixed)" : ""
        let message = "\(path): invalid configuration: \(reason)"
        guard configProblem?.uri != uri || configProblem?.message != message else { return }
        if let previous = configProblem, previous.uri != uri {
            send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": previous.uri, "diagnostics": [Any]()]))
        }
        configProblem = (uri, message)
        // "line 3, column 1: …" from the YAML parser; 1-based.
        var line = 0
        if reason.hasPrefix("line "), let number = Int(reason.dropFirst(5).prefix { $0.isNumber }) { line = max(0, number - 1) }
        let range: [String: Any] = ["start": ["line": line, "character": 0], "end": ["line": line + 1, "character": 0]]
        send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": uri, "diagnostics": [
            ["range": range, "severity": 1, "code": "configuration", "source": "sot-lint", "message": message,
             "codeDescription": ["href": RuleDocumentationLink.configuration]] as [String: Any],
        ]]))
        send(.notification(method: "window/showMessage", params: ["type": 1, "message": "sot-lint: \(message)" + served]))
    }

    func clearConfigurationProblem() {
        guard let problem = configProblem else { return }
        configProblem = nil
        send(.notification(method: "textDocument/publishDiagnostics", params: ["uri": problem.uri, "diagnostics": [Any]()]))
    }
}
