/// "Keeps `X` blocked until …": a declared invariant the workspace must honour.
struct InvariantKeepsBlockedRule: WorkspaceRule {
    static let metadata = RuleMetadata(
        id: "invariant-keeps-blocked", category: .graph, defaultSeverity: .error,
        summary: "An issue an unresolved acceptance item \"keeps blocked\" has status `blocked`.",
        rationale: """
        Acceptance items can declare invariants about other issues, like the seed's "Keeps `CTO-WORK-020` \
        blocked until admitted provider/model and real Case Stage 2 pass evidence exist." While the declaring \
        issue is not resolved, the named issue must be `blocked`. The finding sits on the named issue's \
        status (in whichever document defines it) and names the declaring issue. Phrases are configurable.
        """,
        options: [RuleOption("phrases", default: .strings(["keeps {id} blocked"]),
                             "Phrases that declare the invariant; `{id}` stands for the issue ID (written as the ID pattern requires). The case of the other words, backticks and repeated spaces are ignored.")],
        examples: [
            .valid("The named issue is blocked.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Keeps `CTO-WORK-002` blocked until evidence exists.

            ## CTO-WORK-002 - Second

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-003` evidence.

            ## CTO-WORK-003 - Third

            Status: open.

            Acceptance:

            - Works.
            """)),
            .invalid("The named issue was marked done.", files: [
                ExampleFile("a.md", ExampleText.sot("""
                ## CTO-WORK-001 - First

                Status: validated.

                Acceptance:

                - Keeps `CTO-WORK-002` blocked until evidence exists.
                """)),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## CTO-WORK-002 - Second\n\nStatus: ↓done.\n\nAcceptance:\n\n- Works.\n")),
            ]),
        ])

    func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        var findings: [Finding] = []
        for document in workspace.documents {
            let profile = workspace.profile(for: document)
            let phrases = (context.settings(for: document, in: workspace).strings("phrases") ?? ["keeps {id} blocked"])
                .map { Self.squeezed($0.lowercased()) }
            // The longest word of a phrase must occur in an item before the item is worth normalising.
            let keywords: [[UInt8]] = phrases.map { phrase in
                let words = phrase.replacingAll("{id}", with: " ").split(whereSeparator: { $0 == " " })
                return Array((words.max { $0.count < $1.count } ?? "").utf8)
            }
            for section in document.sections {
                guard let status = section.status, let category = profile.category(ofStatus: status.normalized),
                      category != .resolved else { continue }
                for field in section.fields("Acceptance") {
                    for item in field.items where item.references.contains(where: { $0.id != section.id })
                        && keywords.contains(where: { Self.containsIgnoringCase(item.plainText, $0) }) {
                        let text = Self.squeezed(item.plainText.lowercased())
                        for reference in item.references where reference.id != section.id {
                            let declared = phrases.contains { text.contains($0.replacingAll("{id}", with: reference.id.lowercased())) }
                            guard declared, let target = workspace.issue(reference.id),
                                  workspace.category(of: target) != .blocked else { continue }
                            let current = target.section.status.map { "its status is `\($0.normalized)`" } ?? "it has no status"
                            findings.append(Finding(target.document, target.section.status?.range ?? target.section.idRange,
                                                    "`\(reference.id)` must stay blocked: `\(section.id)` (\(document.path):\(item.range.start.line)) "
                                                    + "keeps it blocked, but \(current)"))
                        }
                    }
                }
            }
        }
        return findings
    }

    /// ASCII case-insensitive substring test on UTF-8, without building new strings.
    static func containsIgnoringCase(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for start in 0...(bytes.count - needle.count) where lower(bytes[start]) == first {
            var matched = true
            for offset in 1..<needle.count where lower(bytes[start + offset]) != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    static func squeezed(_ text: String) -> String {
        text.filter { $0 != "`" }.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
