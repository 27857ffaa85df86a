import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTEngine
import SOTSecrets

/// Completion: issue IDs in `Blocked by:` items and in backticks (title and status in the detail), status
/// words after `Status:`, field labels at the start of a line, rule ids in `sot-lint-disable` directives and
/// detector ids after `sot-lint-allow-secret`. Where the cursor is comes from the model of the buffer (the
/// field it sits in) and the line's text before it; what is offered comes from the profile and the workspace.
extension LanguageServer {
    /// Characters that open a completion on their own.
    static let completionTriggers = ["`", " ", ":"]
    /// At most this many IDs per answer; more make the answer incomplete (the client asks again as the
    /// user types).
    static let completionLimit = 200

    func completion(_ params: [String: Any]) -> Any? {
        guard let uri = Self.uri(params), let open = documents[uri], let position = Self.position(params["position"]),
              let profile = profile(for: open.path) else { return nil }
        var converter = converter(for: open.path, bytes: open.text)
        let offset = converter.byteOffset(of: position)
        let typedStart = DirectiveText.typedStart(before: offset, in: open.text)
        let typed = String(decoding: open.text[typedStart..<offset], as: UTF8.self)
        let replaced = lspRange(bytes: typedStart..<offset, &converter)
        let prefix = DirectiveText.linePrefix(before: offset, in: open.text)
        let beforeTyped = String(prefix.dropLast(typed.count))

        func item(_ label: String, kind: Int, detail: String?, documentation: String? = nil, insert: String? = nil, sort: String? = nil) -> [String: Any] {
            var item: [String: Any] = ["label": label, "kind": kind, "textEdit": ["range": replaced, "newText": insert ?? label]]
            if let detail { item["detail"] = detail }
            if let documentation { item["documentation"] = ["kind": "markdown", "value": documentation] }
            if let sort { item["sortText"] = sort }
            return item
        }
        func answer(_ items: [[String: Any]], incomplete: Bool = false) -> Any {
            ["isIncomplete": incomplete, "items": items] as [String: Any]
        }

        // Inside a directive: rule ids (any word after a disable keyword), a detector id (the first word after
        // allow-secret; the reason follows it).
        if let directive = DirectiveText.directive(before: prefix) {
            let rules = rules(of: open.path)
            if directive.keyword == DirectiveText.allowKeyword {
                let words = directive.rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard words.count <= (typed.isEmpty ? 0 : 1) else { return answer([]) }
                return answer(DirectiveText.detectorIDs.sorted().filter { $0.hasPrefix(typed.lowercased()) }.map {
                    item($0, kind: Self.completionKindValue, detail: DirectiveText.detectorSummary($0))
                })
            }
            let ids = (rules?.rules ?? []).filter(\.metadata.suppressible).map(\.metadata)
            return answer(ids.filter { $0.id.hasPrefix(typed.lowercased()) }.map {
                item($0.id, kind: Self.completionKindValue, detail: $0.summary)
            })
        }

        let trimmed = beforeTyped.drop { $0 == " " || $0 == "\t" }
        // After `Status:` (alone on its line, or as a list item): the profile's status words.
        let statusLabel = trimmed.drop { $0 == "-" || $0 == "*" || $0 == " " }
        if statusLabel.lowercased().hasPrefix("status:"), statusLabel.dropFirst(7).allSatisfy({ $0 == " " || $0 == "\t" }) {
            return answer(profile.statuses.filter { $0.name.lowercased().hasPrefix(typed.lowercased()) }.map {
                item($0.name, kind: Self.completionKindValue, detail: $0.category.rawValue)
            })
        }

        // Backticks opened before the cursor, or an item (or the value) of a `Blocked by:` field: issue IDs.
        let backticks = beforeTyped.filter { $0 == "`" }.count
        let cursorLine = converter.source.position(ofByte: offset).line
        let built = DocumentBuilder.build(converter.source, profile: profile)
        let section = built.sections.first { $0.lines.contains(cursorLine) }
        let inBlockers = section?.fields.contains { field in
            field.isKnown && field.label == "Blocked by"
                && (field.labelRange.start.line...max(field.labelRange.end.line, field.items.last?.range.end.line ?? 0)).contains(cursorLine)
        } ?? false
        if backticks % 2 == 1 || inBlockers {
            return issueCompletions(uri: uri, typed: typed, excluding: inBlockers ? section?.id : nil, item: item, answer: answer)
        }

        // At the start of a line in an issue section: the field labels.
        if trimmed.isEmpty, section != nil, !typed.contains(".") {
            let labels = (["Status"] + profile.fields.filter { $0 != "Status" })
            return answer(labels.filter { $0.lowercased().hasPrefix(typed.lowercased()) }.map {
                item($0 + ":", kind: Self.completionKindField, detail: "field", insert: $0 + ": ")
            })
        }
        return answer([])
    }

    /// The issue IDs of the document's workspace that start with (or whose title contains) what was typed,
    /// sorted by ID; `excluding` is the issue whose blockers are being written (never its own blocker).
    private func issueCompletions(uri: String, typed: String, excluding: String?,
                                  item: (String, Int, String?, String?, String?, String?) -> [String: Any],
                                  answer: ([[String: Any]], Bool) -> Any) -> Any {
        guard let workspace = workspace(for: uri) else { return answer([], false) }
        let needle = typed.lowercased()
        var matches: [IssueEntry] = []
        var seen = Set<String>()
        for document in workspace.documents {
            for issue in document.issues where issue.id != excluding && seen.insert(issue.id).inserted {
                guard needle.isEmpty || issue.id.lowercased().hasPrefix(needle) || issue.title.lowercased().contains(needle) else { continue }
                matches.append(issue)
            }
        }
        matches.sort { $0.id.precedesInBytes($1.id) }
        let shown = matches.prefix(Self.completionLimit)
        let items = shown.map { issue in
            let status = issue.status?.raw ?? "no status"
            return item(issue.id, Self.completionKindReference, SecretText.redacted("\(status) — \(issue.title)"),
                        SecretText.redacted("**\(issue.id)** — \(issue.title)\n\nStatus: \(status)\n\n\(issue.path):\(issue.headingRange.start.line)"), nil, nil)
        }
        return answer(Array(items), matches.count > shown.count)
    }

    /// LSP's `CompletionItemKind`: Reference for issue IDs, Value for words, Field for labels.
    static let completionKindReference = 18
    static let completionKindValue = 12
    static let completionKindField = 5
}
