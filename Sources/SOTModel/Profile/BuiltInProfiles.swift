/// The profiles `extends: NAME` may name, each a layer of `.sot-lint.yml` text over the default profile.
package enum BuiltInProfiles {
    /// Name → the profile's text. `seed` is the default profile itself (the dialect sot-lint was specified
    /// from: `## CTO-WORK-021 - Title` sections with `Status:` lines), so it adds nothing.
    package static let texts: [(name: String, yaml: String)] = [
        ("seed", "# The default profile: sections `## ID - Title` with `Status:`, `Acceptance:` and `Blocked by:`.\n"),
    ]

    package static var names: [String] { texts.map(\.name) }

    package static func yaml(named name: String) -> String? {
        texts.first { $0.name == name }?.yaml
    }
}
