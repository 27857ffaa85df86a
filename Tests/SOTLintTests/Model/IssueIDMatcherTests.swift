import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTSyntax

/// The ID matcher skips text that lacks bytes every match needs; it finds exactly what the regular
/// expression alone finds.
final class IssueIDMatcherTests: XCTestCase {
    func testRequiredBytesOfAPattern() {
        func required(_ pattern: String) -> String? {
            let run = RequiredBytes(pattern: pattern, ignoreCase: false).run
            return run.isEmpty ? nil : String(decoding: run, as: UTF8.self)
        }
        XCTAssertEqual(required("[A-Z][A-Z0-9]*-WORK-[0-9]+"), "-WORK-")
        XCTAssertEqual(required("[[:upper:]]+-[0-9]{3}"), "-")
        XCTAssertEqual(required("AB*C"), "A", "B may be absent: A and C are required apart")
        XCTAssertEqual(required("XY+Z"), "XY", "Y+ keeps XY and ends the run")
        XCTAssertEqual(required("X{2}Y"), "Y")
        XCTAssertEqual(required("[]A-]QQ[^]x]R"), "QQ", "a bracket expression with `]` inside")
        XCTAssertEqual(required("(CTO|OPS)-[0-9]+"), "-", "a group is an atom of its own")
        XCTAssertNil(required("CTO-1|OPS-2"), "top-level alternation is not read")
        XCTAssertEqual(required("[A-Z]+\\.WORK[0-9]+"), "WORK", "an escape ends a run")
        XCTAssertEqual(required("A[-]B"), "A-B", "a bracket listing one byte is that byte")
        XCTAssertEqual(RequiredBytes(pattern: "[a-z]+-work-", ignoreCase: true).run, Array("-".utf8), "letters fold when case is ignored")
        XCTAssertNil(required("[A-Z]+[0-9]*"), "no plain character")
    }

    func testMatchesAreThoseOfTheRegularExpressionAlone() throws {
        var random = SeededGenerator(seed: 11)
        let alphabet = Array("AZ09-WORK -_`.QX\n")
        for pattern in ["[A-Z][A-Z0-9]*-WORK-[0-9]+", "[A-Z]+-[0-9]+", "Q+X[0-9]*", "W.R", "[[:upper:]]{2}-K?"] {
            let matcher = try IssueIDMatcher(pattern: pattern)
            let plain = try POSIXRegex(pattern)
            for _ in 0..<400 {
                let text = Array(String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "A" }).utf8)
                let lower = Int.random(in: 0...text.count, using: &random)
                let range = lower..<Int.random(in: lower...text.count, using: &random)
                var expected: [Range<Int>] = []
                plain.forEachMatch(in: text, range: range) { groups in
                    if let match = groups[0], IssueIDMatcher.isWholeID(match, in: text, range: range) { expected.append(match) }
                    return true
                }
                XCTAssertEqual(matcher.matches(in: text, range: range), expected, "\(pattern) in \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
