import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// The JSON contract of DESIGN.md §5: one object with version, summary and diagnostics, keys in a
/// fixed order so the output is byte-for-byte stable.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = "{\"version\": 1,\n \"summary\": {\"files\": \(report.fileCount), \"errors\": \(report.count(.error)), "
            + "\"warnings\": \(report.count(.warning))},\n \"diagnostics\": ["
        for (index, diagnostic) in report.diagnostics.enumerated() {
            output += index == 0 ? "\n  " : ",\n  "
            output += "{\"path\": \(Self.quoted(diagnostic.path)), \"line\": \(diagnostic.range.start.line), "
                + "\"column\": \(diagnostic.range.start.column), \"endLine\": \(diagnostic.range.end.line), "
                + "\"endColumn\": \(diagnostic.range.end.column), \"severity\": \"\(diagnostic.severity.rawValue)\", "
                + "\"rule\": \(Self.quoted(diagnostic.rule)), \"message\": \(Self.quoted(diagnostic.message)), \"fix\": \(Self.fix(diagnostic.fix))}"
        }
        output += report.diagnostics.isEmpty ? "]}\n" : "\n ]}\n"
        return output
    }

    /// `null`, or the fix: its summary and edits (positions in the original file, replacement text).
    package static func fix(_ fix: Fix?) -> String {
        guard let fix else { return "null" }
        let edits = fix.edits.map { edit in
            "{\"line\": \(edit.position.start.line), \"column\": \(edit.position.start.column), "
                + "\"endLine\": \(edit.position.end.line), \"endColumn\": \(edit.position.end.column), \"text\": \(quoted(edit.replacement))}"
        }
        return "{\"summary\": \(quoted(fix.summary)), \"edits\": [" + edits.joined(separator: ", ") + "]}"
    }

    /// A JSON string literal; control characters are escaped, everything else is kept as UTF-8.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
