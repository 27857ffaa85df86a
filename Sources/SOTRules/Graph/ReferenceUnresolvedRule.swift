import SOTSource
import SOTSyntax
import SOTModel

/// Every ID a document mentions must exist somewhere in the workspace.
package struct ReferenceUnresolvedRule: WorkspaceRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "reference-unresolved", category: .graph, defaultSeverity: .error,
        summary: "Every issue-ID mention resolves to an issue defined in the workspace.",
        rationale: """
        A blocker or cross-reference to an ID that exists nowhere is either a typo or a dangling link to a \
        deleted issue; either way a harness acting on it is wrong. The workspace is every SOT document of \
        the project (the folder with `.sot-lint.yml`, else the git top level), so linting one file gives \
        the same verdict as linting the repository. A defined ID one typo away is suggested. Issues of other \
        repositories' model files (`imports:`) count as defined; IDs an external system owns (`external:`) \
        are left to `reference-external`. A mention in `Blocked by` or `Depends on` is always checked. \
        Anywhere else — paragraphs, headings, the preamble, other fields such as `Acceptance` — the default \
        `id_pattern` also reads words such as `UTF-8`, `SHA-256` or `ISO-8601`; so by default (`ids.prose: \
        known-prefixes` in the profile, whatever the pattern) such a mention is checked only when its prefix \
        (the ID without its number: `PLAT` of `PLAT-12`, `CTO-WORK` of `CTO-WORK-021`) is the prefix of some \
        issue the workspace defines or imports: `PLAT-999` is reported where `PLAT-12` exists, `UTF-8` is \
        not. `ids.prose: all` checks every mention. With `prose: false` only IDs in fields (`Blocked by`, \
        `Depends on`, `Acceptance`, …) are checked: for trackers whose task text mentions example or \
        long-gone IDs.
        """,
        options: [RuleOption("prose", default: .bool(true), "Check IDs mentioned in prose too, not only those in fields.")],
        examples: [
            .valid("A prose mention left alone where the option says so.",
                   ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\nLike CTO-WORK-404 did.\n"),
                   config: "rules:\n  reference-unresolved: {severity: error, prose: false}\n"),
            .valid("A reference to another document.", files: [
                ExampleFile("a.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Uses `CTO-WORK-002`.\n")),
                ExampleFile("b.md", ExampleText.companion(title: "Other", "## CTO-WORK-002 - Second\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            ]),
            .valid("Words the default pattern reads, in prose of a workspace with no such prefix.", ExampleText.sot("""
            ## PLAT-12 - Store dates

            Status: open.

            Dates are ISO-8601 strings in UTF-8, hashed with SHA-256.

            Acceptance:

            - Every file is valid UTF-8.
            """)),
            .invalid("A prose mention of a known prefix, and a blocker whatever its prefix.", ExampleText.sot("""
            ## PLAT-12 - Store dates

            Status: blocked.

            Follows ↓PLAT-999 and uses UTF-8.

            Acceptance:

            - Works.

            Blocked by:

            - ↓XYZ-1
            """)),
            .invalid("A typo in an ID.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - Uses `↓CTO-WORK-010` and ↓CTO-WORK-3.
            """)),
        ])

    package func check(_ workspace: Workspace, context: WorkspaceContext) -> [Finding] {
        // The unresolved references, and each distinct unresolved ID once, in order of first mention.
        var unresolved: [(path: String, reference: IssueReference, id: Int)] = []
        var number: [String: Int] = [:]
        var distinct: [String] = []
        let external = context.profile.external
        let prose = context.settings.bool("prose") ?? true
        let scoped = context.profile.ids.prose == .knownPrefixes
        for document in workspace.documents where context.reports(document.path) {
            // An ID an external system owns is not ours to resolve (`reference-external` lists them).
            for reference in document.references where (prose || reference.field != nil) && !workspace.defines(reference.id)
                && !external.owns(reference.id) {
                // Outside the relation fields, a mention with a prefix no issue has is a word (`UTF-8`).
                if scoped, !reference.isRelation, !workspace.knownPrefixes.contains(prefixOf: reference.id) { continue }
                let id: Int
                if let known = number[reference.id] {
                    id = known
                } else {
                    id = distinct.count
                    number[reference.id] = id
                    distinct.append(reference.id)
                }
                unresolved.append((document.path, reference, id))
            }
        }
        guard !unresolved.isEmpty else { return [] }
        // One index of the defined IDs instead of an edit distance against each of them per reference;
        // the distinct IDs are looked up on every core.
        let index: any IDSuggester = workspace.wholeWorkspaceSuggester
            ?? workspace.suggesterCache.value { IDSuggestionIndex(candidates: workspace.issueIDs) }
        let ids = distinct
        let hints = ParallelResults<String>.map(ids.count) { position in
            index.nearest(ids[position]).map { "; did you mean `\($0)`?" } ?? ""
        }
        return unresolved.map { item in
            Finding(path: item.path, range: item.reference.range,
                    message: "`\(item.reference.id)` is not defined in any SOT document of the workspace" + hints[item.id])
        }
    }
}
