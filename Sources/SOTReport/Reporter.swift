import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// Turns a report into the text of one output format. Reporters decide nothing: they only format.
public protocol Reporter: Sendable {
    func render(_ report: LintReport) -> String
    /// The same text as `render`, handed to `output` as UTF-8 bytes: reporters that encode bytes pass
    /// them on without making a `String` of a report that can be tens of megabytes.
    func write(_ report: LintReport, to output: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension Reporter {
    public func write(_ report: LintReport, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = render(report)
        text.withUTF8 { output($0) }
    }
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
    case junit
}
