import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Secrets must never be written into a file that is committed, shared or read by agents.
/// Runs the detector catalog (rules/secrets.yml) over every text file.
package struct SecretLeakRule: ContentRule, BuiltInRule {
    package static let metadata = RuleMetadata(
        id: "secret-leak", category: .secrets, defaultSeverity: .error,
        summary: "No file contains a secret: API keys, tokens, private keys, passwords.",
        rationale: """
        Every text file that is linted, or found in a linted folder, is scanned — SOT documents, other \
        Markdown, configuration and code — front matter, code blocks, HTML comments and link targets \
        included; binary files are skipped. Detectors (`sot-lint explain secret-leak` lists them; \
        docs/secrets.md describes them) know provider \
        token formats, private key blocks, credentials in URLs, sensitive assignments and high-entropy \
        strings in code spans and fences; placeholders (`EXAMPLE`, `xxxx`, `<token>`, `${TOKEN}`, `$VAR`, \
        `{{ token }}`, `REDACTED`) are not secrets. A finding names the detector and a fingerprint (the \
        first 12 hex digits of SHA-256 over detector id + secret) and never the secret itself. Rotate the \
        secret, then remove it from the file and from git history. To accept a finding, put \
        `sot-lint-allow-secret DETECTOR reason` in a comment on the line before it, or list its fingerprint \
        with a reason under `secrets.allow` in `.sot-lint.yml`. Inline `sot-lint-disable` directives do \
        not apply to this rule.
        """,
        examples: [
            .valid("A placeholder.", "# Setup\n\nexport GITHUB_TOKEN=ghp_EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPL\n"),
            .valid("An allowed test key.", "# Setup\n\n<!-- sot-lint-allow-secret github-pat-classic revoked key kept for the parser test -->\nexport GITHUB_TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8\n"),
            .invalid("A token pasted into an acceptance item.", ExampleText.sot("""
            ## CTO-WORK-001 - First

            Status: open.

            Acceptance:

            - CI pushes with ↓ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8 until the app exists.
            """)),
        ], suppressible: false)

    /// A secret committed and removed again is still a secret: `--base` and `secrets --history` scan each
    /// commit's added lines.
    package static let checksAddedText = true

    package func check(_ file: ContentFile, context: ContentContext) -> ContentFindings {
        let scan = SecretFinder.shared(file, allowances: context.profile.secretAllowances,
                                       settings: context.profile.secretDetectors)
        return ContentFindings(findings: scan.findings, redact: scan.secrets, facts: scan.usedFingerprints)
    }
}
