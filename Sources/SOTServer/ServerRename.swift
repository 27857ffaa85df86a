import Foundation
import SOTSource
import SOTModel
import SOTEngine
import SOTFix

/// Rename of an issue ID: one workspace edit for the heading and every mention in every document, planned
/// by `IssueRename` (the planner `sot-lint rename` uses), from open buffers where there are some.
extension LanguageServer {
    /// The ID under the cursor and its range; an error when the cursor is not on an issue ID.
    func prepareRename(_ params: [String: Any]) -> Result<Any?, JSONRPCMessage.ResponseError> {
        guard let found = issueID(at: params) else {
            return .failure(.init(code: Self.requestFailed, message: "sot-lint: there is no issue ID here to rename"))
        }
        return .success(["range": found.range, "placeholder": found.id] as [String: Any])
    }

    func rename(_ params: [String: Any]) -> Result<Any?, JSONRPCMessage.ResponseError> {
        guard let found = issueID(at: params), let requested = Self.uri(params), let open = documents[requested] else {
            return .failure(.init(code: Self.requestFailed, message: "sot-lint: there is no issue ID here to rename"))
        }
        guard let new = params["newName"] as? String else {
            return .failure(.init(code: JSONRPCMessage.ResponseError.invalidParams, message: "rename needs newName"))
        }
        guard let profile = profile(for: open.path) else {
            return .failure(.init(code: Self.requestFailed, message: "sot-lint: the configuration cannot be read"))
        }
        let edits: [IssueRename.FileEdit]
        do {
            edits = try IssueRename.plan(from: found.id, to: new, in: found.workspace, idMatcher: profile.idMatcher,
                                         canonical: profile.canonicalID) { path in
                guard let text = self.text(of: path) else { throw SOTLintError.unreadableFile(path: path, reason: "cannot be read") }
                return text.bytes
            }
        } catch {
            return .failure(.init(code: Self.requestFailed, message: "sot-lint: \(error)"))
        }
        var changes: [String: [Any]] = [:]
        var documentChanges: [Any] = []
        for edit in edits {
            let target = openDocument(atPath: edit.path)
            let fileURI = target?.uri ?? self.uri(ofPath: edit.path)
            var converter = converter(for: edit.path, bytes: edit.before)
            let textEdits: [Any] = edit.ranges.map { ["range": lspRange(bytes: $0, &converter), "newText": new] as [String: Any] }
            changes[fileURI] = textEdits
            documentChanges.append(["textDocument": ["uri": fileURI, "version": (target?.document.version).map { $0 as Any } ?? NSNull()],
                                    "edits": textEdits] as [String: Any])
        }
        if client.documentChanges { return .success(["documentChanges": documentChanges]) }
        return .success(["changes": changes])
    }

    /// LSP's `RequestFailed`: the request was valid and could not be done.
    static let requestFailed = -32803
}
