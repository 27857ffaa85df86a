import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// Aliases expanding to more than 100,000 nodes are refused before Yams or the profile decoder expand
/// them: a configuration error for `.sot-lint.yml`, an invalid-YAML front matter at the alias otherwise.
final class YAMLAliasBudgetTests: XCTestCase {
    /// Nine levels of nine aliases: 9^9 (387 million) scalars once expanded.
    private let laughs: String = {
        var lines = ["a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testCountsTheExpansionBottomUp() {
        // b holds 3 copies of a (4 nodes each): 12 nodes; c holds 2 copies of b (13 nodes each): 26 more.
        XCTAssertNil(YAMLAliasBudget.excess(in: "a: &a [x, y, z]\nb: &b [*a, *a, *a]\nc: [*b, *b]\n"))
        var sizes = AnchorSizes()
        sizes.open(anchor: nil)
        sizes.open(anchor: "a"); sizes.leaf(anchor: nil); sizes.leaf(anchor: nil); sizes.leaf(anchor: nil); sizes.close()
        sizes.open(anchor: "b"); sizes.alias("a"); sizes.alias("a"); sizes.alias("a"); sizes.close()
        sizes.open(anchor: nil); sizes.alias("b"); sizes.alias("b"); sizes.close()
        XCTAssertEqual(sizes.expanded, 12 + 26)
    }

    func testBillionLaughsIsRefusedAtTheAliasThatPassesTheLimit() throws {
        let excess = try XCTUnwrap(YAMLAliasBudget.excess(in: laughs))
        XCTAssertEqual(excess.message, "YAML aliases expand to more than 100000 nodes")
        // Lines b…e expand to 74,718 nodes in all; f's first alias (an `e`, 66,430 nodes) passes the limit.
        XCTAssertEqual(excess.line, 6)
        XCTAssertEqual(excess.column, 8)
    }

    func testConfigurationIsAConfigurationError() {
        XCTAssertThrowsError(try ProfileLoader.load(configText: laughs, configPath: ".sot-lint.yml")) { error in
            XCTAssertEqual("\(error)", ".sot-lint.yml: invalid configuration: line 6: YAML aliases expand to more than 100000 nodes")
        }
    }

    func testAliasAsMappingKeyIsRefusedToo() throws {
        // Yams hashes every key while composing: a key aliasing a huge node would cost its expansion there.
        let fiveLevels = laughs.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        XCTAssertNil(YAMLAliasBudget.excess(in: fiveLevels), "74,718 nodes")
        let excess = try XCTUnwrap(YAMLAliasBudget.excess(in: fiveLevels + "? *e\n: x\n"))
        XCTAssertEqual(excess.line, 6)
    }

    func testFrontMatterIsInvalidYAMLAtTheAlias() {
        let text = "---\ntitle: T\n" + laughs + "---\n# T\n"
        let front = FrontMatterParser.parse(SourceText(path: "a.md", text: text))
        guard case .invalid(let error, 1, _) = front else { return XCTFail("\(front)") }
        XCTAssertEqual(error.message, "YAML aliases expand to more than 100000 nodes")
        XCTAssertEqual(error.position, SourcePosition(line: 8, column: 8), "f's line: the 7th of the YAML, which starts on line 2")
    }

    func testSmallAliasesStillWork() throws {
        let front = FrontMatterParser.parse(SourceText(path: "a.md", text: "---\nowner: &o jp\nlead: *o\n---\n"))
        XCTAssertEqual(front.entries.map(\.value), ["jp", "jp"])
        let profile = try ProfileLoader.load(configText: "fields: &f [Status, Acceptance, Risks]\n", configPath: ".sot-lint.yml")
        XCTAssertEqual(profile.fields, ["Status", "Acceptance", "Risks"])
    }
}
