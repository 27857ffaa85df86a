import SOTSource
import SOTSyntax

/// Turns a merged profile tree into a validated `Profile`; every mistake names the key at fault.
package struct ProfileDecoder {
    package let node: ConfigNode
    package let origin: String
    /// The rules whose settings the profile may hold.
    package let declarations: [RuleDeclaration]
    /// The secret detectors `secrets.detectors` may name.
    package let detectors: [String]

    /// What `severity` may say, made once rather than for each of the profile's rules.
    private static let severityNames = Severity.allCases.map(\.rawValue) + ["off"]

    private func fail(_ reason: String) -> SOTLintError {
        .invalidConfiguration(path: origin, reason: reason)
    }

    package mutating func decode() throws(SOTLintError) -> Profile {
        let pattern = try string("id_pattern", in: node)
        let ids = try idSettings()
        let matcher: IssueIDMatcher
        do {
            matcher = try IssueIDMatcher(pattern: pattern, ignoreCase: ids.caseInsensitive)
        } catch {
            throw fail("`id_pattern` is not a valid regular expression: \(error.message)")
        }
        var profile = Profile(
            sotClassification: "sot",
            idMatcher: matcher,
            statuses: try statuses(),
            fields: try strings("fields", in: node),
            frontMatter: try frontMatter(),
            disclaimer: try string("disclaimer", in: node),
            include: try strings("include", in: node),
            exclude: try strings("exclude", in: node),
            rules: try rules(),
            configPath: nil)
        if case .mapping(let pairs)? = node["transitions"] {
            for (from, _) in pairs {
                guard profile.status(named: from) != nil else {
                    throw fail("`transitions` names `\(from)`, which is not in `statuses`")
                }
                let targets = try strings(from, in: node["transitions"] ?? .null, context: "transitions.")
                if let unknown = targets.first(where: { profile.status(named: $0) == nil }) {
                    throw fail("`transitions.\(from)` names `\(unknown)`, which is not in `statuses`")
                }
                profile.transitions[Profile.normalizedStatus(from)] = targets.map(Profile.normalizedStatus)
            }
        }
        profile.sot = try membership()
        profile.ids = ids
        profile.layouts = try layouts()
        if let ready = node["ready"] {
            profile.ready = try readySettings(ready, profile: profile)
        }
        if node["imports"] != nil { profile.imports = try strings("imports", in: node) }
        if node["external"] != nil {
            let patterns = try strings("external", in: node)
            do {
                profile.ready.external = try ExternalIDs(patterns)
            } catch {
                throw fail("an `external` pattern is not a valid regular expression: \(error.message)")
            }
        }
        if let secrets = node["secrets"] {
            profile.secretExclude = try strings("exclude", in: secrets, context: "secrets.")
            profile.secretAllowances = try allowances(secrets)
            profile.secretDetectors = try detectorSettings(secrets)
        }
        return profile
    }

    /// `sot_documents:` (the marker key, its values, the paths). The older `sot_classification: VALUE`, when
    /// a project still gives it, is the one marker value.
    private func membership() throws(SOTLintError) -> Profile.Membership {
        var membership = Profile.Membership()
        let section = node["sot_documents"] ?? .null
        if section["marker"] != nil { membership.marker = try string("marker", in: section, context: "sot_documents.") }
        guard !membership.marker.trimmingSpaces.isEmpty else { throw fail("`sot_documents.marker` must name a front-matter key") }
        if section["values"] != nil { membership.values = try strings("values", in: section, context: "sot_documents.") }
        if let single = node["sot_classification"] {
            guard case .scalar(let value) = single else { throw fail("`sot_classification` must be a text value") }
            membership.values = [value]
        }
        if section["paths"] != nil { membership.paths = try strings("paths", in: section, context: "sot_documents.") }
        return membership
    }

    /// `ids:`: `case: sensitive | insensitive`, `aliases` of prefixes, and `prose: known-prefixes | all`.
    private func idSettings() throws(SOTLintError) -> Profile.IDSettings {
        var settings = Profile.IDSettings()
        let section = node["ids"] ?? .null
        switch section["case"] {
        case nil, .null?, .scalar("sensitive")?: break
        case .scalar("insensitive")?: settings.caseInsensitive = true
        default: throw fail("`ids.case` must be `sensitive` or `insensitive`")
        }
        switch section["prose"] {
        case nil, .null?: break
        case .scalar(let value)? where Profile.ProseMentions(rawValue: value) != nil:
            settings.prose = Profile.ProseMentions(rawValue: value) ?? .knownPrefixes
        default: throw fail("`ids.prose` must be `known-prefixes` or `all`")
        }
        if case .mapping(let pairs)? = section["aliases"] {
            for (prefix, value) in pairs {
                guard case .scalar(let target) = value, !target.isEmpty, !prefix.contains("-"), !target.contains("-") else {
                    throw fail("`ids.aliases.\(prefix)` must name the prefix it stands for, without `-` (`task: BACK`)")
                }
                settings.aliases[settings.caseInsensitive ? prefix.uppercased() : prefix] = target
            }
        }
        return settings
    }

    /// `layouts:`: documents with one issue each, and where its parts are read.
    private func layouts() throws(SOTLintError) -> [DocumentLayout] {
        guard case .sequence(let items)? = node["layouts"] else { return [] }
        var result: [DocumentLayout] = []
        for (index, item) in items.enumerated() {
            let path = "layouts[\(index + 1)]"
            let paths = try strings("paths", in: item, context: path + ".")
            guard !paths.isEmpty else { throw fail("`\(path).paths` must list the globs of the documents the layout reads") }
            if let issue = item["issue"], issue != .scalar("document") {
                throw fail("`\(path).issue` must be `document` (one issue per file; other documents have issue sections)")
            }
            guard let idNode = item["id"] else { throw fail("`\(path).id` must say where the ID is: {front_matter: KEY} or {file_name: REGEX}") }
            var layout = DocumentLayout(paths: paths, id: try place(idNode, path: path + ".id"))
            if case .fileName(let pattern) = layout.id {
                do {
                    layout.fileNamePattern = try POSIXRegex(pattern)
                } catch {
                    throw fail("`\(path).id.file_name` is not a valid regular expression: \(error.message)")
                }
                if let prefix = idNode["prefix"] {
                    guard case .scalar(let text) = prefix else { throw fail("`\(path).id.prefix` must be a text value") }
                    layout.idPrefix = text
                }
            } else if case .frontMatter = layout.id {} else {
                throw fail("`\(path).id` must be {front_matter: KEY} or {file_name: REGEX}")
            }
            if let title = item["title"] { layout.title = try place(title, path: path + ".title") }
            if let status = item["status"] { layout.status = try place(status, path: path + ".status") }
            if case .mapping(let fields)? = item["fields"] {
                for (label, value) in fields {
                    let where_ = try place(value, path: "\(path).fields.\(label)")
                    var checkboxes = false
                    if let items = value["items"] {
                        guard items == .scalar("checkboxes") || items == .scalar("list") else {
                            throw fail("`\(path).fields.\(label).items` must be `list` or `checkboxes`")
                        }
                        checkboxes = items == .scalar("checkboxes")
                    }
                    layout.fields.append(DocumentLayout.FieldPlace(label: label, place: where_, checkboxes: checkboxes))
                }
            }
            result.append(layout)
        }
        return result
    }

    /// `{front_matter: KEY}`, `{section: TITLE}`, `{file_name: REGEX}` or `{h1: true}`.
    private func place(_ node: ConfigNode, path: String) throws(SOTLintError) -> DocumentLayout.Place {
        let given = ["front_matter", "section", "file_name", "h1"].filter { node[$0] != nil }
        guard given.count == 1, let kind = given.first else {
            throw fail("`\(path)` must be one of {front_matter: KEY}, {section: TITLE}, {file_name: REGEX}, {h1: true}")
        }
        if kind == "h1" { return .h1 }
        guard case .scalar(let text)? = node[kind], !text.trimmingSpaces.isEmpty else { throw fail("`\(path).\(kind)` must be a text value") }
        switch kind {
        case "front_matter": return .frontMatter(text)
        case "section": return .section(text)
        default: return .fileName(text)
        }
    }

    /// `ready:`: the status categories whose issues may be ready, and statuses that never are.
    private func readySettings(_ ready: ConfigNode, profile: Profile) throws(SOTLintError) -> ReadySettings {
        guard case .mapping = ready else { throw fail("`ready` must be a mapping of `categories` and `except`") }
        var settings = ReadySettings()
        if ready["categories"] != nil {
            let names = try strings("categories", in: ready, context: "ready.")
            settings.categories = try names.map { name throws(SOTLintError) -> StatusCategory in
                guard let category = StatusCategory(rawValue: name) else {
                    throw fail("`ready.categories` names `\(name)`, which is not a category: "
                               + StatusCategory.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return category
            }
        }
        if ready["except"] != nil {
            let names = try strings("except", in: ready, context: "ready.")
            if let unknown = names.first(where: { profile.status(named: $0) == nil }) {
                throw fail("`ready.except` names `\(unknown)`, which is not in `statuses`")
            }
            settings.exceptStatuses = names.map(Profile.normalizedStatus)
        }
        return settings
    }

    /// `secrets.detectors`: `ID: off`, `ID: warning`, or `ID: {severity: …, entropy: 4.2}`.
    private func detectorSettings(_ secrets: ConfigNode) throws(SOTLintError) -> [String: SecretDetectorSettings] {
        let pairs: [(key: String, value: ConfigNode)]
        switch secrets["detectors"] {
        case nil, .null?: return [:]
        case .mapping(let given)?: pairs = given
        default: throw fail("`secrets.detectors` must map detector ids to a severity, `off`, or {severity, entropy}")
        }
        var result: [String: SecretDetectorSettings] = [:]
        for (id, value) in pairs {
            guard detectors.contains(id) else {
                throw fail("unknown detector `\(id)` in `secrets.detectors`" + Suggestion.didYouMean(id, among: detectors))
            }
            var settings = SecretDetectorSettings()
            func apply(severity text: String) throws(SOTLintError) {
                guard Self.severityNames.contains(text.lowercased()) else {
                    throw fail("`secrets.detectors.\(id)` needs a severity: \(Self.severityNames.joined(separator: ", "))")
                }
                settings.off = text.lowercased() == "off"
                settings.severity = Severity(rawValue: text.lowercased())
            }
            switch value {
            case .scalar(let text):
                try apply(severity: text)
            case .mapping(let keys):
                for (key, option) in keys {
                    guard case .scalar(let text) = option else { throw fail("`secrets.detectors.\(id).\(key)` must be a single value") }
                    if key == "severity" {
                        try apply(severity: text)
                    } else {
                        guard let floor = Double(text), floor >= 0, floor <= 8 else {
                            throw fail("`secrets.detectors.\(id).entropy` must be a number of bits per byte from 0 to 8")
                        }
                        settings.entropy = floor
                    }
                }
            default:
                throw fail("`secrets.detectors.\(id)` must be a severity, `off`, or {severity, entropy}")
            }
            result[id] = settings
        }
        return result
    }

    private func allowances(_ secrets: ConfigNode) throws(SOTLintError) -> [SecretAllowance] {
        switch secrets["allow"] {
        case nil, .null?:
            return []
        case .sequence(let items)?:
            var result: [SecretAllowance] = []
            for item in items {
                if case .scalar(let value)? = item["value"] {
                    guard item["fingerprint"] == nil else { throw fail("a `secrets.allow` entry has a `fingerprint` or a `value`, not both") }
                    do {
                        _ = try POSIXRegex("^(" + value + ")$")
                    } catch {
                        throw fail("`secrets.allow` value `\(value)` is not a valid regular expression: \(error.message)")
                    }
                    var detector: String?
                    if let named = item["detector"] {
                        guard case .scalar(let id) = named else { throw fail("`secrets.allow` value `\(value)`: `detector` must be a detector id") }
                        detector = id
                    }
                    guard case .scalar(let reason)? = item["reason"], !reason.trimmingSpaces.isEmpty else {
                        throw fail("`secrets.allow` value `\(value)` needs a `reason`")
                    }
                    result.append(SecretAllowance(value: value, detector: detector, reason: reason))
                    continue
                }
                guard item["detector"] == nil else { throw fail("`detector` limits a `secrets.allow` entry with a `value`; a fingerprint names one finding already") }
                guard case .scalar(let fingerprint)? = item["fingerprint"], fingerprint.count == 12,
                      fingerprint.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw fail("each `secrets.allow` entry needs a `fingerprint` of 12 lower-case hex digits, as findings print it, or a `value` pattern")
                }
                guard case .scalar(let reason)? = item["reason"], !reason.trimmingSpaces.isEmpty else {
                    throw fail("`secrets.allow` entry \(fingerprint) needs a `reason`")
                }
                result.append(SecretAllowance(fingerprint: fingerprint, reason: reason))
            }
            return result
        default:
            throw fail("`secrets.allow` must be a list of {fingerprint, reason} or {value, detector, reason}")
        }
    }

    private func string(_ key: String, in parent: ConfigNode, context: String = "") throws(SOTLintError) -> String {
        guard case .scalar(let value)? = parent[key] else { throw fail("`\(context)\(key)` must be a text value") }
        return value
    }

    private func strings(_ key: String, in parent: ConfigNode, context: String = "") throws(SOTLintError) -> [String] {
        switch parent[key] {
        case .sequence(let items)?:
            var result: [String] = []
            for item in items {
                guard case .scalar(let value) = item else { throw fail("`\(context)\(key)` must be a list of text values") }
                result.append(value)
            }
            return result
        case .null?, nil:
            return []
        default:
            throw fail("`\(context)\(key)` must be a list of text values")
        }
    }

    private func statuses() throws(SOTLintError) -> [Profile.StatusDefinition] {
        guard case .mapping(let pairs)? = node["statuses"], !pairs.isEmpty else {
            throw fail("`statuses` must map each status to a category")
        }
        var result: [Profile.StatusDefinition] = []
        let categories = StatusCategory.allCases.map(\.rawValue)
        let tails = Profile.StatusTail.allCases.map(\.rawValue)
        for (name, value) in pairs {
            // `done: resolved`, or `superseded: {category: resolved, tail: reference}`.
            let given: ConfigNode = if case .mapping = value { value["category"] ?? .null } else { value }
            guard case .scalar(let raw) = given, let category = StatusCategory(rawValue: raw) else {
                throw fail("status `\(name)` needs one of the categories \(categories.joined(separator: ", "))")
            }
            var definition = Profile.StatusDefinition(name: name, category: category)
            if let tail = value["tail"], tail != .null {
                guard case .scalar(let text) = tail, let kind = Profile.StatusTail(rawValue: text) else {
                    throw fail("`statuses.\(name).tail` must be one of \(tails.map { "`\($0)`" }.joined(separator: ", "))")
                }
                definition.tail = kind
            }
            result.append(definition)
        }
        return result
    }

    private func frontMatter() throws(SOTLintError) -> Profile.FrontMatterSchema {
        guard let section = node["front_matter"] else { throw fail("`front_matter` is missing") }
        var enums: [(key: String, values: [String])] = []
        if case .mapping(let pairs)? = section["enums"] {
            for (key, _) in pairs {
                guard let enumNode = section["enums"] else { continue }
                enums.append((key, try strings(key, in: enumNode, context: "front_matter.enums.")))
            }
        }
        return Profile.FrontMatterSchema(
            required: try strings("required", in: section, context: "front_matter."),
            optional: try strings("optional", in: section, context: "front_matter."),
            enums: enums,
            dates: try strings("dates", in: section, context: "front_matter."))
    }

    private func rules() throws(SOTLintError) -> [String: RuleSettings] {
        guard case .mapping(let pairs)? = node["rules"] else { throw fail("`rules` must map rule ids to severities") }
        let known = declarations.map(\.id)
        var result: [String: RuleSettings] = [:]
        result.reserveCapacity(pairs.count)
        for (id, value) in pairs {
            guard known.contains(id) else {
                throw fail("unknown rule `\(id)`" + Suggestion.didYouMean(id, among: known))
            }
            result[id] = try settings(id, value)
        }
        return result
    }

    private func settings(_ id: String, _ value: ConfigNode) throws(SOTLintError) -> RuleSettings {
        var severityText: String?
        var options: [String: OptionValue] = [:]
        switch value {
        case .scalar(let text):
            severityText = text
        case .mapping(let pairs):
            for (key, option) in pairs {
                if key == "severity" {
                    guard case .scalar(let text) = option else { throw fail("`rules.\(id).severity` must be a severity") }
                    severityText = text
                } else {
                    options[key] = try optionValue(option, path: "rules.\(id).\(key)")
                }
            }
        default:
            throw fail("`rules.\(id)` must be a severity or a mapping with `severity`")
        }
        guard let severityText, Self.severityNames.contains(severityText.lowercased()) else {
            throw fail("`rules.\(id)` needs a severity: \(Self.severityNames.joined(separator: ", "))")
        }
        let declaration = declarations.first { $0.id == id }
        let declared = declaration?.options.map(\.name) ?? []
        if let unknown = options.keys.sorted().first(where: { !declared.contains($0) }) {
            let hint = declared.isEmpty ? "; this rule has no options" : Suggestion.didYouMean(unknown, among: declared)
            throw fail("rule `\(id)` has no option `\(unknown)`\(hint)")
        }
        for option in declaration?.options ?? [] {
            guard let given = options[option.name] else { continue }
            let conformed = try Self.conform(given, to: option.defaultValue) {
                self.fail("`rules.\(id).\(option.name)` must be \($0)")
            }
            if let allowed = declaration?.choices[option.name] {
                let values: [String] = switch conformed {
                case .string(let text): [text]
                case .strings(let texts): texts
                default: []
                }
                if let wrong = values.first(where: { !allowed.contains($0) }) {
                    throw fail("`rules.\(id).\(option.name)` names `\(wrong)`, which is not one of "
                               + allowed.map { "`\($0)`" }.joined(separator: ", ") + Suggestion.didYouMean(wrong, among: allowed))
                }
            }
            options[option.name] = conformed
        }
        return RuleSettings(severity: Severity(rawValue: severityText.lowercased()), options: options)
    }

    /// `given` in the shape of the option's default: a number, a flag, a text or a list of texts.
    private static func conform(_ given: OptionValue, to declared: OptionValue,
                                fail: (String) -> SOTLintError) throws(SOTLintError) -> OptionValue {
        switch (declared, given) {
        case (.int, .int), (.bool, .bool), (.string, .string), (.strings, .strings):
            return given
        case (.strings, .string(let text)):
            return .strings([text])
        case (.string, .int(let number)):
            return .string(String(number))
        case (.int, _): throw fail("a whole number")
        case (.bool, _): throw fail("true or false")
        case (.string, _): throw fail("a text value")
        case (.strings, _): throw fail("a list of text values")
        }
    }

    private func optionValue(_ node: ConfigNode, path: String) throws(SOTLintError) -> OptionValue {
        switch node {
        case .scalar(let text):
            if let number = Int(text) { return .int(number) }
            if text == "true" || text == "false" { return .bool(text == "true") }
            return .string(text)
        case .sequence(let items):
            var values: [String] = []
            for item in items {
                guard case .scalar(let text) = item else { throw fail("`\(path)` must be a list of text values") }
                values.append(text)
            }
            return .strings(values)
        default:
            throw fail("`\(path)` must be a number, a text value or a list")
        }
    }
}
