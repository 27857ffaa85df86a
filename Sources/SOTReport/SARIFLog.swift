import SOTSource

/// The part of the SARIF 2.1.0 object model sot-lint writes, in the member order of the specification's
/// examples.
struct SARIFLog: Encodable {
    struct Text: Encodable {
        let text: String
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind: String
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [Rule]
    }

    struct Rule: Encodable {
        struct Configuration: Encodable {
            let level: String
        }

        struct Properties: Encodable {
            let category: String
        }

        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
        let properties: Properties
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let fixes: [Fix]?

        private enum CodingKeys: String, CodingKey {
            case ruleId, ruleIndex, level, message, locations, fixes
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ruleId, forKey: .ruleId)
            try container.encode(ruleIndex, forKey: .ruleIndex)
            try container.encode(level, forKey: .level)
            try container.encode(message, forKey: .message)
            try container.encode(locations, forKey: .locations)
            try container.encodeIfPresent(fixes, forKey: .fixes)
        }
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    /// SARIF columns are 1-based and the end column exclusive, like sot-lint's; an empty range at the
    /// start of a line keeps end column 1 where SARIF requires a positive value.
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int

        init(_ range: SourceRange, emptyEndIsOne: Bool) {
            startLine = range.start.line
            startColumn = range.start.column
            endLine = range.end.line
            endColumn = emptyEndIsOne ? max(range.end.column, 1) : range.end.column
        }
    }

    struct Fix: Encodable {
        let description: Text
        let artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Text
    }

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    let runs: [Run]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("https://json.schemastore.org/sarif-2.1.0.json", forKey: .schema)
        try container.encode("2.1.0", forKey: .version)
        try container.encode(runs, forKey: .runs)
    }
}
