import XCTest
@testable import SOTSource

/// `git log -p` output read as it streams: hunk counts decide what a hunk line is, whatever it looks like.
final class PatchReaderTests: XCTestCase {
    private let patch = """
    \u{0}1111111111111111111111111111111111111111

    diff --git a/notes.md b/notes.md
    index 1..2 100644
    --- a/notes.md
    +++ b/notes.md
    @@ -3,3 +3,5 @@ heading
     kept
    -gone
    +++ b/looks-like-a-header
    +diff --git a/x b/x
    +@@ -1 +1 @@
     after
    @@ -20 +22 @@
    -old
    +new
    \\ No newline at end of file
    diff --git "a/we\\"ird \\303\\251.md" "b/we\\"ird \\303\\251.md"
    new file mode 100644
    --- /dev/null
    +++ "b/we\\"ird \\303\\251.md"
    @@ -0,0 +1 @@
    +first
    diff --git a/gone.md b/gone.md
    deleted file mode 100644
    --- a/gone.md
    +++ /dev/null
    @@ -1 +0,0 @@
    -bye
    \u{0}2222222222222222222222222222222222222222

    diff --git a/bin.png b/bin.png
    Binary files a/bin.png and b/bin.png differ

    """

    private func read(splitEvery size: Int) -> [AddedText] {
        var reader = PatchReader()
        var found: [AddedText] = []
        let bytes = Array(patch.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBufferPointer { reader.feed($0) { found.append($0) } }
            start = end
        }
        reader.finish { found.append($0) }
        XCTAssertEqual(reader.commits, 2)
        return found
    }

    func testAddedLinesWithTheirNumbersWhereverTheChunksBreak() {
        for size in [1, 2, 3, 7, 64, 100_000] {
            let found = read(splitEvery: size)
            XCTAssertEqual(found.map(\.path), ["notes.md", "we\"ird é.md"], "chunks of \(size)")
            XCTAssertEqual(found.map { String(decoding: $0.bytes, as: UTF8.self) },
                           ["kept\n++ b/looks-like-a-header\ndiff --git a/x b/x\n@@ -1 +1 @@\nafter\nnew", "first"])
            XCTAssertEqual(found.first?.lines, [3, 4, 5, 6, 7, 22])
            XCTAssertEqual(found.first?.added, [false, true, true, true, false, true])
            XCTAssertEqual(found.map(\.commit), ["1111111111111111111111111111111111111111", "1111111111111111111111111111111111111111"])
        }
    }

    func testHunkCounts() {
        XCTAssertEqual(PatchReader.hunkCounts(Array("@@ -12,3 +14,5 @@ func".utf8)[...]).map { [$0.newStart, $0.oldCount, $0.newCount] }, [14, 3, 5])
        XCTAssertEqual(PatchReader.hunkCounts(Array("@@ -12 +14 @@".utf8)[...]).map { [$0.newStart, $0.oldCount, $0.newCount] }, [14, 1, 1])
        XCTAssertEqual(PatchReader.hunkCounts(Array("@@ -0,0 +1,2 @@".utf8)[...]).map { [$0.newStart, $0.oldCount, $0.newCount] }, [1, 0, 2])
        XCTAssertNil(PatchReader.hunkCounts(Array("@@ -x +1 @@".utf8)[...]))
    }
}
