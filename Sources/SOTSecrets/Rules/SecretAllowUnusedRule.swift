import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// An allowance that allows nothing is stale, misspelt, or lacks its reason.
package struct SecretAllowUnusedRule: ContentRule, ProjectRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "secret-allow-unused", category: .secrets, defaultSeverity: .warning,
        summary: "Every secret allowance gives a reason and allows a finding.",
        rationale: """
        `sot-lint-allow-secret DETECTOR reason` must sit on the line right before the secret it allows, name \
        its detector and give a reason; otherwise it allows nothing and is reported here. A fingerprint or a value \
        pattern under `secrets.allow` in `.sot-lint.yml` that matches no finding is reported on the configuration \
        file when the whole project is linted (a run on some files cannot tell).
        """,
        examples: [
            .valid("The allowance is used.", "# Setup\n\n<!-- sot-lint-allow-secret github-pat-classic revoked key kept for the parser test -->\nexport GITHUB_TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8\n"),
            .invalid("No reason, and nothing to allow.", """
            # Setup

            <!-- ↓sot-lint-allow-secret github-pat-classic -->
            export GITHUB_TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8

            <!-- ↓sot-lint-allow-secret github-pat-classic old key, removed since -->
            Nothing here.
            """),
        ], suppressible: false)

    /// Allow directives of one file that allowed nothing.
    package func check(_ file: ContentFile, context: ContentContext) -> ContentFindings {
        let scan = SecretFinder.shared(file, allowances: context.profile.secretAllowances,
                                       settings: context.profile.secretDetectors)
        return ContentFindings(findings: scan.unusedDirectives, redact: scan.secrets, facts: scan.usedFingerprints)
    }

    /// `secrets.allow` fingerprints that matched nothing, reported on the configuration file — only
    /// when the whole project was linted, since a partial run cannot know.
    package func check(_ project: ProjectFacts, context: WorkspaceContext) -> [Finding] {
        let allowances = context.profile.secretAllowances
        guard project.wholeProject, let configPath = project.configPath, let bytes = project.configBytes,
              allowances.contains(where: { !project.facts.contains($0.fact) }) else { return [] }
        let source = SourceText(path: configPath, bytes: bytes)
        return allowances.filter { !project.facts.contains($0.fact) }.map { allowance in
            let needle = Array((allowance.fingerprint ?? allowance.value ?? "").utf8)
            let range = ByteSearch.firstIndex(of: needle, in: source.bytes).map { source.range($0..<($0 + needle.count)) }
                ?? SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
            let what = allowance.fingerprint.map { "fingerprint \($0)" } ?? "value `\(allowance.value ?? "")`"
            return Finding(path: configPath, range: range, message: "`secrets.allow` \(what) matches no finding in the project; remove it")
        }
    }
}
