import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The directive reader shares scans among the directives of a line; every directive must read exactly as
/// `SecretAllowDirective.parse` reads it alone (detector, reason, range), on any bytes.
final class SecretAllowDirectiveReaderTests: XCTestCase {
    private func offsets(of marker: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard bytes.count >= marker.count else { return [] }
        return (0...(bytes.count - marker.count)).filter { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    func testRandomLinesReadAsAlone() {
        var random = SeededGenerator(seed: 17)
        let marker = Array(SecretAllowDirective.marker.utf8)
        let pieces: [[UInt8]] = [marker, marker, [0x20], [0x20], [0x09], Array("github-pat".utf8), Array("why".utf8),
                                 Array("-->".utf8), Array("*/".utf8), [0x2D], [0x2A], [0x0A], Array("é".utf8),
                                 [0x20, 0xCC, 0x81], [0xCC, 0x81], [0xD8, 0x80], [0xFF], [0xE2, 0x80], [0x80], Array("日".utf8)]
        var compared = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1..<30, using: &random) { bytes += pieces.randomElement(using: &random) ?? [] }
            let source = SourceText(path: "a.md", bytes: bytes)
            var reader = SecretAllowDirectiveReader(source: source)
            for offset in offsets(of: marker, in: bytes) {
                let read = reader.directive(at: offset)
                let alone = SecretAllowDirective.parse(source, offset: offset, line: source.line(ofByte: offset))
                XCTAssertEqual(read.detector, alone.detector, "\(bytes) at \(offset)")
                XCTAssertEqual(read.hasReason, alone.hasReason, "\(bytes) at \(offset)")
                XCTAssertEqual(read.range, alone.range, "\(bytes) at \(offset)")
                XCTAssertEqual(read.line, alone.line)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 2_000)
    }

    func testInvalidUTF8AfterTheMarkerStaysOnTheLine() throws {
        // The decoded text is longer than its bytes; its end used to run past the end of the file (a crash).
        let bytes = Array("sot-lint-allow-secret ".utf8) + [0xFF, 0xFF, 0xFF]
        let source = SourceText(path: "a.md", bytes: bytes)
        XCTAssertEqual(SecretAllowDirective.parse(source, offset: 0, line: 1).range, 0..<bytes.count)
        var reader = SecretAllowDirectiveReader(source: source)
        XCTAssertEqual(reader.directive(at: 0).range, 0..<bytes.count)
    }

    func testManyDirectivesOnOneLine() throws {
        // 20,000 directives on one line took minutes: each copied and split the rest of the line.
        let text = String(repeating: "sot-lint-allow-secret github-pat some reason ", count: 20_000) + "\n"
        let report = try SecretFinder(catalog: SecretCatalog.builtIn.get(), allowances: []).scan(SourceText(path: "a.md", text: text), markdown: true)
        XCTAssertEqual(report.unusedDirectives.count, 20_000)
        XCTAssertEqual(report.unusedDirectives.last?.range.end.column, 20_000 * 45)
    }
}
