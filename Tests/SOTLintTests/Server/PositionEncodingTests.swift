import XCTest
@testable import SOTSource
@testable import SOTServer

/// LSP positions in UTF-8, UTF-16 and UTF-32, checked against Swift's own views of the same text.
final class PositionEncodingTests: XCTestCase {
    func testNegotiation() {
        XCTAssertEqual(PositionEncoding.negotiate(offered: nil), .utf16, "the protocol's default")
        XCTAssertEqual(PositionEncoding.negotiate(offered: []), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["utf-16"]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]), .utf32)
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]), .utf8, "ours: nothing to convert")
        XCTAssertEqual(PositionEncoding.negotiate(offered: ["latin-1"]), .utf16)
    }

    /// The expected position of every scalar boundary, from Swift's views of each line.
    private func reference(_ text: String, _ encoding: PositionEncoding) -> [(byte: Int, position: LSPPosition)] {
        var result: [(Int, LSPPosition)] = []
        var byte = 0
        var line = 0
        var character = 0
        for scalar in text.unicodeScalars {
            result.append((byte, LSPPosition(line: line, character: character)))
            let length = String(scalar).utf8.count
            byte += length
            if scalar == "\n" || (scalar == "\r" && !text.utf8.dropFirst(byte).starts(with: [0x0A])) {
                line += 1
                character = 0
                continue
            }
            switch encoding {
            case .utf8: character += length
            case .utf16: character += String(scalar).utf16.count
            case .utf32: character += 1
            }
        }
        result.append((byte, LSPPosition(line: line, character: character)))
        return result
    }

    func testEveryBoundaryOfTrickyTextBothWays() {
        let texts = [
            "plain ascii\nsecond line\n",
            "\u{FEFF}# BOM first\r\nCRLF line \u{1F600} astral\r\nlast",
            "a\rlone CR\r\rtwo empty\n",
            "é combining e\u{301} and 中文 and 𝄞 music\n\ttab\n",
            "",
            "no newline at the end 🙂",
        ]
        for text in texts {
            let source = SourceText(path: "a.md", text: text)
            for encoding in PositionEncoding.allCases {
                var converter = LSPPositionConverter(source: source, encoding: encoding)
                for (byte, expected) in reference(text, encoding) where !(byte > 0 && source.bytes[byte - 1] == 0x0D && byte < source.bytes.count && source.bytes[byte] == 0x0A) {
                    XCTAssertEqual(converter.position(ofByte: byte), expected, "\(encoding) byte \(byte) of \(text.debugDescription)")
                    XCTAssertEqual(converter.byteOffset(of: expected), byte, "\(encoding) \(expected) of \(text.debugDescription)")
                }
            }
        }
    }

    func testPositionsOutsideTheTextAreClamped() {
        let source = SourceText(path: "a.md", text: "ab\r\n𝄞x\n")
        let utf16 = LSPPositionConverter(source: source, encoding: .utf16)
        XCTAssertEqual(utf16.byteOffset(of: LSPPosition(line: 0, character: 99)), 2, "past the line's end: before its break")
        XCTAssertEqual(utf16.byteOffset(of: LSPPosition(line: 9, character: 0)), source.bytes.count, "past the last line")
        XCTAssertEqual(utf16.byteOffset(of: LSPPosition(line: 1, character: 1)), 4, "between a surrogate pair's halves: the scalar's start")
        XCTAssertEqual(utf16.byteOffset(of: LSPPosition(line: 1, character: 2)), 8)
        XCTAssertEqual(utf16.byteOffset(of: LSPPosition(line: -1, character: 3)), 0)
        var converter = utf16
        XCTAssertEqual(converter.position(ofByte: 5), LSPPosition(line: 1, character: 0), "inside a scalar: its start")
        XCTAssertEqual(converter.position(ofByte: 99), LSPPosition(line: 2, character: 0))
    }

    func testConvertingEveryPositionOfALongLineIsLinear() {
        // 200,000 scalars of 1 to 4 bytes on one line: each position costs what lies since the previous one.
        let line = String(repeating: "a é 中 𝄞 ", count: 25_000)
        let source = SourceText(path: "a.md", text: "x\n" + line + "\n")
        var converter = LSPPositionConverter(source: source, encoding: .utf16)
        var last = LSPPosition(line: 0, character: 0)
        var steps = 0
        for offset in stride(from: 2, through: source.bytes.count - 1, by: 1) where source.bytes[offset] & 0xC0 != 0x80 {
            let position = converter.position(ofByte: offset)
            XCTAssertTrue(position.line > last.line || position.character >= last.character)
            last = position
            steps += 1
        }
        XCTAssertEqual(steps, 200_001, "every scalar of the line, and its end")
        XCTAssertEqual(last, LSPPosition(line: 1, character: line.utf16.count))
    }
}
