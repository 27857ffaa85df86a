import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

final class FrontMatterParserTests: XCTestCase {
    private func parse(_ text: String) -> FrontMatter {
        FrontMatterParser.parse(SourceText(path: "a.md", text: text))
    }

    func testKeysAndValuesWithExactRanges() throws {
        let front = parse("---\ntitle: My Plan\nowner:  \"jp\"  # lead\ncreated: 2026-05-31\n---\n# My Plan\n")
        guard case .mapping(let entries, 1, 5) = front else { return XCTFail("\(front)") }
        XCTAssertEqual(entries.map(\.key), ["title", "owner", "created"])
        XCTAssertEqual(entries[0].value, "My Plan")
        XCTAssertEqual(entries[0].keyRange, SourceRange(line: 2, column: 1, endLine: 2, endColumn: 6))
        XCTAssertEqual(entries[0].valueRange, SourceRange(line: 2, column: 8, endLine: 2, endColumn: 15))
        XCTAssertEqual(entries[1].value, "jp")
        XCTAssertEqual(entries[1].valueRange, SourceRange(line: 3, column: 9, endLine: 3, endColumn: 13))
        XCTAssertEqual(entries[2].value, "2026-05-31")
        XCTAssertEqual(front.bodyStartLine, 6)
    }

    func testCRLFAndBOMKeepPositions() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Été\r\nowner: jp\r\n---\r\n".utf8)
        let front = FrontMatterParser.parse(SourceText(path: "a.md", bytes: bytes))
        guard case .mapping(let entries, _, 4) = front else { return XCTFail("\(front)") }
        XCTAssertEqual(entries[0].value, "Été")
        XCTAssertEqual(entries[0].valueRange, SourceRange(line: 2, column: 8, endLine: 2, endColumn: 11))
        XCTAssertEqual(entries[1].keyRange.start, SourcePosition(line: 3, column: 1))
    }

    /// List items of every style, each with the exact range of its text as written (quotes excluded),
    /// in a CRLF file with a BOM and multi-byte text: what Backlog.md's `dependencies` need.
    func testListItemsCarryExactRanges() throws {
        let text = "---\r\nid: task-24\r\ndependencies: [task-1, \"task-2\",  'it''s-3' ]\r\nlabels:\r\n  - été\r\n  - \"a \\\"b\\\" c\"\r\n"
            + "  - [nested]\r\n  -   plain # note\r\nstatus: To Do\r\n---\r\n# Task\r\n"
        let source = SourceText(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let front = FrontMatterParser.parse(source)
        guard case .mapping(let entries, _, _) = front else { return XCTFail("\(front)") }
        func written(_ item: FrontMatterItem) -> String { source.text(source.byteRange(item.range)) }
        let dependencies = try XCTUnwrap(entries.first { $0.key == "dependencies" })
        XCTAssertNil(dependencies.value)
        XCTAssertEqual(dependencies.items.map(\.text), ["task-1", "task-2", "it's-3"])
        XCTAssertEqual(dependencies.items.map(written), ["task-1", "task-2", "it''s-3"])
        XCTAssertEqual(dependencies.items[0].range, SourceRange(line: 3, column: 16, endLine: 3, endColumn: 22))
        let labels = try XCTUnwrap(entries.first { $0.key == "labels" })
        XCTAssertEqual(labels.items.map(\.text), ["été", "a \"b\" c", "plain"])
        XCTAssertEqual(labels.items.map(written), ["été", "a \\\"b\\\" c", "plain"])
        XCTAssertEqual(labels.items[0].range, SourceRange(line: 5, column: 5, endLine: 5, endColumn: 8))
        XCTAssertEqual(entries.first { $0.key == "status" }?.items, [])
        XCTAssertEqual(entries.first { $0.key == "id" }?.value, "task-24")
    }

    func testDuplicateKeysAreKeptInOrder() {
        let front = parse("---\nstatus: draft\nowner: jp\nstatus: active\n---\n")
        XCTAssertEqual(front.entries.map(\.key), ["status", "owner", "status"])
        XCTAssertEqual(front.entries.map(\.value), ["draft", "jp", "active"])
        XCTAssertEqual(front["status"]?.value, "draft")
    }

    func testUnclosed() {
        guard case .unclosed(openLine: 1) = parse("---\ntitle: x\n# Heading\n") else { return XCTFail() }
    }

    func testAbsentWhenFirstLineIsNotDelimiter() {
        guard case .absent = parse("# Title\n---\n") else { return XCTFail() }
        guard case .absent = parse("") else { return XCTFail() }
    }

    func testInvalidYAMLReportsItsOwnLine() {
        guard case .invalid(let error, _, 5) = parse("---\ntitle: ok\nowner: [a, b\nstatus: x\n---\n") else { return XCTFail() }
        XCTAssertEqual(error.position.line, 4)
        XCTAssertFalse(error.message.isEmpty)
    }

    func testNotAMapping() {
        guard case .invalid(let error, _, _) = parse("---\n- a\n- b\n---\n") else { return XCTFail() }
        XCTAssertEqual(error.message, "front matter is not a mapping of keys to values")
    }

    func testEmptyFrontMatterAndDotsClosing() {
        guard case .mapping(let entries, 1, 2) = parse("---\n---\n") else { return XCTFail() }
        XCTAssertTrue(entries.isEmpty)
        guard case .mapping(_, 1, 3) = parse("---\ntitle: x\n...\n") else { return XCTFail() }
    }

    func testMultiLineValuesSpanTheirLines() {
        let front = parse("---\ntags:\n  - a\n  - b\n\nowner: jp\n---\n")
        XCTAssertEqual(front.entries.map(\.key), ["tags", "owner"])
        XCTAssertNil(front.entries[0].value)
        XCTAssertEqual(front.entries[0].lines, 2...4)
    }
}
