import SOTSource
import SOTSyntax
import SOTModel

/// Blockers on an issue that is not blocked are stale or the status is wrong.
package struct BlockersWithoutBlockedRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "blockers-without-blocked", category: .graph, defaultSeverity: .warning,
        summary: "Only a blocked issue has a `Blocked by:` list.",
        rationale: """
        When an issue lists blockers but its status is not `blocked`, either the blockers are stale (remove \
        the list, or move it to `Notes:`) or the status is wrong. Reported on the `Blocked by:` label.
        """,
        examples: [
            .valid("No blockers while open.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("Blockers while open.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Works.

            ↓Blocked by:

            - `CTO-WORK-002` first.

            ## CTO-WORK-002 - Second

            Status: open.

            Acceptance:

            - Works.
            """)),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT else { return [] }
        return document.sections.compactMap { section in
            guard let status = section.status, let category = context.profile.category(ofStatus: status.normalized),
                  category != .blocked, let list = section.fields("Blocked by").first(where: { !$0.isEmpty }) else { return nil }
            return Finding(document, list.labelRange, "`\(section.id)` lists blockers but its status is `\(status.normalized)`; "
                           + "set it to `blocked` or remove the stale `Blocked by:` list")
        }
    }
}
