import SOTSource
import SOTSyntax

/// Builds a `Profile` from the compiled-in default profile and an optional project configuration.
public enum ProfileLoader {
    /// The default profile alone.
    public static func defaultProfile(rules: [RuleDeclaration], detectors: [String]) throws(SOTLintError) -> Profile {
        try load(configText: nil, configPath: nil, rules: rules, detectors: detectors)
    }

    /// The default profile extended by `configText` (the contents of `configPath`); `detectors` are the secret
    /// detector ids `secrets.detectors` may name. `configDirectory`, the absolute folder of the file, is
    /// where `extends: PATH` is resolved (nil for a configuration held in memory, which cannot extend a file).
    public static func load(configText: String?, configPath: String?, configDirectory: String? = nil, rules: [RuleDeclaration],
                            detectors: [String]) throws(SOTLintError) -> Profile {
        let origin = configPath ?? "rules/default.yml"
        func fail(_ reason: String) -> SOTLintError {
            .invalidConfiguration(path: origin, reason: reason)
        }
        // The compiled-in default profile's tree: no YAML is parsed for it.
        var node = DefaultProfileSnapshot.tree
        // The texts the profile is made of besides the defaults: the file and whatever it extends.
        var layers: [[UInt8]] = [Array((configText ?? "").utf8)]
        // The files read besides the configuration (shared profiles, rule files), for a session that watches them.
        var files: [String] = []
        var userRules: [UserRuleDefinition] = []
        if let configText {
            let user = try extended(try checkedTree(configText, origin: origin), origin: origin, directory: configDirectory, chain: [],
                                    layers: &layers, files: &files)
            userRules = try readRuleFiles(user["rule_files"], origin: origin, directory: configDirectory, builtIn: rules,
                                          layers: &layers, files: &files)
            if !userRules.isEmpty {
                // A team's rule reports at the severity its file gives unless `rules:` says otherwise.
                let severities = ConfigNode.mapping(userRules.map { ($0.id, .mapping([("severity", .scalar($0.severity.rawValue))])) })
                node = node.merged(with: .mapping([("rules", severities)]))
            }
            node = node.merged(with: user)
        }
        var decoder = ProfileDecoder(node: node, origin: origin,
                                     declarations: rules + userRules.map { RuleDeclaration(id: $0.id, options: []) }, detectors: detectors)
        var profile = try decoder.decode()
        profile.configPath = configPath
        for rule in userRules {
            if let problem = rule.unknownStatus(in: profile) ?? rule.unknownField(in: profile) {
                throw .invalidConfiguration(path: rule.file, reason: "rule `\(rule.id)`: \(problem)")
            }
        }
        profile.userRules = userRules
        profile.sourceFiles = files
        profile.allow(userRules.flatMap(\.allowedMoves))
        // The rule ids joined by commas, byte by byte: a generic `joined` costs a runtime type lookup at start-up.
        var ids: [UInt8] = []
        for (index, rule) in rules.enumerated() {
            if index > 0 { ids.append(UInt8(ascii: ",")) }
            ids += rule.id.utf8
        }
        profile.fingerprint = ContentHash(parts: [Array(DefaultProfileText.yaml.utf8), ids] + layers).description
        return profile
    }

    /// A configuration text as a tree whose every key the profile knows (`ConfigShape.profile`).
    private static func checkedTree(_ text: String, origin: String) throws(SOTLintError) -> ConfigNode {
        let tree: ConfigNode
        do {
            tree = try ConfigNode.parse(text)
        } catch {
            throw .invalidConfiguration(path: origin, reason: error.message)
        }
        switch tree {
        case .null, .mapping:
            if let problem = ConfigShape.profile.problem(in: tree) { throw .invalidConfiguration(path: origin, reason: problem) }
            return tree
        default:
            throw .invalidConfiguration(path: origin, reason: "the file must be a mapping of keys to values")
        }
    }

