import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// `path:line:column: severity: message [rule-id]`, one line per finding.
public struct TextReporter: Reporter {
    public let color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ report: LintReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let location = "\(diagnostic.path):\(diagnostic.range.start.line):\(diagnostic.range.start.column):"
            output += paint(location, "1") + " " + paint(diagnostic.severity.rawValue + ":", code(diagnostic.severity))
                + " " + diagnostic.message + " " + paint("[\(diagnostic.rule)]", "2") + "\n"
        }
        return output
    }

    /// `3 errors, 1 warning, 0 infos in 2 files (1 SOT document)`: what was found in what was checked (for
    /// standard error, after the findings; without the documents for a run that reads none as documents,
    /// `sot-lint secrets`), then what the baseline hid and how much of it was fixed.
    public func summary(_ report: LintReport) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var line = "\(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), "
            + "\(plural(report.count(.info), "info")) in \(plural(report.fileCount, "file"))"
            + (report.countsDocuments ? " (\(plural(report.documentCount, "SOT document")))" : "")
        if !report.baselined.isEmpty {
            line += "; \(plural(report.baselined.count, "finding")) in the baseline not shown (--no-baseline shows them)"
        }
        let fixed = report.fixedBaselineEntries.reduce(0) { $0 + $1.count }
        if fixed > 0 {
            line += "; \(plural(fixed, "baseline finding")) fixed (`sot-lint baseline` drops \(fixed == 1 ? "it" : "them"))"
        }
        return line
    }

    private func code(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
