import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// JUnit XML for CI test views: one test suite per file with findings, one failing test case per finding.
/// A clean run is one suite with one passing case, so that CI shows that the lint ran.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let byPath = Dictionary(grouping: report.diagnostics, by: \.path)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = report.diagnostics.count
        out += "<testsuites name=\"sot-lint\" tests=\"\(max(total, 1))\" failures=\"\(total)\">\n"
        if byPath.isEmpty {
            out += "  <testsuite name=\"sot-lint\" tests=\"1\" failures=\"0\">\n"
            out += "    <testcase name=\"\(report.fileCount) files linted, no findings\" classname=\"sot-lint\"/>\n  </testsuite>\n"
        }
        for path in byPath.keys.sorted(by: { $0.precedesInBytes($1) }) {
            let diagnostics = byPath[path] ?? []
            out += "  <testsuite name=\"\(Self.escaped(path))\" tests=\"\(diagnostics.count)\" failures=\"\(diagnostics.count)\">\n"
            for diagnostic in diagnostics {
                let place = "\(diagnostic.range.start.line):\(diagnostic.range.start.column)"
                out += "    <testcase name=\"\(Self.escaped(diagnostic.rule)) at \(place)\" classname=\"\(Self.escaped(path))\">\n"
                out += "      <failure type=\"\(Self.escaped(diagnostic.rule))\" message=\"\(Self.escaped(diagnostic.severity.rawValue + ": " + diagnostic.message))\">"
                out += Self.escaped("\(path):\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]")
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot carry are dropped.
    package static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            default:
                let value = scalar.value
                if value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
