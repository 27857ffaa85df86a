import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// Turns a report into the text of one output format. Reporters decide nothing: they only format.
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
    case junit
}
