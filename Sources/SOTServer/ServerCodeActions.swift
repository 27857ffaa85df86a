import Foundation
import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTEngine
import SOTFix

/// Code actions on the findings under the cursor: each rule's fix (the edits `--fix` makes), "disable RULE
/// for this line", and for a secret "allow this secret" (the allow comment with a reason to fill in, never
/// the secret); and `source.fixAll.sot-lint`, every safe fix of the document, pass after pass as `--fix`.
extension LanguageServer {
    static let fixAllKind = "source.fixAll.sot-lint"
    static let codeActionKinds = ["quickfix", fixAllKind]
    /// What an allow comment says until the user writes the reason.
    static let allowReasonPlaceholder = "TODO: why this value may stay"

    func codeActions(_ params: [String: Any]) -> Any? {
        guard let uri = Self.uri(params), let open = documents[uri], let range = params["range"] as? [String: Any],
              let start = Self.position(range["start"]), let end = Self.position(range["end"]) else { return [Any]() }
        let only = (params["context"] as? [String: Any])?["only"] as? [String]
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var converter = converter(for: open.path, bytes: open.text)
        let from = converter.byteOffset(of: start)
        let to = max(from, converter.byteOffset(of: end))
        let source = converter.source
        let own = findings[uri] ?? []
        var actions: [Any] = []
        if wanted("quickfix") {
            let bodyStart = FrontMatterParser.bodyStartLine(source)
            let rules = rules(of: open.path)
            let lines = source.position(ofByte: from).line...source.position(ofByte: to).line
            for finding in own {
                // A finding on the lines of the cursor or selection.
                guard finding.range.start.line <= lines.upperBound, lines.lowerBound <= finding.range.end.line else { continue }
                let diagnostic = lspDiagnostic(finding, uri: uri, open: open, &converter)
                func action(_ title: String, _ edits: [(Range<Int>, String)], preferred: Bool = false) -> [String: Any] {
                    let textEdits: [Any] = edits.map { ["range": lspRange(bytes: $0.0, &converter), "newText": $0.1] as [String: Any] }
                    var action: [String: Any] = ["title": title, "kind": "quickfix", "diagnostics": [diagnostic],
                                                 "edit": ["changes": [uri: textEdits]]]
                    if preferred { action["isPreferred"] = true }
                    return action
                }
                if let fix = finding.fix {
                    actions.append(action("Fix: \(fix.summary)", fix.edits.map { ($0.range, $0.replacement) }, preferred: true))
                }
                let line = finding.range.start.line
                if finding.rule == "secret-leak" {
                    if let detector = Self.detector(of: finding.message) {
                        let comment = line < bodyStart
                            ? "# \(DirectiveText.allowKeyword) \(detector) \(Self.allowReasonPlaceholder)"
                            : "<!-- \(DirectiveText.allowKeyword) \(detector) \(Self.allowReasonPlaceholder) -->"
                        actions.append(action("Allow this secret (\(detector)): add an allow comment with a reason",
                                              [Self.lineInsertion(before: line, comment, in: source)]))
                    }
                } else if line >= bodyStart, rules?.rule(id: finding.rule)?.metadata.suppressible ?? false {
                    let comment = "<!-- sot-lint-disable-next-line \(finding.rule) -->"
                    actions.append(action("Disable \(finding.rule) for this line", [Self.lineInsertion(before: line, comment, in: source)]))
                }
            }
        }
        if wanted(Self.fixAllKind), own.contains(where: { $0.fix != nil }), let fixed = fixAll(open) {
            let edit = Self.lineEdit(from: open.text, to: fixed)
            actions.append(["title": "Fix all sot-lint findings that have a safe fix", "kind": Self.fixAllKind,
                            "edit": ["changes": [uri: [["range": lspRange(bytes: edit.range, &converter), "newText": edit.text]]]]] as [String: Any])
        }
        return actions
    }

    /// The detector a secret finding names: its message reads "… (DETECTOR, fingerprint F…)".
    static func detector(of message: String) -> String? {
        guard let marker = message.range(of: ", fingerprint "), let open = message[..<marker.lowerBound].lastIndex(of: "(") else { return nil }
        let id = message[message.index(after: open)..<marker.lowerBound]
        return id.isEmpty || id.contains(" ") ? nil : String(id)
    }

    /// An insertion of `comment` as a line of its own before `line` (1-based), indented as that line, with
    /// the file's line ending. A list item's comment is indented as the item's text, inside the item before
    /// it, so that the list stays one list.
    static func lineInsertion(before line: Int, _ comment: String, in source: SourceText) -> (Range<Int>, String) {
        let start = source.contentStart(ofLine: max(1, min(line, source.lineCount)))
        let bytes = source.bytes
        var indent = start
        while indent < bytes.count, bytes[indent] == 0x20 || bytes[indent] == 0x09 { indent += 1 }
        var prefix = String(decoding: bytes[start..<indent], as: UTF8.self)
        var marker = indent
        if marker < bytes.count, [0x2D, 0x2A, 0x2B].contains(bytes[marker]) {
            marker += 1
        } else {
            while marker < bytes.count, bytes[marker] >= 0x30, bytes[marker] <= 0x39 { marker += 1 }
            if marker > indent, marker < bytes.count, bytes[marker] == 0x2E || bytes[marker] == 0x29 { marker += 1 } else { marker = indent }
        }
        if marker > indent, marker < bytes.count, bytes[marker] == 0x20, line > 1, !Self.isBlank(line - 1, in: source) {
            prefix += String(repeating: " ", count: marker + 1 - indent)
        }
        let lineEnd = source.lineStarts.count > line ? source.lineStarts[line] : bytes.count
        let ending = lineEnd >= 2 && bytes[lineEnd - 1] == 0x0A && bytes[lineEnd - 2] == 0x0D ? "\r\n" : "\n"
        return (start..<start, prefix + comment + ending)
    }

    private static func isBlank(_ line: Int, in source: SourceText) -> Bool {
        source.lineBytes(line).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The buffer with every safe fix applied, pass after pass (as `--fix` does), nil when nothing changes.
    func fixAll(_ open: OpenDocument) -> [UInt8]? {
        guard let session else { return nil }
        defer { session.update(path: open.path, text: open.text) }
        var text = open.text
        for _ in 0..<Fixer.maximumPasses {
            guard let report = try? Self.lint(open.path, text, in: session) else { break }
            let fixes = report.diagnostics.filter { $0.path == open.path }.compactMap(\.fix)
            let fixed = Fix.applying(fixes, to: text).bytes
            if fixed == text { break }
            text = fixed
        }
        return text == open.text ? nil : text
    }

    /// One edit that turns `before` into `after`: the lines from the first that differs to the last.
    static func lineEdit(from before: [UInt8], to after: [UInt8]) -> (range: Range<Int>, text: String) {
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        // Whole lines: back to the start of the line where they first differ, forward past a line end.
        while prefix > 0, before[prefix - 1] != 0x0A { prefix -= 1 }
        while suffix > 0, before[before.count - suffix - 1] != 0x0A { suffix -= 1 }
        let range = prefix..<(before.count - suffix)
        return (range, String(decoding: after[prefix..<(after.count - suffix)], as: UTF8.self))
    }
}
