import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

final class ByteSearchTests: XCTestCase {
    func testContains() {
        let bytes = Array("lifecycle_classification: sot".utf8)
        XCTAssertTrue(ByteSearch.contains(bytes, Array("classification".utf8)))
        XCTAssertTrue(ByteSearch.contains(bytes, Array("sot".utf8)), "at the very end")
        XCTAssertFalse(ByteSearch.contains(bytes, Array("sotx".utf8)))
        XCTAssertFalse(ByteSearch.contains(Array("ab".utf8), Array("abc".utf8)))
        XCTAssertTrue(ByteSearch.contains(bytes, []))
    }

    func testIgnoringASCIICase() {
        let text = Array("Keeps `X` BLOCKED".utf8)
        XCTAssertTrue(ByteSearch.contains(text, Array("blocked".utf8), ignoringASCIICase: true))
        XCTAssertFalse(ByteSearch.contains(text, Array("blocked".utf8)))
        XCTAssertTrue(ByteSearch.contains(text[6...], Array("`x`".utf8), ignoringASCIICase: true), "slices keep their indices")
    }
}
