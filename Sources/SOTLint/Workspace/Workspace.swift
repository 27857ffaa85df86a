/// Where an issue is defined.
public struct IssueLocation: Sendable {
    public let document: SOTDocument
    public let section: IssueSection
}

/// Every SOT document of one project, indexed by issue ID. Built once per run.
public struct Workspace: Sendable {
    public let documents: [SOTDocument]
    private let profiles: [String: Profile]
    private let fallbackProfile: Profile
    /// Issue ID -> every place it is defined, in path and line order.
    public let definitions: [String: [IssueLocation]]

    /// `profiles` maps a document path to its profile; documents that are not SOT are left out.
    public init(documents: [SOTDocument], profiles: [String: Profile], fallback: Profile) {
        let sot = documents.filter(\.isSOT).sorted { $0.path < $1.path }
        self.documents = sot
        self.profiles = profiles
        self.fallbackProfile = fallback
        var definitions: [String: [IssueLocation]] = [:]
        for document in sot {
            for section in document.sections {
                definitions[section.id, default: []].append(IssueLocation(document: document, section: section))
            }
        }
        self.definitions = definitions
    }

    public func profile(for document: SOTDocument) -> Profile {
        profiles[document.path] ?? fallbackProfile
    }

    /// The first definition of `id`.
    public func issue(_ id: String) -> IssueLocation? {
        definitions[id]?.first
    }

    /// Every ID defined in the workspace, sorted.
    public var issueIDs: [String] { definitions.keys.sorted() }

    /// Status category of an issue, by its own document's vocabulary.
    public func category(of location: IssueLocation) -> StatusCategory? {
        guard let status = location.section.status else { return nil }
        return profile(for: location.document).category(ofStatus: status.normalized)
    }
}
