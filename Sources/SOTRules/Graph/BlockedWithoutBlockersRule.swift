import SOTSource
import SOTSyntax
import SOTModel

/// `blocked` says the issue waits for something; the document must say what.
package struct BlockedWithoutBlockersRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "blocked-without-blockers", category: .graph, defaultSeverity: .error,
        summary: "A blocked issue has a non-empty `Blocked by:` list.",
        rationale: """
        A `blocked` status without blockers cannot be unblocked by anyone: nobody knows what to finish \
        first. List the blocking issues (by ID) under `Blocked by:`. Reported on the status.
        """,
        examples: [
            .valid("Blocked, with its blocker.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-002` first.

            ## CTO-WORK-002 - Second

            Status: open.

            Acceptance:

            - Works.
            """)),
            .invalid("Blocked on nothing.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: ↓blocked.\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.compactMap { section in
            guard let status = section.status, context.profile.category(ofStatus: status.normalized) == .blocked else { return nil }
            let lists = section.fields("Blocked by")
            guard lists.allSatisfy(\.isEmpty) else { return nil }
            let what = lists.isEmpty ? "has no `Blocked by:` list" : "has an empty `Blocked by:` list"
            return Finding(document, status.range, "`\(section.id)` is `\(status.normalized)` but \(what); name the issues it waits for")
        }
    }
}
