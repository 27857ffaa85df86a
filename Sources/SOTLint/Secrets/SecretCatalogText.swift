// Temporary: replaced by scripts/generate-embedded.sh once rules/secrets.yml exists.
enum SecretCatalogText {
    static let yaml = #"""
version: 1
detectors:
  - id: github-pat-classic
    description: GitHub personal access token (classic)
    keywords: [ghp_]
    pattern: 'ghp_[A-Za-z0-9]{36}'
    entropy: 3.5
    positives: ['export GITHUB_TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8']
    negatives: ['ghp_short']
"""#
}
