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

    /// The packed-prefix sort agrees with a stable sort by the UTF-8 view, also for equal strings, zero
    /// bytes, long shared prefixes and non-ASCII text.
    func testIndicesInByteOrderIsAStableSortByTheUTF8View() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["", "\u{0}", "a", "A", "-", "0", "9", "CTO-WORK-", "ü", "u\u{308}", "🙂", "0123456789abcdef", "x"]
        for _ in 0..<200 {
            let strings = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in
                (0..<Int.random(in: 0..<5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            }
            let expected = strings.indices.sorted { left, right in
                if strings[left].utf8.elementsEqual(strings[right].utf8) { return left < right }
                return strings[left].utf8.lexicographicallyPrecedes(strings[right].utf8)
            }
            XCTAssertEqual(strings.indicesInByteOrder(), expected, "\(strings)")
            XCTAssertEqual(strings.map { Array($0.utf8) }.indicesInByteOrder(), expected, "\(strings) as bytes")
        }
    }
}
