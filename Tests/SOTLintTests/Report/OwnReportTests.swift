import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine
@testable import SOTReport

/// Every report sot-lint writes is recognised as its own by how it begins, with findings and without,
/// so that a report written into a checkout is never linted; other files that look alike are not.
final class OwnReportTests: XCTestCase {
    private func bytes(_ reporter: any Reporter, _ report: LintReport) -> [UInt8] {
        var bytes: [UInt8] = []
        reporter.write(report) { bytes.append(contentsOf: $0) }
        return bytes
    }

    func testEveryMachineFormatIsRecognised() {
        let finding = Diagnostic(path: "plan.md", range: SourceRange(line: 3, column: 1, endLine: 3, endColumn: 5), severity: .warning,
                                 rule: "field-label-unknown", message: "field label `Evidance:` is not known")
        let error = Diagnostic(path: "plan.md", range: SourceRange(line: 4, column: 1, endLine: 4, endColumn: 5), severity: .error,
                               rule: "status-unknown", message: "status `x` is not in the vocabulary")
        let info = Diagnostic(path: "plan.md", range: SourceRange(line: 5, column: 1, endLine: 5, endColumn: 5), severity: .info,
                              rule: "review-stale", message: "last reviewed long ago")
        let reporters: [(String, any Reporter)] = [
            ("json", JSONReporter()), ("junit", JUnitReporter()),
            ("sarif", SARIFReporter(version: SOTLintVersion.current, rules: RuleSet.builtIn.rules.map(\.metadata))),
        ]
        for diagnostics in [[], [finding], [error, finding, info]] {
            let report = LintReport(diagnostics: diagnostics, fileCount: 1)
            for (name, reporter) in reporters {
                XCTAssertTrue(OwnReport.isOwnReport(bytes(reporter, report)), "\(name) with \(diagnostics.count) findings")
            }
            // GitHub annotations have no header: a report with findings begins with one.
            if !diagnostics.isEmpty {
                XCTAssertTrue(OwnReport.isOwnReport(bytes(GitHubReporter(), report)), "github with \(diagnostics.count) findings")
            }
        }
    }

    func testABaselineIsRecognised() {
        for baseline in [Baseline(), Baseline([Baseline.key(rule: "status-unknown", path: "plan.md", issue: "CTO-WORK-001", message: "m")])] {
            XCTAssertTrue(OwnReport.isOwnReport(baseline.encoded()))
        }
    }

    func testOtherFilesAreNotTakenForReports() {
        for text in ["{\"version\": 1}\n", "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n \"version\": \"2.1.0\",\n \"runs\": [\n  {\"tool\": {\"driver\": {\"name\": \"gitleaks\", ",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pytest\" ", "# ::error file= in prose\n", ""] {
            XCTAssertFalse(OwnReport.isOwnReport(Array(text.utf8)), text)
        }
    }
}
