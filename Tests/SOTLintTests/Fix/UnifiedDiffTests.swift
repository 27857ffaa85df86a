import XCTest
@testable import SOTFix

/// `UnifiedDiff`: lines split at LF bytes (CRLF files included), removals before additions, and a bounded
/// amount of work for large texts.
final class UnifiedDiffTests: XCTestCase {
    private func changed(_ diff: String) -> [String] {
        // Split at LF bytes: in Swift "\r\n" is one Character, which a split at "\n" would not cut.
        diff.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst(2)
            .map { String(decoding: $0, as: UTF8.self) }.filter { $0.hasPrefix("-") || $0.hasPrefix("+") }
    }

    func testACRLFFileIsDiffedLineByLine() {
        let before = Array("# T\r\n\r\nStatus: opne.\r\n\r\nend\r\n".utf8)
        let after = Array("# T\r\n\r\nStatus: open.\r\n\r\nend\r\n".utf8)
        let diff = UnifiedDiff.render(path: "a.md", before: before, after: after)
        XCTAssertEqual(changed(diff), ["-Status: opne.\r", "+Status: open.\r"], diff)
        XCTAssertTrue(diff.contains("@@ -1,5 +1,5 @@"), diff)
    }

    func testRemovedLinesComeBeforeAddedOnes() {
        let diff = UnifiedDiff.render(path: "a.md", before: Array("a\nb\nc\n".utf8), after: Array("a\nx\ny\nc\n".utf8))
        XCTAssertEqual(changed(diff), ["-b", "+x", "+y"], diff)
    }

    func testLargeDifferentMiddlesStayLinearAndCorrect() {
        // 3,000 lines replaced by 3,000 others between a common head and tail: past the table limit, the
        // middle is removed then added.
        let head = (0..<50).map { "head \($0)" }
        let tail = (0..<50).map { "tail \($0)" }
        let old = head + (0..<3_000).map { "old \($0)" } + tail
        let new = head + (0..<3_000).map { "new \($0)" } + tail
        XCTAssertGreaterThan(3_000 * 3_000, UnifiedDiff.tableLimit)
        let diff = UnifiedDiff.render(path: "a.md", before: Array((old.joined(separator: "\n") + "\n").utf8),
                                      after: Array((new.joined(separator: "\n") + "\n").utf8))
        let lines = changed(diff)
        XCTAssertEqual(lines.count, 6_000)
        XCTAssertEqual(lines.first, "-old 0")
        XCTAssertEqual(lines[3_000], "+new 0")
        XCTAssertFalse(lines.contains { $0.contains("head") || $0.contains("tail") })
    }
}
