import XCTest
import CCmark
@testable import SOTSource
@testable import SOTSyntax

/// cmark's memory during a parse comes from a per-thread arena: blocks are zeroed when asked, grow in
/// place or move with their bytes, large blocks live on their own, and parses of any size come out whole.
final class CmarkArenaTests: XCTestCase {
    private var memory: cmark_mem { CmarkArena.allocator.pointee }

    func testBlocksAreZeroedAlignedAndKeepTheirBytesWhenTheyGrow() throws {
        CmarkArena.withArena {
            let first = memory.calloc(3, 10)!
            XCTAssertEqual(Int(bitPattern: first) % 8, 0)
            XCTAssertTrue(UnsafeRawBufferPointer(start: first, count: 30).allSatisfy { $0 == 0 })
            memset(first, 0x41, 30)
            // The latest block grows in place.
            let grown = memory.realloc(first, 100)!
            XCTAssertEqual(grown, first)
            XCTAssertTrue(UnsafeRawBufferPointer(start: grown, count: 30).allSatisfy { $0 == 0x41 })
            // A block that is no longer the latest moves, with its bytes.
            let other = memory.calloc(1, 8)!
            XCTAssertNotEqual(other, grown)
            let moved = memory.realloc(grown, 200)!
            XCTAssertNotEqual(moved, grown)
            XCTAssertTrue(UnsafeRawBufferPointer(start: moved, count: 30).allSatisfy { $0 == 0x41 })
            // Small blocks are never freed one by one; freeing them is allowed.
            memory.free(moved)
            memory.free(other)
            memory.free(nil)
            XCTAssertNotNil(memory.realloc(nil, 16), "realloc of nothing allocates")
        }
    }

    func testLargeBlocksAndManyChunks() {
        CmarkArena.withArena {
            // Past 16 KB a block is allocated on its own, grows with realloc and is freed when cmark frees it.
            let large = memory.calloc(1, CmarkArena.largeSize)!
            XCTAssertTrue(UnsafeRawBufferPointer(start: large, count: CmarkArena.largeSize).allSatisfy { $0 == 0 })
            memset(large, 0x42, CmarkArena.largeSize)
            let larger = memory.realloc(large, 4 * CmarkArena.largeSize)!
            XCTAssertTrue(UnsafeRawBufferPointer(start: larger, count: CmarkArena.largeSize).allSatisfy { $0 == 0x42 })
            memory.free(larger)
            // A small block that grows past 16 KB moves to a large one, bytes kept.
            let small = memory.calloc(1, 64)!
            memset(small, 0x43, 64)
            let promoted = memory.realloc(small, 2 * CmarkArena.largeSize)!
            XCTAssertTrue(UnsafeRawBufferPointer(start: promoted, count: 64).allSatisfy { $0 == 0x43 })
            memory.free(promoted)
            // Many blocks fill several chunks; every one keeps its own bytes.
            var blocks: [UnsafeMutableRawPointer] = []
            for index in 0..<2_000 {
                let block = memory.calloc(1, 100)!
                memset(block, Int32(index % 251), 100)
                blocks.append(block)
            }
            for (index, block) in blocks.enumerated() {
                XCTAssertTrue(UnsafeRawBufferPointer(start: block, count: 100).allSatisfy { Int($0) == index % 251 })
            }
        }
        XCTAssertNil(memory.calloc(Int.max, 2), "a size that overflows is refused")
    }

    func testParsesOfEverySizeComeOutWhole() {
        // Sections, lists and a paragraph longer than a chunk; the same text parsed twice (the arena is
        // reused) and on several threads at once gives the same blocks.
        var text = "# Title\n\n"
        for index in 0..<300 {
            text += "## CTO-WORK-\(index) - Item \(index)\n\nStatus: open\n\nAcceptance:\n- one `code` [link](x)\n- two\n\n"
        }
        text += "## Long\n\n" + String(repeating: "word ", count: 40_000) + "\n"
        let source = SourceText(path: "big.md", bytes: Array(text.utf8))
        let once = MarkdownParser.parse(source, fromLine: 1)
        XCTAssertEqual(once.children.filter { if case .heading = $0.kind { return true } else { return false } }.count, 302)
        XCTAssertEqual(once.children.last?.text.count, 40_000 * 5 - 1)
        let expected = String(describing: once)
        XCTAssertEqual(String(describing: MarkdownParser.parse(source, fromLine: 1)), expected)
        let results = ParallelResults<String>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { results.set($0, String(describing: MarkdownParser.parse(source, fromLine: 1))) }
        for result in results.values { XCTAssertEqual(result, expected) }
    }
}
