import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The code-span scanner finds closers through an index of backtick runs in long paragraphs; it must find
/// exactly the spans of the byte-by-byte scan (which rescans the paragraph for every unmatched opener).
final class CodeSpanScannerTests: XCTestCase {
    /// The byte-by-byte scan the index replaced, which still serves short paragraphs.
    private func scanned(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { CodeSpanScanner.directSpans($0, in: range) }
    }

    func testRandomBackticksMatchTheByteScan() {
        var random = SeededGenerator(seed: 5)
        let pieces: [[UInt8]] = [[0x60], [0x60, 0x60], [0x60, 0x60, 0x60], [0x5C], [0x61], [0x20]]
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            // Short paragraphs take the direct scan, long ones (over 256 bytes) the index: both are checked.
            let count = round % 2 == 0 ? Int.random(in: 0..<40, using: &random) : Int.random(in: 200..<400, using: &random)
            for _ in 0..<count { bytes += pieces.randomElement(using: &random) ?? [] }
            let start = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            let end = Int.random(in: start...bytes.count, using: &random)
            XCTAssertEqual(CodeSpanScanner.spans(bytes, in: start..<end), scanned(bytes, in: start..<end), "\(bytes) \(start)..<\(end)")
        }
    }

    func testManyUnmatchedOpeners() {
        // Runs of 2, 3, 4, … backticks never closed, then a span: the index finds the same spans.
        var bytes: [UInt8] = []
        for length in 2...300 { bytes += Array(repeating: 0x60, count: length) + [0x61] }
        bytes += Array("`x`".utf8)
        let spans = CodeSpanScanner.spans(bytes, in: 0..<bytes.count)
        XCTAssertEqual(spans, scanned(bytes, in: 0..<bytes.count))
        XCTAssertEqual(spans.last, (bytes.count - 3)..<bytes.count)
    }
}
