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

    func testFrontMatterIsNotMarkdown() {
        // Parsed whole, the YAML would be a setext heading with a code span in it.
        let text = "---\ntitle: Fix the `task create` flag\n---\n\n# Body\n\nRun `make lint`.\n"
        XCTAssertEqual(regions(text).spans, ["make lint"])
    }

    func testTheDocumentParseFindsTheSameCodeAsAParseOfItsOwn() throws {
        // The lint hands the secret scan the code regions of the document's parse; a file nobody parsed (a
        // commit's added lines) gets a parse of its own. Both must find the same code, in every fixture and in
        // the tricky cases above (CRLF, a BOM, front matter, nested containers).
        var texts: [(String, [UInt8])] = []
        let fixtures = RepositoryFile.root.appendingPathComponent("fixtures")
        let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "md" {
            texts.append((file.path, Array(try Data(contentsOf: file))))
        }
        XCTAssertGreaterThan(texts.count, 20)
        let tricky = "---\r\ntitle: x\r\n---\r\n# T\r\n\r\nA `span one` and\r\n\r\n> - ```sh\r\n>   token=abc\r\n>   ```\r\n"
        texts.append(("crlf", Array(tricky.utf8)))
        texts.append(("bom", [0xEF, 0xBB, 0xBF] + Array("# T\n\nRun `x y z`.\n\n~~~\ncode\n~~~\n".utf8)))
        texts.append(("unclosed", Array("---\ntitle: `a b`\n\n```\nfenced\n```\n".utf8)))
        for (path, bytes) in texts {
            let source = SourceText(path: path, bytes: bytes)
            let syntax = DocumentSyntax.parse(source)
            XCTAssertEqual(syntax.code, MarkdownCode.regions(in: source), path)
        }
        XCTAssertFalse(DocumentSyntax.parse(SourceText(path: "crlf", bytes: Array(tricky.utf8))).code.fencedLines.isEmpty)
    }

    func testTheScanFindsTheSameWithTheDocumentsCodeRegionsOrItsOwnParse() throws {
        let finder = SecretFinder(catalog: try SecretCatalog.builtIn.get(), allowances: [])
        let value = "C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP"
        let text = "---\ntitle: T\n---\n\n# T\n\nThe key is `Z4GR+nrljFtZly4pY0swyXbOM6yj172FLgt+IjL+cGpT` for now.\n\n```sh\ncurl -H \"X-Api-Key: \(value)\" x\n```\n"
        let source = SourceText(path: "a.md", text: text)
        let parsed = finder.scan(source, markdown: true, code: DocumentSyntax.parse(source).code).findings
        let own = finder.scan(source, markdown: true).findings
        XCTAssertEqual(parsed.map(\.message), own.map(\.message))
        XCTAssertEqual(parsed.count, 2)
    }
}
