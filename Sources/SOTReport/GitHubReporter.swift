import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        report.diagnostics.map { diagnostic in
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let range = diagnostic.range
            return "::\(command) file=\(Self.property(FindingFingerprint.repositoryPath(diagnostic.path))),line=\(range.start.line),col=\(range.start.column),"
                + "endLine=\(range.end.line),endColumn=\(range.end.column),title=\(Self.property(diagnostic.rule))::"
                + Self.data(diagnostic.message) + "\n"
        }.joined()
    }

    /// The escaping GitHub's runner undoes in a command's message.
    package static func data(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// The escaping of a property value: also `:` and `,`, which separate properties.
    package static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
