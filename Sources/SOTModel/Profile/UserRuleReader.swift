import SOTSource

/// Reads the rule files of `rule_files` into `UserRuleDefinition`s: every key checked against
/// `ConfigShape.userRule` (unknown ones stop the run with "did you mean"), every pattern compiled, every
/// mistake one line naming the file.
package struct UserRuleReader {
    /// The rule file as the configuration names it, for messages.
    package let file: String

    private func fail(_ reason: String) -> SOTLintError {
        .invalidConfiguration(path: file, reason: reason)
    }

    /// The kinds of rule, each with the keys it needs and the ones it may have besides `ConfigShape.common`.
    private static let kinds: [(name: String, needs: [String], may: [String])] = [
        ("require", ["require"], ["matches"]),
        ("forbid", ["fields", "forbid"], ["fix"]),
        ("pattern", ["fields", "pattern"], []),
        ("count", ["field"], ["min", "max", "items"]),
        ("relation", ["link", "target"], []),
        ("transition", [], ["forbid", "allow", "unmoved"]),
    ]

    private static let conditionKeys = ["status", "category", "id", "has_field", "field_matches", "front_matter", "not", "any"]

    package func read(_ text: String) throws(SOTLintError) -> UserRuleDefinition {
        let node: ConfigNode
        do {
            node = try ConfigNode.parse(text)
        } catch {
            throw fail(error.message)
        }
        guard case .mapping = node else { throw fail("a rule file must be a mapping of keys to values (id, summary, kind, …)") }
        if let problem = ConfigShape.userRule.problem(in: node) { throw fail(problem) }
        let id = try scalar("id", in: node)
        guard id.first?.isLetter == true, id.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }) else {
            throw fail("`id: \(id)` must be lower-case letters, digits and hyphens, starting with a letter (like `team-blocked-needs-unblock`)")
        }
        let kindName = try scalar("kind", in: node)
        guard let kind = Self.kinds.first(where: { $0.name == kindName }) else {
            throw fail("`kind: \(kindName)` is not a kind of rule" + Suggestion.didYouMean(kindName, among: Self.kinds.map(\.name))
                       + " (kinds: " + Self.kinds.map(\.name).joined(separator: ", ") + ")")
        }
        let specific = Set(Self.kinds.flatMap { $0.needs + $0.may })
        if case .mapping(let pairs) = node {
            for (key, _) in pairs where specific.contains(key) && !(kind.needs + kind.may).contains(key) {
                throw fail("`\(key)` does not belong to a `\(kind.name)` rule (it takes "
                           + (kind.needs + kind.may).map { "`\($0)`" }.joined(separator: ", ") + ")")
            }
        }
        for key in kind.needs where node[key] == nil || node[key] == .null {
            throw fail("a `\(kind.name)` rule needs `\(key)`")
        }
        let severityText = node["severity"] == nil ? "warning" : try scalar("severity", in: node)
        guard let severity = Severity(rawValue: severityText.lowercased()) else {
            throw fail("`severity: \(severityText)` must be one of " + Severity.allCases.map(\.rawValue).joined(separator: ", ")
                       + Suggestion.didYouMean(severityText, among: Severity.allCases.map(\.rawValue)))
        }
        let when = try node["when"].map { node throws(SOTLintError) in try condition(node, path: "when") } ?? .all([])
        let check: UserRuleDefinition.Check
        switch kind.name {
        case "require":
            guard case .mapping(let pairs)? = node["require"], pairs.count == 1, let (key, value) = pairs.first,
                  case .scalar(let name) = value, ["field", "front_matter"].contains(key) else {
                throw fail("`require` must be `{field: LABEL}` or `{front_matter: KEY}`")
            }
            check = .require(key == "field" ? .field(name) : .frontMatter(name), matches: try optionalRegex("matches", in: node))
        case "forbid":
            check = .forbid(fields: try texts("fields", in: node), pattern: try regex("forbid", in: node),
                            fix: node["fix"] == nil ? nil : try scalar("fix", in: node))
        case "pattern":
            check = .pattern(fields: try texts("fields", in: node), pattern: try regex("pattern", in: node))
        case "count":
            let min = try number("min", in: node)
            let max = try number("max", in: node)
            guard min != nil || max != nil else { throw fail("a `count` rule needs `min`, `max` or both") }
            if let min, let max, min > max { throw fail("`min: \(min)` is more than `max: \(max)`") }
            let itemsName = node["items"] == nil ? "all" : try scalar("items", in: node)
            guard let items = UserRuleDefinition.ItemKind(rawValue: itemsName) else {
                let names = UserRuleDefinition.ItemKind.allCases.map(\.rawValue)
                throw fail("`items: \(itemsName)` must be one of " + names.joined(separator: ", ") + Suggestion.didYouMean(itemsName, among: names))
            }
            check = .count(field: try scalar("field", in: node), items: items, min: min, max: max)
        case "relation":
            let link = try link("link", in: node)
            let target = try condition(node["target"] ?? .null, path: "target")
            // A relation sees the workspace's issues: their IDs and statuses, not their text.
            for (conditionNode, path) in [(when, "when"), (target, "target")] {
                if let key = conditionNode.documentKeys.first {
                    throw fail("`\(path)` of a `relation` rule cannot use `\(key)`: a relation sees issues' IDs and statuses, not their text")
                }
            }
            check = .relation(link: link, target: target)
        default:
            guard node["forbid"] != nil || node["allow"] != nil || node["unmoved"] != nil else {
                throw fail("a `transition` rule needs `forbid`, `allow` or `unmoved`")
            }
            if let key = when.documentKeys.first {
                throw fail("`when` of a `transition` rule cannot use `\(key)`: a change is judged on IDs and statuses")
            }
            check = .transition(forbid: try moves("forbid", in: node), allow: try moves("allow", in: node),
                                unmoved: node["unmoved"] == nil ? nil : try link("unmoved", in: node))
        }
        return UserRuleDefinition(
            id: id, file: file, summary: try scalar("summary", in: node),
            rationale: node["rationale"] == nil ? "" : try scalar("rationale", in: node),
            severity: severity, when: when, message: node["message"] == nil ? nil : try scalar("message", in: node),
            check: check, examples: try examples(node["examples"]))
    }

    // MARK: - Parts

    private func scalar(_ key: String, in node: ConfigNode) throws(SOTLintError) -> String {
        guard let value = node[key] else { throw fail("a rule needs `\(key)`") }
        guard case .scalar(let text) = value, !text.trimmingSpaces.isEmpty else { throw fail("`\(key)` must be a text value") }
        return text
    }

    private func link(_ key: String, in node: ConfigNode) throws(SOTLintError) -> UserRuleDefinition.Link {
        let name = try scalar(key, in: node)
        guard let link = UserRuleDefinition.Link(rawValue: name) else {
            let names = UserRuleDefinition.Link.allCases.map(\.rawValue)
            throw fail("`\(key): \(name)` is not a link" + Suggestion.didYouMean(name, among: names) + " (links: " + names.joined(separator: ", ") + ")")
        }
        return link
    }

    private func number(_ key: String, in node: ConfigNode) throws(SOTLintError) -> Int? {
        guard let value = node[key], value != .null else { return nil }
        guard case .scalar(let text) = value, let number = Int(text), number >= 0 else { throw fail("`\(key)` must be a whole number, 0 or more") }
        return number
    }

    /// A text or a list of texts.
    private func texts(_ key: String, in node: ConfigNode, path: String? = nil) throws(SOTLintError) -> [String] {
        let name = path ?? key
        switch node[key] {
        case .scalar(let text)?:
            return [text]
        case .sequence(let items)?:
            var values: [String] = []
            for item in items {
                guard case .scalar(let text) = item else { throw fail("`\(name)` must be a list of text values") }
                values.append(text)
            }
            guard !values.isEmpty else { throw fail("`\(name)` must not be empty") }
            return values
        default:
            throw fail("`\(name)` must be a text value or a list of them")
        }
    }

    private func regex(_ key: String, in node: ConfigNode, path: String? = nil) throws(SOTLintError) -> POSIXRegex {
        let text = try scalar(key, in: node)
        do {
            return try POSIXRegex(text)
        } catch {
            throw fail("`\(path ?? key)` is not a valid regular expression (POSIX extended): \(error.message)")
        }
    }

    private func optionalRegex(_ key: String, in node: ConfigNode) throws(SOTLintError) -> POSIXRegex? {
        node[key] == nil ? nil : try regex(key, in: node)
    }

    private func condition(_ node: ConfigNode, path: String) throws(SOTLintError) -> IssueCondition {
        guard case .mapping(let pairs) = node else { throw fail("`\(path)` must be a mapping (status, category, id, has_field, …)") }
        var parts: [IssueCondition] = []
        for (key, value) in pairs {
            let inner = "\(path).\(key)"
            switch key {
            case "status":
                parts.append(.status(try texts(key, in: node, path: inner).map(Profile.normalizedStatus)))
            case "category":
                var categories: [StatusCategory] = []
                for name in try texts(key, in: node, path: inner) {
                    guard let category = StatusCategory(rawValue: name) else {
                        let names = StatusCategory.allCases.map(\.rawValue)
                        throw fail("`\(inner)` names `\(name)`, which is not a category" + Suggestion.didYouMean(name, among: names)
                                   + " (categories: " + names.joined(separator: ", ") + ")")
                    }
                    categories.append(category)
                }
                parts.append(.category(categories))
            case "id":
                parts.append(.id(try regex(key, in: node, path: inner)))
            case "has_field":
                parts.append(.hasField(try texts(key, in: node, path: inner)))
            case "field_matches":
                guard case .mapping(let fields) = value, !fields.isEmpty else { throw fail("`\(inner)` must map field labels to patterns") }
                for (label, _) in fields {
                    parts.append(.fieldMatches(label, try regex(label, in: value, path: "\(inner).\(label)")))
                }
            case "front_matter":
                guard case .mapping(let keys) = value, !keys.isEmpty else { throw fail("`\(inner)` must map front-matter keys to values") }
                for (name, _) in keys {
                    parts.append(.frontMatter(name, try texts(name, in: value, path: "\(inner).\(name)")))
                }
            case "not":
                parts.append(.not(try condition(value, path: inner)))
            case "any":
                guard case .sequence(let items) = value, !items.isEmpty else { throw fail("`\(inner)` must be a list of conditions") }
                var choices: [IssueCondition] = []
                for (index, item) in items.enumerated() { choices.append(try condition(item, path: "\(inner)[\(index + 1)]")) }
                parts.append(.any(choices))
            default:
                throw fail("unknown key `\(inner)`" + Suggestion.didYouMean(key, among: Self.conditionKeys))
            }
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func moves(_ key: String, in node: ConfigNode) throws(SOTLintError) -> [UserRuleDefinition.Move] {
        guard let value = node[key] else { return [] }
        guard case .sequence(let items) = value, !items.isEmpty else { throw fail("`\(key)` must be a list of `{from: …, to: …}` moves") }
        var moves: [UserRuleDefinition.Move] = []
        for (index, item) in items.enumerated() {
            let path = "\(key)[\(index + 1)]"
            if let problem = ConfigShape.move.problem(in: item, path: path) { throw fail(problem) }
            guard item["from"] != nil, item["to"] != nil else { throw fail("`\(path)` needs `from` and `to`") }
            moves.append(.init(from: try texts("from", in: item, path: "\(path).from").map(Self.statusOrAny),
                               to: try texts("to", in: item, path: "\(path).to").map(Self.statusOrAny)))
        }
        return moves
    }

    private static func statusOrAny(_ text: String) -> String {
        text == "*" ? text : Profile.normalizedStatus(text)
    }

    private func examples(_ node: ConfigNode?) throws(SOTLintError) -> [UserRuleDefinition.Example] {
        guard let node, node != .null else { throw fail("a rule needs `examples` with at least one `valid` and one `invalid` example") }
        var examples: [UserRuleDefinition.Example] = []
        for (key, triggers) in [("valid", false), ("invalid", true)] {
            guard case .sequence(let items)? = node[key], !items.isEmpty else {
                throw fail("`examples.\(key)` must list at least one example: a team's rule is tested like a built-in one")
            }
            for (index, item) in items.enumerated() {
                let path = "examples.\(key)[\(index + 1)]"
                guard (item["text"] == nil) != (item["files"] == nil) else { throw fail("`\(path)` needs `text` or `files` (one of them)") }
                let files = item["text"] == nil ? try namedTexts(item["files"], path: "\(path).files")
                    : [(name: "doc.md", text: try scalar("text", in: item))]
                let base = item["base"] == nil ? nil : try namedTexts(item["base"], path: "\(path).base")
                let today = item["today"] == nil ? nil : try scalar("today", in: item)
                if let today, CalendarDate(today) == nil { throw fail("`\(path).today` must be a date, YYYY-MM-DD") }
                let summary = item["summary"] == nil ? "\(key) example \(index + 1)" : try scalar("summary", in: item)
                examples.append(.init(summary: summary, files: files, base: base, triggers: triggers, today: today))
            }
        }
        return examples
    }

    private func namedTexts(_ node: ConfigNode?, path: String) throws(SOTLintError) -> [(name: String, text: String)] {
        guard case .mapping(let pairs)? = node, !pairs.isEmpty else { throw fail("`\(path)` must map file names to their text") }
        var files: [(name: String, text: String)] = []
        for (name, value) in pairs {
            guard case .scalar(let text) = value else { throw fail("`\(path).\(name)` must be the file's text") }
            files.append((name, text))
        }
        return files
    }
}

extension UserRuleDefinition {
    /// The statuses the rule names that `profile` does not know, as a message ("… did you mean"), or nil.
    package func unknownStatus(in profile: Profile) -> String? {
        var names: [String] = []
        var conditions = when.leaves
        switch check {
        case .relation(_, let target): conditions += target.leaves
        case .transition(let forbid, let allow, _): names += (forbid + allow).flatMap { $0.from + $0.to }
        default: break
        }
        for case .status(let statuses) in conditions { names += statuses }
        let known = profile.statuses.map { Profile.normalizedStatus($0.name) }
        guard let unknown = names.first(where: { $0 != "*" && profile.status(named: $0) == nil }) else { return nil }
        return "status `\(unknown)` is not in `statuses`" + Suggestion.didYouMean(unknown, among: known)
    }

    /// The field labels the rule names that `profile` does not know (its `fields` or a layout's), or nil.
    package func unknownField(in profile: Profile) -> String? {
        let known = profile.fields + profile.layouts.flatMap { $0.fields.map(\.label) }
        guard let unknown = fieldLabels.first(where: { profile.canonicalField($0) == nil && !known.contains($0) }) else { return nil }
        return "field `\(unknown)` is not in `fields` nor in a layout" + Suggestion.didYouMean(unknown, among: known)
    }

    /// Every field label the rule names, in its conditions and its check.
    public var fieldLabels: [String] {
        var labels: [String] = []
        for condition in when.leaves {
            switch condition {
            case .hasField(let names): labels += names
            case .fieldMatches(let name, _): labels.append(name)
            default: break
            }
        }
        switch check {
        case .require(.field(let label), _): labels.append(label)
        case .forbid(let fields, _, _), .pattern(let fields, _): labels += fields
        case .count(let field, _, _, _): labels.append(field)
        default: break
        }
        return labels
    }
}
