import SOTSource
import SOTSyntax

/// Builds a `Profile` from the compiled-in default profile and an optional project configuration.
public enum ProfileLoader {
    /// The default profile alone.
    public static func defaultProfile(rules: [RuleDeclaration], detectors: [String]) throws(SOTLintError) -> Profile {
        try load(configText: nil, configPath: nil, rules: rules, detectors: detectors)
    }

    /// The default profile extended by `configText` (the contents of `configPath`); `detectors` are the secret
    /// detector ids `secrets.detectors` may name.
    public static func load(configText: String?, configPath: String?, rules: [RuleDeclaration],
                            detectors: [String]) throws(SOTLintError) -> Profile {
        let origin = configPath ?? "rules/default.yml"
        func fail(_ reason: String) -> SOTLintError {
            .invalidConfiguration(path: origin, reason: reason)
        }
        // The compiled-in default profile's tree: no YAML is parsed for it.
        var node = DefaultProfileSnapshot.tree
        if let configText {
            let user: ConfigNode
            do {
                user = try ConfigNode.parse(configText)
            } catch {
                throw fail(error.message)
            }
            switch user {
            case .null: break
            case .mapping:
                // Every key at every depth is one the profile knows (`ConfigShape.profile`).
                if let problem = ConfigShape.profile.problem(in: user) { throw fail(problem) }
                node = node.merged(with: normalizedRules(user, defaults: node))
            default:
                throw fail("the file must be a mapping of keys to values")
            }
        }
        var decoder = ProfileDecoder(node: node, origin: origin, declarations: rules, detectors: detectors)
        var profile = try decoder.decode()
        profile.configPath = configPath
        // The rule ids joined by commas, byte by byte: a generic `joined` costs a runtime type lookup at start-up.
        var ids: [UInt8] = []
        for (index, rule) in rules.enumerated() {
            if index > 0 { ids.append(UInt8(ascii: ",")) }
            ids += rule.id.utf8
        }
        profile.fingerprint = ContentHash(parts: [Array(DefaultProfileText.yaml.utf8), Array((configText ?? "").utf8), ids]).description
        return profile
    }

    /// `rule: warning` becomes `rule: {severity: warning}` so that a severity alone keeps default options.
    private static func normalizedRules(_ user: ConfigNode, defaults: ConfigNode) -> ConfigNode {
        guard case .mapping(var pairs) = user, let index = pairs.firstIndex(where: { $0.key == "rules" }),
              case .mapping(let rules) = pairs[index].value else { return user }
        let normalized = rules.map { rule -> (key: String, value: ConfigNode) in
            if case .scalar = rule.value { return (rule.key, .mapping([("severity", rule.value)])) }
            return rule
        }
        pairs[index].value = .mapping(normalized)
        return .mapping(pairs)
    }
}
