import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTSyntax

/// The ID matcher skips text that lacks bytes every match needs; it finds exactly what the regular
/// expression alone finds.
final class IssueIDMatcherTests: XCTestCase {
    func testRequiredBytesOfAPattern() {
        // A run as text: a literal as itself, an atom of several bytes as the bracket of its bytes.
        func required(_ pattern: String, ignoreCase: Bool = false) -> String? {
            let run = RequiredBytes(pattern: pattern, ignoreCase: ignoreCase).run
            return run.isEmpty ? nil : run.map { atom in
                atom.count == 1 ? String(decoding: atom, as: UTF8.self) : "[" + String(decoding: atom, as: UTF8.self) + "]"
            }.joined()
        }
        XCTAssertEqual(required("[A-Z][A-Z0-9]*-WORK-[0-9]+"), "-WORK-[0123456789]")
        XCTAssertEqual(required("[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-[0-9]+(\\.[0-9]+)*"), "-[0123456789]",
                       "the default pattern: no fixed word, but a digit after a hyphen")
        XCTAssertEqual(required("[[:upper:]]+-[0-9]{3}"), "-")
        XCTAssertEqual(required("AB*C"), "A", "B may be absent: A and C are required apart")
        XCTAssertEqual(required("XY+Z"), "XY", "Y+ keeps XY and ends the run")
        XCTAssertEqual(required("X{2}Y"), "Y")
        XCTAssertEqual(required("[]A-]QQ[^]x]R"), "[]A-]QQ", "a bracket expression with `]` inside")
        XCTAssertEqual(required("(CTO|OPS)-[0-9]+"), "-[0123456789]", "a group is an atom of its own")
        XCTAssertNil(required("CTO-1|OPS-2"), "top-level alternation is not read")
        XCTAssertEqual(required("[A-Z]+\\.WORK[0-9]+"), "WORK[0123456789]", "an escape ends a run")
        XCTAssertEqual(required("A[-]B"), "A-B", "a bracket listing one byte is that byte")
        XCTAssertEqual(required("[0-9][0-9]x*AB"), "AB", "literals outweigh a longer run of brackets")
        XCTAssertEqual(required("[a-z]+-work-", ignoreCase: true), "-", "letters fold when case is ignored")
        XCTAssertNil(required("[A-Z]+[0-9]*"), "no plain character")
    }

    func testMatchesAreThoseOfTheRegularExpressionAlone() throws {
        var random = SeededGenerator(seed: 11)
        let alphabet = Array("AZ09-WORK -_`.QX\n")
        for pattern in ["[A-Z][A-Z0-9]*-WORK-[0-9]+", "[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-[0-9]+(\\.[0-9]+)*", "[A-Z]+-[0-9]+", "Q+X[0-9]*",
                        "W.R", "[[:upper:]]{2}-K?"] {
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

    func testTheDefaultPatternReadsCommonIDsAndNoNumbers() throws {
        let matcher = try ProfileLoader.defaultProfile().idMatcher
        func ids(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return matcher.matches(in: bytes, range: 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        for id in ["CTO-WORK-021", "PLAT-123", "BACK-222.1", "BACK-222.1.3", "X-1", "A1-B2-3"] {
            XCTAssertTrue(matcher.matchesWhole(id), id)
        }
        for text in ["2026", "v1.2", "task-1", "Plat-12", "PLAT-", "PLAT-x1", "-12", "1-2", "2026-07-01", "GPT-4o", "non-UTF-8"] {
            XCTAssertEqual(ids(text), [], text)
        }
        XCTAssertEqual(ids("see PLAT-12."), ["PLAT-12"], "a full stop ends the sentence, not the ID")
        XCTAssertEqual(ids("see BACK-222.1. Then BACK-3.x"), ["BACK-222.1", "BACK-3"])
        XCTAssertEqual(ids("(CTO-WORK-021, PLAT-7; `SHA-256`)"), ["CTO-WORK-021", "PLAT-7", "SHA-256"])
        XCTAssertEqual(ids("In 2026 we moved to ISO-8601 dates"), ["ISO-8601"], "years are never IDs")
    }
}
