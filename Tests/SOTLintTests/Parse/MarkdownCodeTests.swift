import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTSecrets

/// Code regions as CommonMark parses them, and the secret scan that uses them.
final class MarkdownCodeTests: XCTestCase {
    private func regions(_ text: String) -> (fenced: [String], spans: [String]) {
        let source = SourceText(path: "a.md", text: text)
        let found = MarkdownCode.regions(in: source)
        func string(_ range: Range<Int>) -> String { String(decoding: source.bytes[range], as: UTF8.self) }
        return (found.fencedLines.map(string), found.spans.map(string))
    }

    func testFencesAndSpansAreWhereCmarkFindsThem() {
        let text = """
            # Title

            Run `Get-Thing -Name x` and ``a `tick` inside``; \\`not a span\\`.

            ```powershell Get-Thing ```
            After the one-line span, prose: not code.

            - item

              ```sh
              token=abc
              ```

            > ~~~
            > quoted code
            > ~~~

                indented code is not fenced

            ```
            unclosed fence runs to the end
            """
        let (fenced, spans) = regions(text)
        XCTAssertEqual(spans, ["Get-Thing -Name x", "a `tick` inside", "powershell Get-Thing "], "one space is stripped only from both sides")
        XCTAssertEqual(fenced, ["  token=abc", "> quoted code", "unclosed fence runs to the end"])
    }

    func testAOneLineSpanThatLooksLikeAFenceDoesNotMakeTheRestCode() throws {
        let scanner = SecretScanner(catalog: try SecretCatalog.builtIn.get())
        let fence = try XCTUnwrap(scanner.catalog.detectors.firstIndex { $0.id == "markdown-fence-high-entropy" })
        let value = "C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP"
        let prose = "# Notes\n\n```powershell Get-Thing ```\n\nThe build id \(value) is printed in the log.\n"
        XCTAssertFalse(scanner.scan(Array(prose.utf8), markdown: true).contains { $0.detector == fence }, "prose after an inline span")
        let code = "# Notes\n\n- Step:\n\n      ```sh\n      curl -H \"X-Api-Key: \(value)\" https://api.acme.test\n      ```\n"
        XCTAssertTrue(scanner.scan(Array(code.utf8), markdown: true).contains { $0.detector == fence }, "a fence in a list item, indented")
    }
}
