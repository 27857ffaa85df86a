import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// 100,000 front matter keys were quadratic (each key searched among all scanned ones); the entries must
/// stay exactly as before: every key in order, a repeated key kept with its own raw value.
final class FrontMatterManyKeysTests: XCTestCase {
    func testManyKeysWithRepeats() {
        let count = 20_000
        var text = "---\n"
        // Every 1,000th key repeats an earlier one.
        let keys = (0..<count).map { $0 % 1_000 == 999 ? "key\($0 - 500)" : "key\($0)" }
        for (number, key) in keys.enumerated() { text += "\(key): v\(number)\n" }
        text += "---\n"
        let front = FrontMatterParser.parse(SourceText(path: "a.md", text: text))
        guard case .mapping(let entries, 1, _) = front else { return XCTFail("\(front)") }
        XCTAssertEqual(entries.map(\.key), keys)
        XCTAssertEqual(entries.map(\.value), (0..<count).map { "v\($0)" })
        XCTAssertEqual(entries.map(\.lines.lowerBound), Array(2..<(count + 2)))
        XCTAssertEqual(front["key499"]?.value, "v499", "the first of a repeated key")

        let scan = FrontMatterKeyScanner.scan(SourceText(path: "a.md", text: text), lines: 2..<(count + 2))
        XCTAssertEqual(scan.entries.filter(\.isDuplicate).map(\.key), (0..<count).filter { $0 % 1_000 == 999 }.map { keys[$0] })
        XCTAssertEqual(scan.duplicateLineRanges.count, count / 1_000)
    }
}
