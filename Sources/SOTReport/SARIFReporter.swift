import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// SARIF 2.1.0 for code-scanning tools: every rule's metadata, every finding with its exact region.
/// Columns are counted in Unicode scalars, which SARIF calls `unicodeCodePoints`. No snippets: a
/// region never carries the text it covers.
public struct SARIFReporter: Reporter {
    public let version: String
    /// Every rule the run knows, in `sot-lint rules` order: SARIF lists them and results point at them.
    public let rules: [RuleMetadata]

    public init(version: String, rules: [RuleMetadata]) {
        self.version = version
        self.rules = rules
    }

    public func render(_ report: LintReport) -> String {
        var ruleIndex: [String: Int] = [:]
        var ruleObjects: [String] = []
        for rule in rules {
            ruleIndex[rule.id] = ruleObjects.count
            ruleObjects.append(Self.ruleObject(rule))
        }
        var results: [String] = []
        for diagnostic in report.diagnostics {
            results.append(Self.resultObject(diagnostic, ruleIndex: ruleIndex[diagnostic.rule] ?? 0))
        }
        var out = "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n \"runs\": [{\n"
        out += "  \"tool\": {\"driver\": {\"name\": \"sot-lint\", \"version\": " + JSONReporter.quoted(version)
        out += ", \"informationUri\": \"https://github.com/sot-lint/sot-lint\",\n   \"rules\": ["
        out += ruleObjects.joined(separator: ",")
        out += "]}},\n  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": ["
        out += results.joined(separator: ",")
        out += "]\n }]}\n"
        return out
    }

    private static func ruleObject(_ rule: RuleMetadata) -> String {
        let help = rule.summary + " Run `sot-lint explain " + rule.id + "` for options and examples."
        var object = "\n    {\"id\": " + JSONReporter.quoted(rule.id)
        object += ", \"name\": " + JSONReporter.quoted(camelCase(rule.id))
        object += ", \"shortDescription\": {\"text\": " + JSONReporter.quoted(rule.summary) + "}"
        object += ", \"fullDescription\": {\"text\": " + JSONReporter.quoted(rule.rationale) + "}"
        object += ", \"help\": {\"text\": " + JSONReporter.quoted(help) + "}"
        object += ", \"defaultConfiguration\": {\"level\": \"" + level(rule.defaultSeverity) + "\"}"
        object += ", \"properties\": {\"category\": " + JSONReporter.quoted(rule.category.rawValue) + "}}"
        return object
    }

    private static func resultObject(_ diagnostic: Diagnostic, ruleIndex: Int) -> String {
        let range = diagnostic.range
        var region = "\"startLine\": \(range.start.line), \"startColumn\": \(range.start.column)"
        region += ", \"endLine\": \(range.end.line), \"endColumn\": \(max(range.end.column, 1))"
        var object = "\n   {\"ruleId\": " + JSONReporter.quoted(diagnostic.rule) + ", \"ruleIndex\": \(ruleIndex)"
        object += ", \"level\": \"" + level(diagnostic.severity) + "\""
        object += ", \"message\": {\"text\": " + JSONReporter.quoted(diagnostic.message) + "}"
        object += ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " + JSONReporter.quoted(uri(diagnostic.path)) + "}"
        object += ", \"region\": {" + region + "}}}]"
        if let fix = diagnostic.fix {
            let replacements = fix.edits.map { edit -> String in
                var deleted = "\"startLine\": \(edit.position.start.line), \"startColumn\": \(edit.position.start.column)"
                deleted += ", \"endLine\": \(edit.position.end.line), \"endColumn\": \(edit.position.end.column)"
                return "{\"deletedRegion\": {" + deleted + "}, \"insertedContent\": {\"text\": " + JSONReporter.quoted(edit.replacement) + "}}"
            }
            object += ", \"fixes\": [{\"description\": {\"text\": " + JSONReporter.quoted(fix.summary) + "}"
            object += ", \"artifactChanges\": [{\"artifactLocation\": {\"uri\": " + JSONReporter.quoted(uri(diagnostic.path)) + "}"
            object += ", \"replacements\": [" + replacements.joined(separator: ", ") + "]}]}]"
        }
        return object + "}"
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
        var result = ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || [0x2D, 0x2E, 0x5F, 0x7E, 0x2F].contains(byte)
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// `status-unknown` -> `StatusUnknown`, SARIF's readable rule name.
    package static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
