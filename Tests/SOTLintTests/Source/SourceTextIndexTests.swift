import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// Positions come from a scalar index instead of a walk from the start of the line; they must be exactly
/// what the walk gives, on any bytes (multi-byte scalars, invalid UTF-8, BOM, CR, LF, CRLF).
final class SourceTextIndexTests: XCTestCase {
    /// The walk of before: count the scalar-starting bytes from the line's content start.
    private func walkedPosition(_ source: SourceText, _ offset: Int) -> SourcePosition {
        let line = source.line(ofByte: offset)
        var column = 1
        var index = source.contentStart(ofLine: line)
        while index < min(offset, source.bytes.count) {
            if source.bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The walk of before: step one byte and the continuation bytes after it, once per column.
    private func walkedOffset(_ source: SourceText, line: Int, column: Int) -> Int {
        guard line >= 1, line <= source.lineCount else { return source.bytes.count }
        var index = source.contentStart(ofLine: line)
        let end = source.contentEnd(ofLine: line)
        var current = 1
        while index < end, current < column {
            index += 1
            while index < end, source.bytes[index] & 0xC0 == 0x80 { index += 1 }
            current += 1
        }
        return index
    }

    /// The line of every offset, from the block index, is the binary search's over the line starts.
    func testLineOfEveryOffsetMatchesABinarySearch() {
        var random = SeededGenerator(seed: 5)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0xC3, 0xA9], Array(repeating: 0x62, count: 70)]
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...120, using: &random) { bytes += pieces.randomElement(using: &random) ?? [] }
            let source = SourceText(path: "a.md", bytes: bytes)
            for offset in 0...(bytes.count + 2) {
                var low = 0
                var high = source.lineStarts.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if source.lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
                }
                XCTAssertEqual(source.line(ofByte: offset), low + 1, "offset \(offset) of \(bytes)")
            }
        }
    }

    func testRandomBytesMatchTheWalk() {
        var random = SeededGenerator(seed: 3)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], Array("é".utf8), Array("😀".utf8),
                                 [0x80], [0xBF, 0x80], [0xE2], Array("日本".utf8)]
        for round in 0..<200 {
            var bytes: [UInt8] = round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : []
            // Lengths around the 64-byte blocks of the index.
            for _ in 0..<Int.random(in: 0..<150, using: &random) { bytes += pieces.randomElement(using: &random) ?? [] }
            let source = SourceText(path: "a.md", bytes: bytes)
            for offset in 0...bytes.count {
                XCTAssertEqual(source.position(ofByte: offset), walkedPosition(source, offset), "\(bytes) at \(offset)")
            }
            for line in 0...(source.lineCount + 1) {
                for column in [-1, 0, 1, 2, 3, 5, 17, 64, 65, 200, Int.max] {
                    XCTAssertEqual(source.byteOffset(line: line, scalarColumn: column), walkedOffset(source, line: line, column: column),
                                   "\(bytes) line \(line) column \(column)")
                }
            }
        }
    }

    func testLongLinePositions() {
        let unit = Array("CTO-WORK-12 `é` ".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<20_000 { bytes += unit }
        let source = SourceText(path: "a.md", bytes: bytes)
        let last = bytes.count - unit.count
        XCTAssertEqual(source.position(ofByte: last), SourcePosition(line: 1, column: 1 + 19_999 * 16))
        XCTAssertEqual(source.byteOffset(line: 1, scalarColumn: 1 + 19_999 * 16), last)
    }
}
