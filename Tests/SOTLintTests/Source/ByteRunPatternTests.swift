import XCTest
@testable import SOTSource

/// Patterns that are one bracket expression repeated `{m,n}` times are searched natively; their matches
/// must be glibc's, match for match.
final class ByteRunPatternTests: XCTestCase {
    func testWhichPatternsHaveTheShape() {
        XCTAssertNotNil(ByteRunPattern("[A-Za-z0-9+/=_-]{20,200}", ignoreCase: false))
        XCTAssertNotNil(ByteRunPattern("[]a-]{1,3}", ignoreCase: false))
        for pattern in ["[^a]{1,2}", "[[:alnum:]]{1,2}", "[a]{2}", "[a]{0,2}", "[a]{3,2}", "[a]+", "[a]{1,2}x", "x[a]{1,2}",
                        "([a]{1,2})", "[\\\\a]{1,2}", "[a-]b]{1,2}", "[é]{1,2}", "[a]{1,}", "[a-Z]{1,2}", "[a-c-e]{1,2}"] {
            XCTAssertNil(ByteRunPattern(pattern, ignoreCase: false), pattern)
        }
    }

    func testTheNativeSearchFindsWhatGlibcFinds() throws {
        let patterns = ["[A-Za-z0-9+/=_-]{3,7}", "[a-c]{1,1}", "[]a-]{2,4}", "[-x]{1,3}", "[ab]{2,2}", "[A-C0-9]{2,5}"]
        let alphabet = Array("abcABCxyz019+/=_-]\n é".utf8) + [0x00, 0xFF, 0x80]
        var generator = SeededGenerator(seed: 5)
        for pattern in patterns {
            for ignoreCase in [false, true] {
                let regex = try POSIXRegex(pattern, ignoreCase: ignoreCase)
                XCTAssertNotNil(ByteRunPattern(pattern, ignoreCase: ignoreCase), pattern)
                for _ in 0..<300 {
                    let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                        alphabet[Int.random(in: alphabet.indices, using: &generator)]
                    }
                    let start = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
                    var native: [Range<Int>] = []
                    var glibc: [Range<Int>] = []
                    bytes.withUnsafeBufferPointer { buffer in
                        regex.forEachMatch(in: buffer, range: start..<buffer.count) { native.append($0[0]!); return true }
                        regex.forEachMatchOfCompiled(in: buffer, range: start..<buffer.count) { glibc.append($0[0]!); return true }
                    }
                    XCTAssertEqual(native, glibc, "\(pattern) ignoreCase \(ignoreCase) on \(bytes) from \(start)")
                }
            }
        }
    }
}