    /// `user` over what its `extends` names (a built-in profile, or a file relative to `directory`, which
    /// may extend another in turn), its rules normalised; `layers` gains the text of every file read.
    private static func extended(_ user: ConfigNode, origin: String, directory: String?, chain: [String],
                                 layers: inout [[UInt8]], files: inout [String]) throws(SOTLintError) -> ConfigNode {
        func fail(_ reason: String) -> SOTLintError { .invalidConfiguration(path: origin, reason: reason) }
        guard case .mapping(let pairs) = user else { return user }
        let own = ConfigNode.mapping(pairs.filter { $0.key != "extends" })
        let layer = normalizedRules(own)
        guard let named = user["extends"], named != .null else { return layer }
        guard case .scalar(let target) = named, !target.trimmingSpaces.isEmpty else {
            throw fail("`extends` must name a built-in profile (\(BuiltInProfiles.names.joined(separator: ", "))) or a profile file")
        }
        if let yaml = BuiltInProfiles.yaml(named: target) {
            layers.append(Array(yaml.utf8))
            return try checkedTree(yaml, origin: "built-in profile \(target)").merged(with: layer)
        }
        guard target.contains("/") || target.hasSuffix(".yml") || target.hasSuffix(".yaml") else {
            throw fail("`extends: \(target)` names no built-in profile" + Suggestion.didYouMean(target, among: BuiltInProfiles.names)
                       + " (built-in: \(BuiltInProfiles.names.joined(separator: ", ")); or a path to a .yml file)")
        }
        guard let directory else { throw fail("`extends: \(target)`: a configuration that is not a file cannot extend a file") }
        let absolute = FilePath.absolute(target, base: directory)
        guard !chain.contains(absolute) else {
            throw fail("`extends: \(target)` comes back to a profile already extended: " + (chain + [absolute]).joined(separator: " -> "))
        }
        guard chain.count < maxExtendsDepth else { throw fail("`extends` goes deeper than \(maxExtendsDepth) files") }
        let display = origin.contains("/") ? FilePath.join(FilePath.parent(origin), target) : target
        let bytes = try read(absolute) { fail("`extends: \(target)`: cannot read \(display): \($0)") }
        layers.append(bytes)
        files.append(absolute)
        let shared = try checkedTree(String(decoding: bytes, as: UTF8.self), origin: display)
        let base = try extended(shared, origin: display, directory: FilePath.parent(absolute), chain: chain + [absolute], layers: &layers,
                                files: &files)
        return base.merged(with: layer)
    }

    /// The rules of the files `rule_files` names (paths or globs relative to `directory`), in file order;
    /// `layers` gains each file's text.
    private static func readRuleFiles(_ node: ConfigNode?, origin: String, directory: String?, builtIn: [RuleDeclaration],
                                      layers: inout [[UInt8]], files: inout [String]) throws(SOTLintError) -> [UserRuleDefinition] {
        func fail(_ reason: String) -> SOTLintError { .invalidConfiguration(path: origin, reason: reason) }
        guard let node, node != .null else { return [] }
        var globs: [String] = []
        switch node {
        case .scalar(let text): globs = [text]
        case .sequence(let items):
            for item in items {
                guard case .scalar(let text) = item else { throw fail("`rule_files` must be a list of paths or globs") }
                globs.append(text)
            }
        default: throw fail("`rule_files` must be a list of paths or globs")
        }
        guard let directory else { throw fail("`rule_files` needs a configuration file: its paths are relative to the file's folder") }
        let builtInIDs = Set(builtIn.map(\.id))
        var definitions: [UserRuleDefinition] = []
        var definedIn: [String: String] = [:]
        var seen = Set<String>()
        for glob in globs {
            let paths = FilePath.files(named: glob, base: directory)
            guard !paths.isEmpty else { throw fail("`rule_files: \(glob)` matches no file") }
            for absolute in paths where seen.insert(absolute).inserted {
                let relative = FilePath.relative(absolute, to: directory)
                let display = origin.contains("/") ? FilePath.join(FilePath.parent(origin), relative) : relative
                let bytes = try read(absolute) { fail("`rule_files`: cannot read \(display): \($0)") }
                layers.append(bytes)
                files.append(absolute)
                let definition = try UserRuleReader(file: display).read(String(decoding: bytes, as: UTF8.self))
                guard !builtInIDs.contains(definition.id) else {
                    throw .invalidConfiguration(path: display, reason: "`id: \(definition.id)` is a built-in rule's id; give the rule its own")
                }
                if let other = definedIn[definition.id] {
                    throw .invalidConfiguration(path: display, reason: "`id: \(definition.id)` is already the id of the rule in \(other)")
                }
                definedIn[definition.id] = display
                definitions.append(definition)
            }
        }
        return definitions
    }

    /// The bytes of a file the configuration names; `fail` words the error from the cause.
    private static func read(_ absolute: String, fail: (String) -> SOTLintError) throws(SOTLintError) -> [UInt8] {
        do {
            return try FilePath.read(absolute)
        } catch {
            let reason = switch error {
            case .unreadableFile(_, let reason): reason
            case .pathNotFound: "no such file"
            default: error.description
            }
            throw fail(reason)
        }
    }

    /// How many files a chain of `extends` may read.
    private static let maxExtendsDepth = 8

    /// `rule: warning` becomes `rule: {severity: warning}` so that a severity alone keeps default options.
    private static func normalizedRules(_ user: ConfigNode) -> ConfigNode {
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
