import SOTSource

/// The keys a configuration file may hold, at every depth. `ProfileLoader` checks a project's file
/// against `ConfigShape.profile` before anything is decoded, so that a misspelt key anywhere stops the
/// run with "did you mean" instead of being ignored (a typo under `secrets:` would scan what was meant
/// to be excluded; one under `front_matter:` would drop a required key).
package indirect enum ConfigShape: Sendable {
    /// A value whose keys are not examined here: a scalar, a list of scalars, or what the decoder checks
    /// itself (a rule's options against the rule's declaration).
    case value
    /// A mapping of exactly these keys (any may be left out), each with its shape.
    case keys([(key: String, shape: ConfigShape)])
    /// A mapping whose keys are names the user chooses (statuses, detector ids), each value of this shape;
    /// `means` completes "`PATH` must …" when something else is given.
    case names(ConfigShape, means: String)
    /// A list whose items have this shape.
    case list(ConfigShape)
    /// A single value, or a mapping of this shape (`jwt: off` or `jwt: {severity: warning}`).
    case valueOr(ConfigShape)

    /// What is wrong with the keys of `node`, the first problem in the file's order: an unknown key (with
    /// "did you mean"), or a mapping where a list or a value belongs or the other way round. `path` is the
    /// dotted path of `node` (empty at the top).
    package func problem(in node: ConfigNode, path: String = "") -> String? {
        switch (self, node) {
        case (_, .null), (.value, _):
            return nil
        case (.keys(let known), .mapping(let pairs)):
            for (key, value) in pairs {
                guard let shape = known.first(where: { $0.key == key })?.shape else {
                    return "unknown key `\(Self.join(path, key))`" + Suggestion.didYouMean(key, among: known.map(\.key))
                }
                if let problem = shape.problem(in: value, path: Self.join(path, key)) { return problem }
            }
            return nil
        case (.names(let shape, _), .mapping(let pairs)):
            for (key, value) in pairs {
                if let problem = shape.problem(in: value, path: Self.join(path, key)) { return problem }
            }
            return nil
        case (.names(_, let means), _):
            return "`\(path)` must \(means)"
        case (.keys, _):
            return "`\(path)` must be a mapping of keys to values"
        case (.list(let shape), .sequence(let items)):
            for (index, item) in items.enumerated() {
                if let problem = shape.problem(in: item, path: "\(path)[\(index + 1)]") { return problem }
            }
            return nil
        case (.list, .mapping):
            return "`\(path)` must be a list, not a mapping"
        case (.list, _):
            return nil
        case (.valueOr(let shape), .mapping):
            return shape.problem(in: node, path: path)
        case (.valueOr, _):
            return nil
        }
    }

    /// Every path of a mapping with fixed keys, with those keys, in the shape's order (for tests and docs:
    /// list items are `PATH[1]`, user-chosen names `PATH.NAME`).
    package func fixedMappings(path: String = "") -> [(path: String, keys: [String])] {
        switch self {
        case .value:
            return []
        case .keys(let known):
            return [(path, known.map(\.key))] + known.flatMap { $0.shape.fixedMappings(path: Self.join(path, $0.key)) }
        case .names(let shape, _):
            return shape.fixedMappings(path: Self.join(path, "NAME"))
        case .list(let shape):
            return shape.fixedMappings(path: "\(path)[1]")
        case .valueOr(let shape):
            return shape.fixedMappings(path: path)
        }
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private static let texts = ConfigShape.list(.value)
    /// Where a part of a one-issue document is read.
    private static let place = ConfigShape.keys([("front_matter", .value), ("section", .value), ("file_name", .value), ("h1", .value),
                                                 ("items", .value), ("prefix", .value)])

    /// `.sot-lint.yml` (and the default profile).
    package static let profile = ConfigShape.keys([
        ("extends", .value),
        ("sot_classification", .value),
        ("sot_documents", .keys([("marker", .value), ("values", texts), ("paths", texts)])),
        ("id_pattern", .value),
        ("ids", .keys([("case", .value), ("aliases", .names(.value, means: "map prefixes to the prefix each stands for")), ("prose", .value)])),
        ("statuses", .names(.valueOr(.keys([("category", .value), ("tail", .value)])),
                            means: "map each status to a category, or to {category, tail}")),
        ("fields", texts),
        ("front_matter", .keys([
            ("required", texts), ("optional", texts), ("enums", .names(texts, means: "map keys to lists of their allowed values")), ("dates", texts),
        ])),
        ("disclaimer", .value),
        ("include", texts),
        ("exclude", texts),
        ("transitions", .names(texts, means: "map statuses to lists of the statuses they may move to")),
        ("layouts", .list(.keys([
            ("paths", texts), ("issue", .value), ("id", place), ("title", place), ("status", place),
            ("fields", .names(place, means: "map field labels to where each is read ({front_matter: KEY} or {section: TITLE})")),
        ]))),
        ("ready", .keys([("categories", texts), ("except", texts)])),
        ("imports", texts),
        ("external", texts),
        ("rule_files", texts),
        ("secrets", .keys([
            ("exclude", texts),
            ("allow", .list(.keys([("fingerprint", .value), ("value", .value), ("detector", .value), ("reason", .value)]))),
            ("detectors", .names(.valueOr(.keys([("severity", .value), ("entropy", .value)])),
                                 means: "map detector ids to a severity, `off`, or {severity, entropy}")),
        ])),
        // Each rule's options are checked against the rule's own declaration by the decoder.
        ("rules", .names(.value, means: "map rule ids to severities")),
    ])

    /// A status move of a `transition` rule.
    package static let move = ConfigShape.keys([("from", .value), ("to", .value)])

    /// `when` and `target` of a user rule: conditions nest through `not` and `any`, to a depth a rule file
    /// will not reach (deeper nesting is checked when the condition is read).
    private static func condition(depth: Int) -> ConfigShape {
        let plain: [(key: String, shape: ConfigShape)] = [
            ("status", .value), ("category", .value), ("id", .value), ("has_field", .value),
            ("field_matches", .names(.value, means: "map field labels to patterns")),
            ("front_matter", .names(.value, means: "map front-matter keys to their values")),
        ]
        guard depth > 0 else { return .keys(plain + [("not", .value), ("any", .value)]) }
        let inner = condition(depth: depth - 1)
        return .keys(plain + [("not", inner), ("any", .list(inner))])
    }

    private static let example = ConfigShape.keys([
        ("summary", .value), ("text", .value), ("today", .value),
        ("files", .names(.value, means: "map file names to their text")),
        ("base", .names(.value, means: "map file names to their text at the base revision")),
    ])

    /// A user rule file (`rule_files`, docs/user-rules.md). Which of the kind-specific keys a rule may
    /// have is checked by `UserRuleReader`.
    package static let userRule = ConfigShape.keys([
        ("id", .value), ("kind", .value), ("summary", .value), ("rationale", .value), ("severity", .value), ("message", .value),
        ("when", condition(depth: 3)),
        ("require", .keys([("field", .value), ("front_matter", .value)])), ("matches", .value),
        ("field", .value), ("fields", .value), ("forbid", .value), ("pattern", .value), ("fix", .value),
        ("min", .value), ("max", .value), ("items", .value),
        ("link", .value), ("target", condition(depth: 3)),
        ("allow", .list(move)), ("unmoved", .value),
        ("examples", .keys([("valid", .list(example)), ("invalid", .list(example))])),
    ])
}
