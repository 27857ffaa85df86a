import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// SARIF 2.1.0 for code-scanning tools: every rule's metadata, every finding with its exact region,
/// encoded from the `SARIFLog` model. Columns are counted in Unicode scalars, which SARIF calls
/// `unicodeCodePoints`. No snippets: a region never carries the text it covers.
public struct SARIFReporter: Reporter {
    public let version: String
    /// Every rule the run knows, in `sot-lint rules` order: SARIF lists them and results point at them.
    public let rules: [RuleMetadata]

    public init(version: String, rules: [RuleMetadata]) {
        self.version = version
        self.rules = rules
    }

    public func render(_ report: LintReport) -> String {
        JSONReporter.render(log(report))
    }

    public func write(_ report: LintReport, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        JSONReporter.write(log(report), to: output)
    }

    /// The report as a SARIF log.
    package func log(_ report: LintReport) -> SARIFLog {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let descriptors = rules.map { rule in
            SARIFLog.Rule(id: rule.id, name: Self.camelCase(rule.id), shortDescription: .init(text: rule.summary),
                          fullDescription: .init(text: rule.rationale),
                          help: .init(text: rule.summary + " Run `sot-lint explain " + rule.id + "` for options and examples."),
                          defaultConfiguration: .init(level: Self.level(rule.defaultSeverity)),
                          properties: .init(category: rule.category.rawValue))
        }
        // With a baseline, the findings it records follow the new ones, suppressed by it.
        let diagnostics = report.diagnostics + report.baselined
        let newCount = report.diagnostics.count
        let compared = report.usedBaseline
        let fingerprints = FindingFingerprint.of(diagnostics)
        var results = SARIFLog.Results(diagnostics: diagnostics) { position, diagnostic in
            let location = SARIFLog.ArtifactLocation(uri: Self.uri(FindingFingerprint.repositoryPath(diagnostic.path)))
            let fixes = diagnostic.fix.map { fix in
                [SARIFLog.Fix(description: .init(text: fix.summary), artifactChanges: [
                    SARIFLog.ArtifactChange(artifactLocation: location, replacements: fix.edits.map {
                        SARIFLog.Replacement(deletedRegion: SARIFLog.Region($0.position, emptyEndIsOne: false),
                                             insertedContent: .init(text: $0.replacement))
                    }),
                ])]
            }
            var result = SARIFLog.Result(ruleId: diagnostic.rule, ruleIndex: ruleIndex[diagnostic.rule] ?? 0, level: Self.level(diagnostic.severity),
                                         message: .init(text: diagnostic.message),
                                         locations: [SARIFLog.Location(physicalLocation: .init(artifactLocation: location,
                                                                                              region: SARIFLog.Region(diagnostic.range, emptyEndIsOne: true)))],
                                         fixes: fixes)
            result.partialFingerprints = ["sotLintFinding/v1": fingerprints[position]]
            if compared { result.baselineState = position < newCount ? "new" : "unchanged" }
            if position >= newCount {
                result.suppressions = [SARIFLog.Suppression(kind: "external", justification: "recorded in the project's .sot-lint-baseline.json")]
            }
            result.relatedLocations = diagnostic.related.enumerated().map { index, related in
                SARIFLog.RelatedLocation(id: index + 1, physicalLocation: .init(
                    artifactLocation: .init(uri: Self.uri(FindingFingerprint.repositoryPath(related.path))),
                    region: SARIFLog.Region(related.range, emptyEndIsOne: true)), message: .init(text: related.message))
            }
            return result
        }
        results.trailing = report.fixedBaselineEntries.map { entry in
            let issue = entry.issue.map { " in `\($0)`" } ?? ""
            var result = SARIFLog.Result(
                ruleId: entry.rule, ruleIndex: ruleIndex[entry.rule] ?? 0, level: "none",
                message: .init(text: "\(entry.count == 1 ? "A finding" : "\(entry.count) findings") of `\(entry.rule)`\(issue) recorded in the baseline "
                               + "\(entry.count == 1 ? "is" : "are") fixed; `sot-lint baseline` drops \(entry.count == 1 ? "it" : "them")"),
                locations: [SARIFLog.Location(physicalLocation: .init(artifactLocation: .init(uri: Self.uri(FindingFingerprint.repositoryPath(entry.path))),
                                                                     region: nil))],
                fixes: nil)
            result.kind = "pass"
            result.baselineState = "absent"
            return result
        }
        return SARIFLog(runs: [SARIFLog.Run(tool: .init(driver: .init(name: "sot-lint", version: version,
                                                                      informationUri: RuleDocumentationLink.repository, rules: descriptors)),
                                            columnKind: "unicodeCodePoints", results: results)])
    }

    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a path: unreserved characters and `/` as they are, the rest %-encoded.
    package static func uri(_ path: String) -> String {
        // Most paths need no escape: they are their own URI.
        let needsEscape = path.utf8.withContiguousStorageIfAvailable { $0.contains { !isUnreserved($0) } } ?? true
        guard needsEscape else { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [0x25, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
    }

    /// An upper-case hexadecimal digit, as URIs write them.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }

    /// `status-unknown` -> `StatusUnknown`, SARIF's readable rule name.
    package static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
