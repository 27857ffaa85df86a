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
    /// Each defined ID's number (its order of first appearance), and each number's definitions.
    private let number: [String: Int]
    private let places: [[IssueEntry]]
    /// Every ID defined in the workspace, sorted.
    public let issueIDs: [String]
    /// Blocked-by cycles (strongly connected components of more than one issue), each sorted, in
    /// order of their first member.
    public let cycles: [[String]]
    /// The blocked-by graph and its strongly connected components of more than one issue, as Tarjan's
    /// algorithm found them: computed once, for the cycle rule and the reporters.
    package let graph: BlockedByGraph
    package let cycleComponents: [[String]]

    public init(documents: [WorkspaceDocument]) {
        let sorted = documents.sorted { $0.path.precedesInBytes($1.path) }
        self.documents = sorted
        // Each ID is hashed once per definition: it gets a number in order of first appearance, and every
        // later step works on numbers.
        var number: [String: Int] = [:]
        var names: [String] = []
        var places: [[IssueEntry]] = []
        number.reserveCapacity(sorted.reduce(0) { $0 + $1.issues.count })
        for document in sorted {
            for issue in document.issues {
                if let known = number[issue.id] {
                    places[known].append(issue)
                } else {
                    number[issue.id] = names.count
                    names.append(issue.id)
                    places.append([issue])
                }
            }
        }
        // Byte order: IDs are compared as written, and far faster than by Unicode collation.
        let order = names.indicesInByteOrder()
        var rank = [Int](repeating: 0, count: order.count)
        for (position, original) in order.enumerated() { rank[original] = position }
        self.number = number
        self.places = places
        issueIDs = order.map { names[$0] }
        graph = BlockedByGraph(ids: issueIDs, number: number, rank: rank, first: order.map { places[$0][0] })
        cycleComponents = graph.cycleComponents()
        cycles = cycleComponents.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Every place `id` is defined, in path and line order; nil when it is not defined.
    public func definitions(of id: String) -> [IssueEntry]? {
        number[id].map { places[$0] }
    }

    /// The first definition of `id`.
    public func issue(_ id: String) -> IssueEntry? {
        number[id].map { places[$0][0] }
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
