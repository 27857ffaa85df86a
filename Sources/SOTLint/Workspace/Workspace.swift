/// Every SOT document of one project, as an index of issues. Built once per run from summaries, so that
/// documents' text is not kept while the workspace rules run.
public struct Workspace: Sendable {
    public let documents: [WorkspaceDocument]
    /// Issue ID -> every place it is defined, in path and line order.
    public let definitions: [String: [IssueEntry]]
    /// Every ID defined in the workspace, sorted.
    public let issueIDs: [String]

    public init(documents: [WorkspaceDocument]) {
        let sorted = documents.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.documents = sorted
        var definitions: [String: [IssueEntry]] = [:]
        for document in sorted {
            for issue in document.issues { definitions[issue.id, default: []].append(issue) }
        }
        self.definitions = definitions
        issueIDs = definitions.keys.sorted()
    }

    /// The first definition of `id`.
    public func issue(_ id: String) -> IssueEntry? {
        definitions[id]?.first
    }

}
