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

    public func render(_ report: LintReport) -> String {
        let document = Document(summary: Document.Summary(files: report.fileCount, errors: report.count(.error), warnings: report.count(.warning)),
                                diagnostics: [])
        // The findings are encoded one at a time into the document's last member, so that a report of any
        // size holds one finding's tree at a time, not a tree of every finding.
        return Self.render(document, streaming: report.diagnostics)
    }

    /// `head` as JSON whose last member (an array) is filled with `elements`, each encoded on its own.
    /// The text is the same as encoding the whole model at once.
    static func render<Head: Encodable, Element: Encodable>(_ head: Head, streaming elements: [Element]) -> String {
        let encoder = JSONValueEncoder()
        do {
            guard case .object(let members) = try encoder.encode(head), let last = members.last else { return render(head) }
            return try JSONValue.renderObject(Array(members.dropLast()), streaming: last.key, count: elements.count) {
                try encoder.encode(elements[$0])
            } + "\n"
        } catch {
            return "{\"error\": " + JSONValue.quoted("cannot encode the report: \(error)") + "}\n"
        }
    }

    /// Any model as JSON text with a final newline. Encoding our own models cannot fail; should it, the
    /// output says so rather than printing half a document.
    package static func render<Value: Encodable>(_ value: Value) -> String {
        do {
            return try JSONValueEncoder().encode(value).rendered() + "\n"
        } catch {
            return "{\"error\": " + JSONValue.quoted("cannot encode the report: \(error)") + "}\n"
        }
    }

    /// A JSON string literal (for the other formats that embed one).
    public static func quoted(_ text: String) -> String {
        JSONValue.quoted(text)
    }
}
