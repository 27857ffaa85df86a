import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// An ID defined k times gives k findings of bounded length, not k² places.
final class ManyDuplicatesTests: XCTestCase {
    func testEachDuplicateNamesFiveOthersAndCountsTheRest() throws {
        let section = "## CTO-WORK-001 - Same\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\n"
        let report = try RuleHarness.lint(ExampleText.sot(String(repeating: section, count: 8)))
        let found = report.diagnostics.filter { $0.rule == "issue-id-duplicate" }
        XCTAssertEqual(found.count, 8)
        XCTAssertEqual(found.first?.message, "issue `CTO-WORK-001` is defined more than once; also at plan.md:23, plan.md:31, "
                       + "plan.md:39, plan.md:47, plan.md:55 and 2 more")
        XCTAssertEqual(found.last?.message, "issue `CTO-WORK-001` is defined more than once; also at plan.md:15, plan.md:23, "
                       + "plan.md:31, plan.md:39, plan.md:47 and 2 more")
        let two = try RuleHarness.lint(ExampleText.sot(String(repeating: section, count: 2)))
        XCTAssertEqual(two.diagnostics.filter { $0.rule == "issue-id-duplicate" }.map(\.message),
                       ["issue `CTO-WORK-001` is defined more than once; also at plan.md:23",
                        "issue `CTO-WORK-001` is defined more than once; also at plan.md:15"])
    }
}
