import XCTest
@testable import SOTSource

/// The byte-wise shortcuts of the small text helpers give what the generic library calls give.
final class StringTextTests: XCTestCase {
    func testReplacingAllAgreesWithSplitAndJoin() {
        let alphabet: [Character] = ["a", "b", "{", "}", " ", "\n", "\r", "\r\n", "é", "e", "\u{301}", "↓"]
        var generator = SeededGenerator(seed: 3)
        func random(_ lengths: Range<Int>) -> String {
            String((0..<Int.random(in: lengths, using: &generator)).map { _ in alphabet[Int.random(in: alphabet.indices, using: &generator)] })
        }
        for _ in 0..<3_000 {
            let text = random(0..<24)
            let target = random(1..<4)
            let replacement = random(0..<3)
            XCTAssertEqual(text.replacingAll(target, with: replacement),
                           text.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement),
                           "\(text.debugDescription) \(target.debugDescription)")
        }
        XCTAssertEqual("status: active".replacingAll("active", with: "↓actve"), "status: ↓actve")
        XCTAssertEqual("aaa".replacingAll("aa", with: "b"), "ba")
    }

    func testContentHashDescriptionIsLowerCaseHex() {
        XCTAssertEqual(ContentHash(Array("abc".utf8)).description, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
