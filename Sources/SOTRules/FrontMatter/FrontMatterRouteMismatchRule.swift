import SOTSource
import SOTSyntax
import SOTModel

/// `route: cto` means every issue ID of the document starts with `CTO-`.
package struct FrontMatterRouteMismatchRule: DocumentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "frontmatter-route-mismatch", category: .frontMatter, defaultSeverity: .error,
        summary: "Issue IDs must start with the document's `route` (case-insensitive).",
        rationale: """
        The route tells harnesses which document owns an ID prefix. An issue whose ID has another prefix is \
        misfiled: it will be looked for in the wrong document. Reported on each such issue's ID.
        """,
        examples: [
            .valid("IDs match the route.", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            .invalid("An OPS issue in the cto route.", ExampleText.sot("## ↓OPS-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
        ])

    package func check(_ document: SOTDocument, context: DocumentContext) -> [Finding] {
        guard document.isSOT, let route = document.frontMatter["route"]?.value, !route.isEmpty else { return [] }
        let prefix = route.uppercased() + "-"
        return document.sections.filter { !$0.id.uppercased().hasPrefix(prefix) }.map { section in
            Finding(document, section.idRange,
                    "issue `\(section.id)` does not start with `\(prefix)` although the front matter says `route: \(route)`")
        }
    }
}
