import XCTest
@testable import SOTSource
@testable import SOTRules
@testable import SOTEngine

/// `disable` regions end at the first `enable` that names one of their rules (or no rule at all), however
/// many regions are open: an `enable` closes only its own, each region once.
final class SuppressionRegionsTests: XCTestCase {
    private func issue(_ number: Int, status: String) -> String {
        "## CTO-WORK-\(String(format: "%03d", number)) - Issue \(number)\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n\n"
    }

    private func statusFindings(_ body: String) throws -> [Int] {
        try RuleHarness.lint(ExampleText.sot(body)).diagnostics.filter { $0.rule == "status-unknown" }.map(\.range.start.line)
    }

    func testEnableOfAnotherRuleLeavesManyOpenRegionsOpen() throws {
        let opened = String(repeating: "<!-- sot-lint-disable status-unknown -->\n\n", count: 2_000)
        let unrelated = String(repeating: "<!-- sot-lint-enable field-label-unknown -->\n\n", count: 2_000)
        XCTAssertEqual(try statusFindings(opened + unrelated + issue(1, status: "opne")), [])
        let all = "<!-- sot-lint-enable -->\n\n"
        let report = try RuleHarness.lint(ExampleText.sot(opened + unrelated + all + issue(1, status: "opne")))
        XCTAssertEqual(report.diagnostics.filter { $0.rule == "status-unknown" }.count, 1, "enable without rules closes them all")
        XCTAssertEqual(report.diagnostics.filter { $0.rule == "suppression-unused" }.count, 2_000,
                       "every disable suppressed nothing (enable directives are never reported)")
    }

    func testEnableClosesRegionsNamingItsRuleOrEveryRule() throws {
        let body = "<!-- sot-lint-disable status-unknown field-label-unknown -->\n\n" + issue(1, status: "opne")
            + "<!-- sot-lint-enable field-label-unknown -->\n\n" + issue(2, status: "opne")
            + "<!-- sot-lint-disable -->\n\n" + issue(3, status: "opne")
            + "<!-- sot-lint-enable status-unknown -->\n\n" + issue(4, status: "opne")
        let lines = try statusFindings(body)
        XCTAssertEqual(lines.count, 2, "issue 1 is suppressed; issue 3 is suppressed; 2 and 4 are not: \(lines)")
    }
}
