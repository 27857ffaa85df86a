import SOTSource
import SOTSyntax
import SOTModel

/// Inline directives that suppress nothing are noise, and often a misspelt rule id.
/// The engine applies a document's directives and hands the ones that did nothing to this rule.
package struct SuppressionUnusedRule: SuppressionRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "suppression-unused", category: .document, defaultSeverity: .warning,
        summary: "Every `sot-lint-disable` directive suppresses at least one finding.",
        rationale: """
        `<!-- sot-lint-disable RULE … -->` turns rules off until `<!-- sot-lint-enable RULE … -->` (or the end \
        of the file); `<!-- sot-lint-disable-next-line RULE … -->` turns them off for the next line. Without \
        a rule id a directive applies to every rule. A directive that suppresses nothing, or names a rule \
        that does not exist, is reported so that stale exceptions do not pile up. This rule's own findings \
        cannot be suppressed.
        """,
        examples: [
            .valid("A directive in use.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            <!-- sot-lint-disable-next-line status-unknown -->
            Status: someday.

            Acceptance:

            - Works.
            """)),
            .invalid("Nothing to suppress, and an unknown rule.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            ↓<!-- sot-lint-disable-next-line status-unknown -->
            Status: open.

            ↓<!-- sot-lint-disable status-unknwn -->

            Acceptance:

            - Works.
            """)),
        ])

    package func check(unused: [Finding], context: DocumentContext) -> [Finding] {
        unused
    }
}
