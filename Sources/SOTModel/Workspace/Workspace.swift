import SOTSource
import SOTSyntax

/// Every SOT document of one project, as an index of issues, with its blocked-by graph. Built once per
/// run from summaries, so that documents' text is not kept while the workspace rules run. Encodes as
/// the versioned workspace model (`version`, `documents`, `edges`, `cycles`).
public struct Workspace: Sendable, Codable {
    /// The version of the encoded model; it changes only with a documented migration.
    public static let modelVersion = 1

    /// A blocked-by edge between first definitions: `from` waits for `to`.
    public struct Edge: Sendable, Codable, Hashable {
        public let from: String
        public let to: String
    }

    public let documents: [WorkspaceDocument]
    /// Each defined ID's number (its order of first appearance).
    private let number: IDTable
    /// Where each definition is: `documents[placeDocument[p]].issues[placeIssue[p]]`, places in document
    /// order. `firstPlace[n]` is the first definition of number n, `nextPlace[p]` the next of the same ID
    /// (-1 at the end): no issue is copied to index the workspace.
    private let placeDocument: [Int]
    private let placeIssue: [Int]
    private let firstPlace: [Int]
    private let nextPlace: [Int]
    /// Every ID defined in the workspace, sorted.
    public let issueIDs: [String]
    /// Blocked-by cycles (strongly connected components of more than one issue), each sorted, in
    /// order of their first member.
    public let cycles: [[String]]
    /// The blocked-by graph and its strongly connected components of more than one issue, as Tarjan's
    /// algorithm found them: computed once, for the cycle rule and the reporters.
    package let graph: BlockedByGraph
    package let cycleComponents: [[String]]
    /// Makes the "did you mean" of the whole workspace when `documents` are only part of it (a save
    /// answered from the cache's focus digest holds the saved document and the issues related to it).
    private let makeSuggester: (@Sendable () -> any IDSuggester)?
    /// The "did you mean" index of `issueIDs`, once a rule built it; kept by `replacing`.
    package let suggesterCache: MadeOnce<any IDSuggester>
    /// Makes the prefixes of every ID of the whole workspace when `documents` are only part of it.
    private let makePrefixes: (@Sendable () -> IDPrefixes)?
    /// The prefixes of the whole workspace's IDs, once a rule asked; kept by `replacing` (same IDs).
    private let prefixCache: MadeOnce<IDPrefixes>

    /// "Did you mean" among every ID of the whole workspace, when `documents` are only part of it; nil
    /// when `issueIDs` are all of them.
    package var wholeWorkspaceSuggester: (any IDSuggester)? {
        makeSuggester?()
    }

    /// The prefixes of every ID the whole workspace defines (imported models' included): a prose mention
    /// with another prefix is a word, not a reference (`ids.prose`). Made on first use, in O(IDs).
    public var knownPrefixes: IDPrefixes {
        prefixCache.value { makePrefixes?() ?? IDPrefixes(ids: issueIDs) }
    }

