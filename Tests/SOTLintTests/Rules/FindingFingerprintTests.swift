import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules

/// Fingerprints follow a finding, not its line: numbers outside words and IDs are masked, paths lose
/// their leading `./`, and equal findings of one report are numbered.
final class FindingFingerprintTests: XCTestCase {
    private func diagnostic(_ path: String, line: Int, _ rule: String, _ message: String) -> Diagnostic {
        Diagnostic(path: path, range: SourceRange(line: line, column: 1, endLine: line, endColumn: 4), severity: .error, rule: rule, message: message)
    }

    func testNormalisedMessagesKeepIDsAndMaskPositionsAndCounts() {
        XCTAssertEqual(FindingFingerprint.normalized("issue `CTO-WORK-021` is defined more than once; also at b.md:12, c.md:7 and 3 more"),
                       "issue `CTO-WORK-021` is defined more than once; also at b.md:#, c.md:# and # more")
        XCTAssertEqual(FindingFingerprint.normalized("last reviewed 182 days ago (2026-05-31)"), "last reviewed # days ago (#-05-31)")
        XCTAssertEqual(FindingFingerprint.normalized("A → B → … (100000 issues) … → A"), "A → B → … (# issues) … → A")
        XCTAssertEqual(FindingFingerprint.normalized("x2 v1.2 é3"), "x2 v1.# é3")
    }

    func testRepositoryPaths() {
        XCTAssertEqual(FindingFingerprint.repositoryPath("./docs/a.md"), "docs/a.md")
        XCTAssertEqual(FindingFingerprint.repositoryPath("././/a.md"), "a.md")
        XCTAssertEqual(FindingFingerprint.repositoryPath("docs/./a.md"), "docs/./a.md")
        XCTAssertEqual(FindingFingerprint.repositoryPath("../a.md"), "../a.md")
        XCTAssertEqual(FindingFingerprint.repositoryPath("./"), "./")
    }

    func testFingerprintsIgnoreLinesAndLeadingDotSlashButNotRulesPathsOrIDs() {
        let base = FindingFingerprint.of([diagnostic("a.md", line: 3, "reference-unresolved", "`CTO-WORK-404` is not defined")])[0]
        XCTAssertEqual(base.count, 32)
        XCTAssertEqual(FindingFingerprint.of([diagnostic("./a.md", line: 90, "reference-unresolved", "`CTO-WORK-404` is not defined")])[0], base)
        XCTAssertNotEqual(FindingFingerprint.of([diagnostic("a.md", line: 3, "reference-unresolved", "`CTO-WORK-405` is not defined")])[0], base)
        XCTAssertNotEqual(FindingFingerprint.of([diagnostic("b.md", line: 3, "reference-unresolved", "`CTO-WORK-404` is not defined")])[0], base)
        XCTAssertNotEqual(FindingFingerprint.of([diagnostic("a.md", line: 3, "status-unknown", "`CTO-WORK-404` is not defined")])[0], base)
        // The same finding twice in one file: numbered in report order.
        let twice = FindingFingerprint.of([diagnostic("a.md", line: 3, "r", "m"), diagnostic("a.md", line: 9, "r", "m")])
        XCTAssertNotEqual(twice[0], twice[1])
        XCTAssertEqual(twice[0], FindingFingerprint.of([diagnostic("a.md", line: 5, "r", "m")])[0])
    }
}
