import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

final class SourceTextTests: XCTestCase {
    func testLinesEndWithLFCRLFAndLoneCR() {
        let source = SourceText(path: "a.md", text: "one\ntwo\r\nthree\rfour")
        XCTAssertEqual(source.lineCount, 4)
        XCTAssertEqual((1...4).map(source.lineText), ["one", "two", "three", "four"])
    }

    func testColumnsCountUnicodeScalarsNotBytes() {
        let source = SourceText(path: "a.md", text: "é😀x")
        let offset = Array("é😀".utf8).count
        XCTAssertEqual(source.position(ofByte: offset), SourcePosition(line: 1, column: 3))
    }

    func testByteOrderMarkIsNotAColumn() {
        let source = SourceText(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8))
        XCTAssertEqual(source.bomLength, 3)
        XCTAssertEqual(source.position(ofByte: 3), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(source.position(ofByte: 4), SourcePosition(line: 1, column: 2))
        XCTAssertEqual(source.lineText(1), "ab")
        XCTAssertEqual(source.position(ofByte: 6), SourcePosition(line: 2, column: 1))
    }

    func testTabIsOneColumnAndCRLFDoesNotShift() {
        let source = SourceText(path: "a.md", text: "x\r\n\tStatus\r\n")
        let offset = Array("x\r\n\t".utf8).count
        XCTAssertEqual(source.position(ofByte: offset), SourcePosition(line: 2, column: 2))
        XCTAssertEqual(source.contentEnd(ofLine: 2) - source.contentStart(ofLine: 2), 7)
    }

    func testScalarColumnRoundTrip() {
        let source = SourceText(path: "a.md", text: "ab\nçd😀e\n")
        let offset = source.byteOffset(line: 2, scalarColumn: 4)
        XCTAssertEqual(source.position(ofByte: offset), SourcePosition(line: 2, column: 4))
        XCTAssertEqual(source.text(offset..<(offset + 1)), "e")
    }

    func testEmptyFile() {
        let source = SourceText(path: "a.md", bytes: [])
        XCTAssertEqual(source.lineCount, 1)
        XCTAssertEqual(source.lineText(1), "")
        XCTAssertEqual(source.position(ofByte: 0), SourcePosition(line: 1, column: 1))
    }
}

final class EncodingCheckTests: XCTestCase {
    func testCleanUTF8() {
        XCTAssertNil(EncodingCheck.firstProblem(in: Array("héllo 😀 wörld".utf8)))
    }

    func testNulByte() {
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0x61, 0x00, 0x62]), EncodingProblem(kind: .nulByte, offset: 1))
    }

    func testInvalidSequences() {
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0x61, 0xFF])?.offset, 1)
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0xC3])?.kind, .invalidUTF8, "truncated sequence")
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0xC0, 0xAF])?.kind, .invalidUTF8, "overlong")
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0xED, 0xA0, 0x80])?.kind, .invalidUTF8, "surrogate")
        XCTAssertEqual(EncodingCheck.firstProblem(in: [0xF4, 0x90, 0x80, 0x80])?.kind, .invalidUTF8, "past U+10FFFF")
    }
}
