import SOTSource
import SOTRules

/// The part of the SARIF 2.1.0 object model sot-lint writes, in the member order of the specification's
/// examples.
package struct SARIFLog: Encodable {
    package struct Text: Encodable {
        package let text: String
    }

    package struct Run: Encodable {
        package let tool: Tool
        package let columnKind: String
        package let results: Results
    }

    /// The results of a run, each made from its finding as it is encoded (the text of an array of them):
    /// the log never holds a result for every finding.
    package struct Results: Encodable {
        package let diagnostics: [Diagnostic]
        /// The result of the finding at a position of `diagnostics`.
        package let result: (Int, Diagnostic) -> Result
        /// Results after the findings' (the baseline's fixed entries).
        package var trailing: [Result] = []

        package init(diagnostics: [Diagnostic], result: @escaping (Int, Diagnostic) -> Result) {
            self.diagnostics = diagnostics
            self.result = result
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for (position, diagnostic) in diagnostics.enumerated() {
                try container.encode(result(position, diagnostic))
            }
            for result in trailing { try container.encode(result) }
        }
    }

    package struct Tool: Encodable {
        package let driver: Driver
    }

    package struct Driver: Encodable {
        package let name: String
        package let version: String
        package let informationUri: String
        package let rules: [Rule]
    }

    package struct Rule: Encodable {
        package struct Configuration: Encodable {
            package let level: String
        }

        package struct Properties: Encodable {
            package let category: String
        }

        package let id: String
        package let name: String
        package let shortDescription: Text
        package let fullDescription: Text
        package let help: Text
        package let defaultConfiguration: Configuration
        package let properties: Properties
    }

    package struct Result: Encodable {
        package let ruleId: String
        package let ruleIndex: Int
        package let level: String
        package let message: Text
        package let locations: [Location]
        package let fixes: [Fix]?
        /// `sotLintFinding/v1`: `FindingFingerprint`, stable when lines move.
        package var partialFingerprints: [String: String] = [:]
        /// The other places the finding involves (a cycle's other members).
        package var relatedLocations: [RelatedLocation] = []
        /// `pass` for a baseline entry fixed since (otherwise SARIF's default, `fail`).
        package var kind: String?
        /// Against the project's baseline: `new`, `unchanged`, or `absent` (fixed since).
        package var baselineState: String?
        /// A finding the baseline records is suppressed externally, by the baseline file.
        package var suppressions: [Suppression] = []

        package init(ruleId: String, ruleIndex: Int, level: String, message: Text, locations: [Location], fixes: [Fix]?) {
            self.ruleId = ruleId
            self.ruleIndex = ruleIndex
            self.level = level
            self.message = message
            self.locations = locations
            self.fixes = fixes
        }

        private enum CodingKeys: String, CodingKey {
            case ruleId, ruleIndex, kind, level, message, locations, relatedLocations, partialFingerprints, baselineState, suppressions, fixes
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ruleId, forKey: .ruleId)
            try container.encode(ruleIndex, forKey: .ruleIndex)
            try container.encodeIfPresent(kind, forKey: .kind)
            try container.encode(level, forKey: .level)
            try container.encode(message, forKey: .message)
            try container.encode(locations, forKey: .locations)
            if !relatedLocations.isEmpty { try container.encode(relatedLocations, forKey: .relatedLocations) }
            if !partialFingerprints.isEmpty { try container.encode(partialFingerprints, forKey: .partialFingerprints) }
            try container.encodeIfPresent(baselineState, forKey: .baselineState)
            if !suppressions.isEmpty { try container.encode(suppressions, forKey: .suppressions) }
            try container.encodeIfPresent(fixes, forKey: .fixes)
        }
    }

    package struct Suppression: Encodable {
        package let kind: String
        package let justification: String
    }

    package struct Location: Encodable {
        package let physicalLocation: PhysicalLocation
    }

    /// A related location: numbered within its result, with a message saying what it is.
    package struct RelatedLocation: Encodable {
        package let id: Int
        package let physicalLocation: PhysicalLocation
        package let message: Text
    }

    package struct PhysicalLocation: Encodable {
        package let artifactLocation: ArtifactLocation
        /// None for a whole file (a baseline entry fixed since: it has no place any more).
        package var region: Region?
    }

    package struct ArtifactLocation: Encodable {
        package let uri: String
    }

    /// SARIF columns are 1-based and the end column exclusive, like sot-lint's; an empty range at the
    /// start of a line keeps end column 1 where SARIF requires a positive value.
    package struct Region: Encodable {
        package let startLine: Int
        package let startColumn: Int
        package let endLine: Int
        package let endColumn: Int

        package init(_ range: SourceRange, emptyEndIsOne: Bool) {
            startLine = range.start.line
            startColumn = range.start.column
            endLine = range.end.line
            endColumn = emptyEndIsOne ? max(range.end.column, 1) : range.end.column
        }
    }

    package struct Fix: Encodable {
        package let description: Text
        package let artifactChanges: [ArtifactChange]
    }

    package struct ArtifactChange: Encodable {
        package let artifactLocation: ArtifactLocation
        package let replacements: [Replacement]
    }

    package struct Replacement: Encodable {
        package let deletedRegion: Region
        package let insertedContent: Text
    }

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    package let runs: [Run]

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("https://json.schemastore.org/sarif-2.1.0.json", forKey: .schema)
        try container.encode("2.1.0", forKey: .version)
        try container.encode(runs, forKey: .runs)
    }
}
