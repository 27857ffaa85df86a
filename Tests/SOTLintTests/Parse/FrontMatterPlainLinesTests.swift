import XCTest
@testable import SOTSource
@testable import SOTSyntax

/// Plain `key: value` front matter is read without Yams; whatever the lines, the result must be what
/// Yams gives.
final class FrontMatterPlainLinesTests: XCTestCase {
    private func bothWays(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let source = SourceText(path: "a.md", text: text)
        let fast = FrontMatterParser.parse(source)
        let yams = FrontMatterParser.parse(source, readsPlainLinesItself: false)
        XCTAssertEqual(String(describing: fast), String(describing: yams), "for:\n\(text)", file: file, line: line)
        let closeLine: Int
        switch yams {
        case .mapping(_, _, let close), .invalid(_, _, let close): closeLine = close
        case .absent, .unclosed: return false
        }
        let scan = FrontMatterKeyScanner.scan(source, lines: 2..<closeLine)
        return FrontMatterParser.plainEntries(scan, source: source, lines: 2..<closeLine) != nil
    }

    func testPlainLinesAreReadWithoutYams() {
        XCTAssertTrue(bothWays("---\ntitle: My Plan\nstatus: active\ncreated: 2026-05-31\nempty:\n\nroute: a-b_c\n---\n# x\n"))
        XCTAssertTrue(bothWays("---\r\ntitle: Plan  \r\nowner: jp\r\n---\r\n"))
        XCTAssertTrue(bothWays("---\n---\n"))
        XCTAssertTrue(bothWays("---\ntitle: it's a \"plan\" (v2), [draft] {x} 100% @home\n---\n"))
    }

    func testAnythingElseGoesThroughYamsWithTheSameResult() {
        for text in ["---\ntitle: \"quoted\"\n---\n", "---\ntitle: a # comment\n---\n", "---\ntitle: a: b\n---\n",
                     "---\nlist:\n  - a\n---\n", "---\ntitle: &x a\nother: *x\n---\n", "---\ntitle: - a\n---\n",
                     "---\ntitle: Été\n---\n", "---\ntitle:\ta\n---\n", "---\n# note\ntitle: a\n---\n",
                     "---\nstatus: a\nstatus: b\n---\n", "---\ntitle: a\n  continued\n---\n", "---\n2fa: x\n---\n",
                     "---\ntitle: |\n  block\n---\n", "---\ntitle: [a, b]\n---\n", "---\ntitle: 'a'\n---\n"] {
            XCTAssertFalse(bothWays(text))
        }
    }

    /// Random lines over an alphabet full of YAML's special characters: both ways agree on every one.
    func testRandomLinesAgree() {
        var random = SeededGenerator(seed: 9)
        let alphabet = Array("ab Z0_-:#'\"[]{},&*!|>%@`?~.\t")
        var plain = 0
        for _ in 0..<3_000 {
            var lines = ["---"]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let key = String((0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet[Int.random(in: 0..<6, using: &random)] })
                let value = String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
                lines.append(key + ":" + (Bool.random(using: &random) ? " " : "") + value)
            }
            lines.append("---")
            if bothWays(lines.joined(separator: "\n") + "\n") { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 50, "enough inputs took the plain path")
    }
}
