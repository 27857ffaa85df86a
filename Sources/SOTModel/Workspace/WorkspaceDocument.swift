import SOTSource
import SOTSyntax

/// How much of each document the workspace model keeps.
public enum ModelDetail: Sendable {
    /// What the rules need: IDs, titles, statuses, blockers, invariants, references. Keeps a
    /// 10,000-document lint small.
    case index
    /// Everything: front matter entries and every field with its items' text as well.
    case full
}

/// What the workspace keeps of one SOT document.
public struct WorkspaceDocument: Sendable, Codable {
    public let path: String
    /// Front-matter entries with their ranges (full detail only; empty otherwise).
    public let frontMatter: [FrontMatterEntry]
    public let issues: [IssueEntry]
    /// Every issue-ID mention of the document, in order, with the field it sits in.
    public let references: [IssueReference]
    /// The model file (`imports:` in the profile) this document comes from, nil for a document of the
    /// workspace itself: its issues are known, not linted.
    public var importedFrom: String? = nil

    public init(path: String, frontMatter: [FrontMatterEntry], issues: [IssueEntry], references: [IssueReference]) {
        self.path = path
        self.frontMatter = frontMatter
        self.issues = issues
        self.references = references
    }

    /// Summarises a parsed document. `phrases` are the profile's invariant phrases per kind.
    package init(_ document: SOTDocument, profile: Profile, phrases: [DeclaredInvariant.Kind: InvariantPhrases],
                 detail: ModelDetail = .index) {
        path = document.path
        references = document.references
        frontMatter = detail == .full ? document.frontMatter.entries : []
        let canonical: ((String) -> String)? = profile.ids.isIdentity ? nil : { [profile] in profile.canonicalID($0) }
        issues = document.sections.map { section in
            let category = section.status.flatMap { profile.category(ofStatus: $0.normalized) }
            var invariants: [DeclaredInvariant] = []
            for field in section.fields("Acceptance") {
                for item in field.items {
                    for kind in DeclaredInvariant.Kind.allCases {
                        guard let kindPhrases = phrases[kind] else { continue }
                        for target in kindPhrases.declaredTargets(in: item, excluding: section.id, canonical: canonical) {
                            invariants.append(DeclaredInvariant(kind: kind, target: target, range: item.range))
                        }
                    }
                }
            }
            return IssueEntry(id: section.id, title: section.title, path: document.path, idRange: section.idRange,
                              headingRange: section.headingRange, status: section.status, category: category,
                              blockers: section.blockers, invariants: invariants,
                              fields: detail == .full ? section.fields.map(FieldEntry.init) : [])
        }
    }
}
