import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// The JSON contract of DESIGN.md §5: one object with version, summary and diagnostics, encoded from
/// the report's models in a fixed member order, so the output is byte-for-byte stable.
public struct JSONReporter: Reporter {
    public init() {}

    package struct Document: Encodable {
        package struct Summary: Encodable {
            package let files: Int
            package let errors: Int
            package let warnings: Int
        }

        package let version = 1
        package let summary: Summary
        package let diagnostics: [Diagnostic]
    }

    /// The findings are written one at a time as the document encodes them (`JSONStreamEncoder` builds
    /// no tree), so a report of any size holds its text and the findings it already had.
    public func render(_ report: LintReport) -> String {
        Self.render(document(report))
    }

    public func write(_ report: LintReport, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        Self.write(document(report), to: output)
    }

    private func document(_ report: LintReport) -> Document {
        let diagnostics = report.diagnostics
        // One pass that reads only the severities: `LintReport.count` copies every finding, once per severity.
        var errors = 0
        var warnings = 0
        for index in diagnostics.indices {
            switch diagnostics[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: break
            }
        }
        return Document(summary: Document.Summary(files: report.fileCount, errors: errors, warnings: warnings), diagnostics: diagnostics)
    }

    /// Any model as JSON text with a final newline. Encoding our own models cannot fail; should it, the
    /// output says so rather than printing half a document.
    package static func render<Value: Encodable>(_ value: Value) -> String {
        var text = ""
        write(value) { text = String(decoding: $0, as: UTF8.self) }
        return text
    }

    /// `render(value)`'s bytes, handed to `output` (once) where they were encoded.
    package static func write<Value: Encodable>(_ value: Value, to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        do {
            try JSONStreamEncoder().withEncodedLine(value, output)
        } catch {
            var text = "{\"error\": " + JSONValue.quoted("cannot encode the report: \(error)") + "}\n"
            text.withUTF8 { output($0) }
        }
    }

    /// A JSON string literal (for the other formats that embed one).
    public static func quoted(_ text: String) -> String {
        JSONValue.quoted(text)
    }
}
