import XCTest
@testable import SOTSource

/// `precedesInBytes` is UTF-8 byte order, as `utf8.lexicographicallyPrecedes` defines it.
final class ByteOrderTests: XCTestCase {
    func testAgreesWithTheUTF8ViewOrder() {
        let words = ["", "a", "A", "ab", "a b", "CTO-WORK-10", "CTO-WORK-9", "ü", "u\u{308}", "é.md", "e.md", "🙂", "z", "za", "a/b.md", "a-b.md"]
        for left in words {
            for right in words {
                XCTAssertEqual(left.precedesInBytes(right), left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
            }
        }
    }
}
