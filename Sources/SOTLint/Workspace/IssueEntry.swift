/// An acceptance item of an unresolved issue that declares something about another issue,
/// like "Keeps `CTO-WORK-020` blocked until …".
public struct DeclaredInvariant: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// "Keeps `X` blocked until …": X must be blocked while the declaring issue is unresolved.
        case keepsBlocked
        /// "… does not change `X` status": one change may not move both statuses.
        case statusUnchanged

        /// The rule whose `phrases` option defines the declaration.
        var ruleID: String {
            switch self {
            case .keepsBlocked: return "invariant-keeps-blocked"
            case .statusUnchanged: return "invariant-status-unchanged"
            }
        }
    }

    public let kind: Kind
    /// The issue the declaration is about.
    public let target: String
    /// The acceptance item that declares it.
    public let range: SourceRange
}

/// What the workspace keeps of one issue: enough for the graph rules, without the document's text.
public struct IssueEntry: Sendable {
    public let id: String
    public let title: String
    public let path: String
    public let idRange: SourceRange
    public let status: StatusLine?
    public let category: StatusCategory?
    /// The first ID of each `Blocked by` item and every ID of an inline `Blocked by:` value.
    public let blockers: [IssueReference]
    public let invariants: [DeclaredInvariant]
}

/// What the workspace keeps of one SOT document.
public struct WorkspaceDocument: Sendable {
    public let path: String
    public let issues: [IssueEntry]
    /// Every issue-ID mention of the document, in order.
    public let references: [IssueReference]

    /// Summarises a parsed document. `phrases` are the profile's invariant phrases per kind.
    init(_ document: SOTDocument, profile: Profile, phrases: [DeclaredInvariant.Kind: InvariantPhrases]) {
        path = document.path
        references = document.references
        issues = document.sections.map { section in
            let category = section.status.flatMap { profile.category(ofStatus: $0.normalized) }
            var invariants: [DeclaredInvariant] = []
            for field in section.fields("Acceptance") {
                for item in field.items {
                    for kind in DeclaredInvariant.Kind.allCases {
                        guard let kindPhrases = phrases[kind] else { continue }
                        for target in kindPhrases.declaredTargets(in: item, excluding: section.id) {
                            invariants.append(DeclaredInvariant(kind: kind, target: target, range: item.range))
                        }
                    }
                }
            }
            return IssueEntry(id: section.id, title: section.title, path: document.path, idRange: section.idRange, status: section.status,
                              category: category, blockers: section.blockers, invariants: invariants)
        }
    }
}
