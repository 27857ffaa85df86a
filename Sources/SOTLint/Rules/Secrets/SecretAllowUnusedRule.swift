/// An allowance that allows nothing is stale, misspelt, or lacks its reason.
struct SecretAllowUnusedRule: Rule {
    static let metadata = RuleMetadata(
        id: "secret-allow-unused", category: .secrets, defaultSeverity: .warning,
        summary: "Every secret allowance gives a reason and allows a finding.",
        rationale: """
        `sot-lint-allow-secret DETECTOR reason` must sit on the line right before the secret it allows, name \
        its detector and give a reason; otherwise it allows nothing and is reported here. A fingerprint under \
        `secrets.allow` in `.sot-lint.yml` that matches no finding is reported on the configuration file when \
        the whole project is linted (a run on some files cannot tell).
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
        ])
}
