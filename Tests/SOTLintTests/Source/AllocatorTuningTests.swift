import XCTest
@testable import SOTSource

/// The process-wide allocator setting the command line makes at start-up.
final class AllocatorTuningTests: XCTestCase {
    func testFastBinsTurnOffAndSmallBlocksStillRecycle() {
        #if canImport(Glibc)
        XCTAssertTrue(tuneAllocator(), "glibc accepts M_MXFAST = 0")
        #else
        XCTAssertFalse(tuneAllocator())
        #endif
        // Many small blocks of mixed sizes, freed in an interleaved order, then reused: contents intact.
        var kept: [[Int]] = []
        for round in 0..<50 {
            var blocks = (0..<1_000).map { size in [Int](repeating: round, count: size % 17 + 1) }
            blocks = blocks.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
            kept.append(blocks[round % blocks.count])
        }
        for (round, block) in kept.enumerated() {
            XCTAssertTrue(block.allSatisfy { $0 == round })
        }
    }
}
