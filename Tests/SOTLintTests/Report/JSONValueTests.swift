import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine
@testable import SOTReport

/// The ordered JSON writer: exact escapes, members in encoding order, and text any JSON parser reads back.
final class JSONValueTests: XCTestCase {
    private struct Sample: Encodable {
        let zeta: String
        let alpha: [Int]
        let none: String?
        let nested: [String: String]

        private enum CodingKeys: String, CodingKey { case zeta, alpha, none, nested }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(zeta, forKey: .zeta)
            try container.encode(alpha, forKey: .alpha)
            try container.encodeNil(forKey: .none)
            try container.encodeIfPresent(none, forKey: .nested)
        }
    }

    func testQuotedEscapesExactly() {
        XCTAssertEqual(JSONValue.quoted("a\"b\\c\nd\re\tf"), #""a\"b\\c\nd\re\tf""#)
        XCTAssertEqual(JSONValue.quoted("\u{01}\u{1F}\u{7F}"), #""\u0001\u001f\u007f""#)
        XCTAssertEqual(JSONValue.quoted("x\u{2028}y\u{2029}z"), #""x\u2028y\u2029z""#)
        XCTAssertEqual(JSONValue.quoted("é 🙂 ü"), "\"é 🙂 ü\"")
        XCTAssertEqual(JSONValue.quoted(""), "\"\"")
    }

    func testEveryStringRoundTripsThroughAJSONParser() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{2028}", "é", "🙂", "/"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.unicodeScalars.append(alphabet.randomElement(using: &generator) ?? "a") }
            let json = "[" + JSONValue.quoted(text) + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            XCTAssertEqual(parsed, [text], json)
        }
    }

    func testMembersKeepTheirEncodingOrderAndLayout() throws {
        let value = try JSONValueEncoder().encode(Sample(zeta: "z", alpha: [1, 2], none: nil, nested: [:]))
        XCTAssertEqual(value.rendered(), "{\"zeta\": \"z\",\n \"alpha\": [\n  1,\n  2\n ],\n \"none\": null}")
    }

    func testStreamedReportEqualsTheWholeModelEncoded() {
        let diagnostics = (1...3).map {
            Diagnostic(path: "a \"\($0)\".md", range: SourceRange(line: $0, column: 1, endLine: $0, endColumn: 4), severity: .error,
                       rule: "status-unknown", message: "line \($0)\n")
        }
        for list in [diagnostics, []] {
            let report = LintReport(diagnostics: list, fileCount: 2)
            let whole = JSONReporter.render(JSONReporter.Document(summary: .init(files: 2, errors: list.count, warnings: 0), diagnostics: list))
            XCTAssertEqual(JSONReporter().render(report), whole)
        }
    }
}
