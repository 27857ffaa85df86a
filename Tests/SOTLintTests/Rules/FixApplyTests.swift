import XCTest
@testable import SOTSource
@testable import SOTRules

/// Applying fixes: which are taken when edits collide, and what the file becomes — checked against a
/// plain pairwise reference on random edits, and on many fixes in one file.
final class FixApplyTests: XCTestCase {
    private let source = SourceText(path: "doc.md", bytes: Array("0123456789abcdefghij\n".utf8))

    private func fix(_ edits: [(Range<Int>, String)]) -> Fix {
        Fix("fix", edits.map { TextEdit($0.0, in: source, with: $0.1) })
    }

    /// The rules, said pairwise: what `applying` must agree with.
    private func reference(_ fixes: [Fix], _ bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        func conflict(_ edit: Range<Int>, _ taken: Range<Int>) -> Bool {
            switch (edit.isEmpty, taken.isEmpty) {
            case (false, false): return edit.overlaps(taken)
            case (true, true): return edit.lowerBound == taken.lowerBound
            case (true, false): return edit.lowerBound > taken.lowerBound && edit.lowerBound < taken.upperBound
            case (false, true): return taken.lowerBound > edit.lowerBound && taken.lowerBound < edit.upperBound
            }
        }
        var taken: [TextEdit] = []
        var applied = 0
        for fix in fixes {
            let own = fix.edits.enumerated().contains { index, edit in fix.edits[(index + 1)...].contains { conflict(edit.range, $0.range) } }
            let clash = own || fix.edits.contains { edit in
                edit.range.upperBound > bytes.count || taken.contains { conflict(edit.range, $0.range) }
                    || (edit.range.isEmpty && edit.range.lowerBound > 0 && edit.range.lowerBound < bytes.count
                        && taken.contains { $0.range.contains(edit.range.lowerBound - 1) }
                        && taken.contains { $0.range.contains(edit.range.lowerBound) })
            }
            guard !clash else { continue }
            taken += fix.edits
            applied += 1
        }
        var result = bytes
        for edit in taken.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return (result, applied)
    }

    func testCollisionsAreLeftForALaterPass() {
        let bytes = source.bytes
        let fixes = [fix([(2..<5, "X")]), fix([(4..<6, "Y")]), fix([(3..<3, "I")]), fix([(5..<5, "J")]), fix([(5..<5, "K")]),
                     fix([(8..<9, "Z"), (1..<2, "W")]), fix([(15..<15, "P"), (15..<16, "Q")])]
        let (result, applied) = Fix.applying(fixes, to: bytes)
        XCTAssertEqual(applied, 4, "the first replacement, one insertion at 5, the two-edit fix, and the insertion then replacement at 15")
        XCTAssertEqual(String(decoding: result, as: UTF8.self), "0WXJ567Z9abcdePQghij\n")
        XCTAssertEqual(Fix.applying([fix([(18..<40, "out of the file")])], to: bytes).applied, 0)
        XCTAssertEqual(Fix.applying([fix([(2..<6, "A"), (4..<5, "B")])], to: bytes).applied, 0, "a fix whose own edits collide")
    }

    func testRandomEditsAgreeWithThePairwiseRules() {
        var random = SeededGenerator(seed: 10)
        for _ in 0..<300 {
            let bytes = source.bytes
            let fixes = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                fix((0..<Int.random(in: 1...3, using: &random)).map { _ in
                    let start = Int.random(in: 0...bytes.count, using: &random)
                    let end = min(bytes.count + 1, start + Int.random(in: 0...4, using: &random))
                    return (start..<end, String(repeating: "x", count: Int.random(in: 0...2, using: &random)))
                })
            }
            let (result, applied) = Fix.applying(fixes, to: bytes)
            let expected = reference(fixes, bytes)
            XCTAssertEqual(applied, expected.applied, "\(fixes.map { $0.edits.map(\.range) })")
            XCTAssertEqual(result, expected.bytes, "\(fixes.map { $0.edits.map(\.range) })")
        }
    }

    func testManyFixesInOneFile() {
        // 200,000 one-byte fixes and as many colliding ones: each is looked at in O(log n), not against every fix taken.
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let text = SourceText(path: "big.md", bytes: bytes)
        let fixes = (0..<200_000).map { Fix("f", [TextEdit($0..<($0 + 1), in: text, with: "b")]) }
            + (0..<200_000).map { Fix("g", [TextEdit($0..<($0 + 1), in: text, with: "c")]) }
        let (result, applied) = Fix.applying(fixes, to: bytes)
        XCTAssertEqual(applied, 200_000)
        XCTAssertEqual(result, [UInt8](repeating: UInt8(ascii: "b"), count: 200_000))
    }
}
