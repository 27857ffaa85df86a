import SOTSource
import SOTSyntax
import SOTModel

/// An SOT document in which no issue could be read: nothing of it would be checked, and nothing would
/// say so.
package struct IssuesUnrecognisedRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "issues-unrecognised", category: .structure, defaultSeverity: .error,
        summary: "An SOT document whose issues cannot be read says so.",
        rationale: """
        An issue is read from a heading that starts with an ID matching `id_pattern`. When a team's IDs \
        have another shape (`PLAT-123` under a project's `id_pattern: "[A-Z][A-Z0-9]*-WORK-[0-9]+"`; the \
        default pattern reads both), every issue of the document goes unread and unchecked: statuses, \
        acceptance, blockers. So an SOT document with no issue is reported when a heading of it starts with \
        something shaped like an ID (letters, a hyphen, digits) that the pattern does not match, on that \
        heading; and a document that `sot_documents.paths` makes \
        an SOT document is reported when it has no issue at all, on the first line after its front matter. \
        A document classified \
        SOT by its front matter that simply has no issue heading (an overview, or every issue moved \
        elsewhere) is not reported.
        """,
        examples: [
            .valid("Issues the pattern reads.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .valid("No issue heading at all.", ExampleText.sot("## Background\n\nThe route moved to another document.\n")),
            .valid("Headings that open with words the pattern reads, but not as issues (no ` - Title`, no field after).",
                   ExampleText.sot("## UTF-8 support\n\nEvery file is read as UTF-8.\n\n## ISO-8601: dates\n\nDates are `YYYY-MM-DD`.\n")),
            .invalid("IDs of another shape.", ExampleText.sot("## ↓PLAT-123 - Fix the login\n\nStatus: open.\n"),
                     config: "id_pattern: \"[A-Z][A-Z0-9]*-WORK-[0-9]+\"\n"),
            .invalid("A dotted sub-issue of another shape.", ExampleText.sot("## Tasks\n\n### ↓`BACK-222.1` - Split the parser\n"),
                     config: "id_pattern: \"[A-Z][A-Z0-9]*-WORK-[0-9]+\"\n"),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT, document.sections.isEmpty else { return [] }
        let pattern = context.profile.idMatcher.pattern
        // A token the pattern matches is no other shape: that heading is simply not an issue (`## UTF-8 support`).
        let matcher = context.profile.idMatcher
        let lookalikes = document.headings.filter { $0.level >= 2 }.compactMap { heading -> (Heading, String)? in
            Self.leadingIDShape(heading.text).flatMap { matcher.matchesWhole($0) ? nil : (heading, $0) }
        }
        if !lookalikes.isEmpty {
            return lookalikes.map { heading, token in
                Finding(document, heading.range,
                        "`\(token)` opens this heading like an issue ID, but `id_pattern` (`\(pattern)`) does not match it: "
                        + "no issue of this document is read or checked; set `id_pattern` in .sot-lint.yml")
            }
        }
        guard document.isSOTByPath else { return [] }
        let line = min(document.frontMatter.bodyStartLine, document.source.lineCount)
        let why: String
        switch document.layout?.id {
        case .frontMatter(let key)?:
            if case .mapping = document.frontMatter {
                why = "its layout reads the ID from the front-matter key `\(key)`, which it does not have"
            } else {
                why = "its layout reads the ID from the front-matter key `\(key)`, and its front matter cannot be read"
            }
        case .fileName(let regex)?:
            why = "its layout reads the ID from the file name with `\(regex)`, which does not match"
        default:
            why = "no heading starts with an ID matching `id_pattern` (`\(pattern)`)"
        }
        return [Finding(document, SourceRange(line: line, column: 1, endLine: line, endColumn: 1),
                        "its path makes this an SOT document, but it has no issue: " + why)]
    }

    /// The token that opens `text` when it is shaped like an issue ID: a letter, then letters and digits,
    /// hyphen-separated parts, a last part of digits, optionally dotted sub-numbers (`PLAT-123`,
    /// `BACK-222.1`, `ADR-0007`), also in backticks. Plain numbers and words are not.
    static func leadingIDShape(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "`") { bytes = bytes.dropFirst() }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        guard let first = bytes.first, isLetter(first) else { return nil }
        var end = bytes.startIndex
        var lastPartIsNumber = false
        var parts = 0
        while end < bytes.endIndex {
            // One part: letters and digits.
            let start = end
            while end < bytes.endIndex, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            guard end > start else { return nil }
            lastPartIsNumber = bytes[start..<end].allSatisfy(isDigit)
            parts += 1
            guard end < bytes.endIndex, bytes[end] == UInt8(ascii: "-"), end + 1 < bytes.endIndex,
                  isLetter(bytes[end + 1]) || isDigit(bytes[end + 1]) else { break }
            end += 1
        }
        guard parts >= 2, lastPartIsNumber else { return nil }
        // Dotted sub-issues: `.1`, `.1.2`.
        while end + 1 < bytes.endIndex, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) {
            end += 1
            while end < bytes.endIndex, isDigit(bytes[end]) { end += 1 }
        }
        if end < bytes.endIndex, isLetter(bytes[end]) || isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "_") { return nil }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }
}
