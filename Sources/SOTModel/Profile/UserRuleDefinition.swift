import SOTSource

/// A team's own rule, read from one file of `rule_files` (docs/user-rules.md): what it checks, when, what it
/// says, and the examples `sot-lint test-rules` runs. The rule itself (`SOTRules.UserRule`) is built from this.
public struct UserRuleDefinition: Sendable {
    public let id: String
    /// The rule file, as the configuration names it relative to the project (for messages and docs).
    public let file: String
    public let summary: String
    public let rationale: String
    public let severity: Severity
    /// The issues the rule looks at; `.all([])` for every issue.
    public let when: IssueCondition
    /// The finding's text, with `{id}`, `{title}`, `{status}`, `{field}`, `{target}`, `{count}`, `{from}`, `{to}`
    /// filled in; nil for the rule kind's own message.
    public let message: String?
    public let check: Check
    public let examples: [Example]

    /// What the rule asks of an issue, a link between issues, or a change.
    public enum Check: Sendable {
        /// The field (or front-matter key) must be there, not empty, and, with `matches`, hold a match.
        case require(Part, matches: POSIXRegex?)
        /// No text of the fields may match; `fix` replaces each match (`$1`…`$9` are its groups).
        case forbid(fields: [String], pattern: POSIXRegex, fix: String?)
        /// Every item of the fields (or their value when they have no items) must match.
        case pattern(fields: [String], pattern: POSIXRegex)
        /// The field's items (those of `items`) number between `min` and `max` (a missing field has none).
        case count(field: String, items: ItemKind, min: Int?, max: Int?)
        /// Every issue the link reaches must meet `target`.
        case relation(link: Link, target: IssueCondition)
        /// No issue may make one of the `forbid` moves in a change (`--base`, `--staged`); with `unmoved`, no
        /// issue the link reaches may move in the same change as the issue (the built-in "does not change X
        /// status"). The `allow` moves widen the profile's `transitions` (`Profile.allow`).
        case transition(forbid: [Move], allow: [Move], unmoved: Link?)
    }

    /// Which items a `count` rule counts: all, or those whose task-list marker is `[x]` or `[ ]`.
    public enum ItemKind: String, Sendable, CaseIterable {
        case all
        case checked
        case unchecked

        public func counts(_ item: FieldItem) -> Bool {
            switch self {
            case .all: true
            case .checked: item.checked == true
            case .unchecked: item.checked == false
            }
        }
    }

    /// A part of an issue a `require` rule asks for.
    public enum Part: Sendable, Equatable {
        case field(String)
        case frontMatter(String)
    }

    /// How a `relation` rule goes from an issue to others.
    public enum Link: String, Sendable, CaseIterable {
        /// The issues it waits for (`Blocked by`, `Depends on`).
        case blockedBy = "blocked_by"
        /// The issues waiting for it.
        case blocks
        /// The issues its acceptance declares it keeps blocked (`Keeps X blocked until …`).
        case keepsBlocked = "keeps_blocked"
        /// The issues whose status its acceptance declares it does not change.
        case statusUnchanged = "status_unchanged"
    }

    /// The moves a `transition` rule allows besides the profile's `transitions`.
    public var allowedMoves: [Move] {
        if case .transition(_, let allow, _) = check { return allow }
        return []
    }

    /// Status moves: from any of `from` to any of `to`; `*` is any status.
    public struct Move: Sendable {
        public let from: [String]
        public let to: [String]

        public func matches(from old: String, to new: String) -> Bool {
            (from.contains("*") || from.contains(old)) && (to.contains("*") || to.contains(new))
        }
    }

    /// One example of the rule file: files (`↓` marks where a finding must start), the files at the base
    /// revision for a transition rule, and whether it must trigger the rule.
    public struct Example: Sendable {
        public let summary: String
        public let files: [(name: String, text: String)]
        public let base: [(name: String, text: String)]?
        public let triggers: Bool
        /// The day the example is checked on (`YYYY-MM-DD`), nil for the harness's default.
        public let today: String?
    }

}

/// When a user rule applies to an issue: every key given must hold (`status`, `category`, `id`,
/// `has_field`, `field_matches`, `front_matter`), with `not` and `any` to combine.
public indirect enum IssueCondition: Sendable {
    case all([IssueCondition])
    case any([IssueCondition])
    case not(IssueCondition)
    /// Its normalised status is one of these.
    case status([String])
    case category([StatusCategory])
    /// Its ID matches (POSIX extended expression, anywhere in the ID).
    case id(POSIXRegex)
    /// It has every one of these fields, not empty.
    case hasField([String])
    /// The field's text (value and items) holds a match.
    case fieldMatches(String, POSIXRegex)
    /// The document's front-matter key has one of these values.
    case frontMatter(String, [String])

    /// What an issue offers a condition.
    public struct Facts {
        public let id: String
        public let status: String?
        public let category: StatusCategory?
        /// The issue's fields by label, nil when they are not known (a relation's target).
        public let fieldText: ((String) -> [String]?)?
        public let frontMatter: ((String) -> String?)?

        public init(id: String, status: String?, category: StatusCategory?, fieldText: ((String) -> [String]?)? = nil,
                    frontMatter: ((String) -> String?)? = nil) {
            self.id = id
            self.status = status
            self.category = category
            self.fieldText = fieldText
            self.frontMatter = frontMatter
        }
    }

    public func holds(for facts: Facts) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.holds(for: facts) }
        case .any(let conditions): return conditions.contains { $0.holds(for: facts) }
        case .not(let condition): return !condition.holds(for: facts)
        case .status(let names): return facts.status.map(names.contains) ?? false
        case .category(let categories): return facts.category.map(categories.contains) ?? false
        case .id(let pattern): return pattern.hasMatch(in: facts.id)
        case .hasField(let labels):
            return labels.allSatisfy { label in facts.fieldText?(label).map { texts in texts.contains { !$0.isEmpty } } ?? false }
        case .fieldMatches(let label, let pattern):
            return facts.fieldText?(label)?.contains { pattern.hasMatch(in: $0) } ?? false
        case .frontMatter(let key, let values):
            return facts.frontMatter?(key).map(values.contains) ?? false
        }
    }

    /// The conditions inside `all`, `any` and `not`, in order.
    public var leaves: [IssueCondition] {
        switch self {
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.leaves)
        case .not(let condition): condition.leaves
        default: [self]
        }
    }

    /// The keys that need a document's text (fields, front matter), for rules that see statuses only.
    public var documentKeys: [String] {
        leaves.compactMap { condition in
            switch condition {
            case .hasField: "has_field"
            case .fieldMatches: "field_matches"
            case .frontMatter: "front_matter"
            default: nil
            }
        }
    }
}
