import XCTest
@testable import SOTReport

/// SARIF artifact URIs: unreserved characters and `/` kept, every other byte %-encoded in upper case.
final class SARIFReporterTests: XCTestCase {
    func testURIEncodesEveryReservedByte() {
        XCTAssertEqual(SARIFReporter.uri("./area-00/doc_1.~md"), "./area-00/doc_1.~md")
        XCTAssertEqual(SARIFReporter.uri("dir with space/ü.md"), "dir%20with%20space/%C3%BC.md")
        XCTAssertEqual(SARIFReporter.uri("a%b#c?d\u{1}\u{7F}"), "a%25b%23c%3Fd%01%7F")
        XCTAssertEqual(SARIFReporter.uri(""), "")
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            let unreserved = character.first.map { $0.isLetter || $0.isNumber || "-._~/".contains($0) } ?? false
            let hex = String(byte, radix: 16, uppercase: true)
            let expected = unreserved ? character : "%" + (hex.count == 1 ? "0" + hex : hex)
            XCTAssertEqual(SARIFReporter.uri("x" + character), "x" + expected, "byte \(byte)")
        }
    }
}