    /// The workspace of `documents`; `suggester` makes the whole workspace's "did you mean", and `prefixes`
    /// its IDs' prefixes, when the documents are only the part of it that some documents' findings depend on.
    public init(documents: [WorkspaceDocument], suggester: (@Sendable () -> any IDSuggester)? = nil,
                prefixes: (@Sendable () -> IDPrefixes)? = nil) {
        makeSuggester = suggester
        suggesterCache = MadeOnce()
        makePrefixes = prefixes
        prefixCache = MadeOnce()
        let sorted = Self.inPathOrder(documents)
        self.documents = sorted
        // Each ID is hashed once per definition: it gets a number in order of first appearance, and every
        // later step works on numbers.
        let total = sorted.reduce(0) { $0 + $1.issues.count }
        var number = IDTable(capacity: total)
        var placeDocument: [Int] = []
        var placeIssue: [Int] = []
        var nextPlace: [Int] = []
        var firstPlace: [Int] = []
        var lastPlace: [Int] = []
        placeDocument.reserveCapacity(total)
        placeIssue.reserveCapacity(total)
        nextPlace.reserveCapacity(total)
        firstPlace.reserveCapacity(total)
        lastPlace.reserveCapacity(total)
        for documentIndex in sorted.indices {
            let issues = sorted[documentIndex].issues
            for issueIndex in issues.indices {
                let id = issues[issueIndex].id
                let place = placeDocument.count
                placeDocument.append(documentIndex)
                placeIssue.append(issueIndex)
                nextPlace.append(-1)
                let (known, isNew) = number.insert(id)
                if isNew {
                    firstPlace.append(place)
                    lastPlace.append(place)
                } else {
                    nextPlace[lastPlace[known]] = place
                    lastPlace[known] = place
                }
            }
        }
        // Byte order: IDs are compared as written, and far faster than by Unicode collation.
        let names = number.names
        let order = names.indicesInByteOrder()
        var rank = [Int](repeating: 0, count: order.count)
        for (position, original) in order.enumerated() { rank[original] = position }
        self.number = number
        self.placeDocument = placeDocument
        self.placeIssue = placeIssue
        self.firstPlace = firstPlace
        self.nextPlace = nextPlace
        issueIDs = order.map { names[$0] }
        graph = BlockedByGraph(ids: issueIDs, number: number, rank: rank) { position in
            let place = firstPlace[order[position]]
            return sorted[placeDocument[place]].issues[placeIssue[place]].blockers
        }
        cycleComponents = graph.cycleComponents()
        cycles = cycleComponents.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// This workspace with some documents replaced by new versions of themselves (an editor's buffers), when
    /// that can be done without building it again: each replaced document is here under the same path and
    /// defines the same IDs in the same order. Then the ID index is kept, and the blocked-by graph too unless
    /// some blockers changed. Nil otherwise (build the workspace anew). O(documents + replaced issues), and
    /// O(issues) more when the graph is built again; the result equals `Workspace(documents:)` of the same
    /// documents.
    public func replacing(_ replacements: [WorkspaceDocument]) -> Workspace? {
        guard makeSuggester == nil else { return nil }
        var documents = self.documents
        var blockersChanged = false
        for replacement in replacements {
            // Binary search by path: the documents are in path order.
            var low = 0
            var high = documents.count
            while low < high {
                let middle = (low + high) / 2
                if documents[middle].path.precedesInBytes(replacement.path) { low = middle + 1 } else { high = middle }
            }
            guard low < documents.count, documents[low].path == replacement.path else { return nil }
            let old = documents[low].issues
            let new = replacement.issues
            guard old.count == new.count else { return nil }
            for index in old.indices {
                guard old[index].id == new[index].id else { return nil }
                if !blockersChanged, !old[index].blockers.map(\.id).elementsEqual(new[index].blockers.map(\.id)) { blockersChanged = true }
            }
            documents[low] = replacement
        }
        return Workspace(self, documents: documents, rebuildingGraph: blockersChanged)
    }

    /// `base` with its documents replaced by `documents`, which define the same IDs in the same places.
    private init(_ base: Workspace, documents: [WorkspaceDocument], rebuildingGraph: Bool) {
        self.documents = documents
        number = base.number
        placeDocument = base.placeDocument
        placeIssue = base.placeIssue
        firstPlace = base.firstPlace
        nextPlace = base.nextPlace
        issueIDs = base.issueIDs
        makeSuggester = nil
        suggesterCache = base.suggesterCache
        makePrefixes = nil
        prefixCache = base.prefixCache
        guard rebuildingGraph else {
            graph = base.graph
            cycleComponents = base.cycleComponents
            cycles = base.cycles
            return
        }
        let (number, rank, firstPlace, placeDocument, placeIssue) = (base.number, base.graph.rank, base.firstPlace, base.placeDocument, base.placeIssue)
        let issueIDs = base.issueIDs
        graph = BlockedByGraph(ids: issueIDs, number: number, rank: rank) { position in
            guard let known = number.number(of: issueIDs[position]) else { return [] }
            let place = firstPlace[known]
            return documents[placeDocument[place]].issues[placeIssue[place]].blockers
        }
        cycleComponents = graph.cycleComponents()
        cycles = cycleComponents.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The documents sorted by path, byte-wise; documents that come sorted (a walk's order) are only checked,
    /// and one document before sorted others (a saved document, then the rest of its workspace) is moved
    /// into place.
    private static func inPathOrder(_ documents: [WorkspaceDocument]) -> [WorkspaceDocument] {
        func sorted(from start: Int) -> Bool {
            var index = start + 1
            while index < documents.count, documents[index - 1].path.precedesInBytes(documents[index].path) { index += 1 }
            return index >= documents.count
        }
        if sorted(from: 0) { return documents }
        guard sorted(from: 1) else { return documents.sorted { $0.path.precedesInBytes($1.path) } }
        // Binary search for the first's place among the rest.
        let first = documents[0].path
        var low = 1
        var high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle].path.precedesInBytes(first) { low = middle + 1 } else { high = middle }
        }
        var result: [WorkspaceDocument] = []
        result.reserveCapacity(documents.count)
        result += documents[1..<low]
        result.append(documents[0])
        result += documents[low...]
        return result
    }

    /// True when some document defines `id`.
    public func defines(_ id: String) -> Bool {
        number.number(of: id) != nil
    }

    /// True when `id` is defined in more than one place.
    public func definesMoreThanOnce(_ id: String) -> Bool {
        guard let known = number.number(of: id) else { return false }
        return nextPlace[firstPlace[known]] >= 0
    }

    /// Every place `id` is defined, in path and line order; nil when it is not defined.
    public func definitions(of id: String) -> [IssueEntry]? {
        guard let known = number.number(of: id) else { return nil }
        var found: [IssueEntry] = []
        var place = firstPlace[known]
        while place >= 0 {
            found.append(documents[placeDocument[place]].issues[placeIssue[place]])
            place = nextPlace[place]
        }
        return found
    }

    /// The first definition of `id`.
    public func issue(_ id: String) -> IssueEntry? {
        guard let known = number.number(of: id) else { return nil }
        let place = firstPlace[known]
        return documents[placeDocument[place]].issues[placeIssue[place]]
    }

    /// The category and normalised status of the first definition of `id` (nil when none), read in place:
    /// no copy of the whole entry for the ready queue's many blocker lookups.
    package func definitionStatus(_ id: String) -> (StatusCategory?, String?)? {
        guard let known = number.number(of: id) else { return nil }
        let place = firstPlace[known]
        let (document, index) = (placeDocument[place], placeIssue[place])
        return (documents[document].issues[index].category, documents[document].issues[index].status?.normalized)
    }

    /// Blocked-by edges between defined issues, once each, in ID order.
    public var edges: [Edge] {
        (0..<graph.count).flatMap { position in
            graph.successors(of: position).map { Edge(from: graph.ids[position], to: graph.ids[$0]) }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case version, documents, edges, cycles
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.modelVersion else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: container,
                                                   debugDescription: "workspace model version \(version) is not \(Self.modelVersion)")
        }
        self.init(documents: try container.decode([WorkspaceDocument].self, forKey: .documents))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.modelVersion, forKey: .version)
        try container.encode(documents, forKey: .documents)
        try container.encode(edges, forKey: .edges)
        try container.encode(cycles, forKey: .cycles)
    }
}
