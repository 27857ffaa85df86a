import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The engine end to end in-process: workspaces, discovery, suppressions.
final class LinterTests: XCTestCase {
    private func plan(_ id: String, status: String = "open", body: String = "", title: String = "Plan") -> String {
        ExampleText.companion(title: title, "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n\(body)")
    }

    func testGitignoredDocumentsAreNeitherLintedNorInTheWorkspace() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", body: "- Needs `CTO-WORK-002`.")),
            ("build/b.md", plan("CTO-WORK-002", status: "bad", title: "B")),
            (".gitignore", "build/\n"),
        ])
        try FileManager.default.createDirectory(atPath: workspace.path + "/.git", withIntermediateDirectories: true)
        let report = try workspace.lint()
        XCTAssertEqual(report.fileCount, 3, "a.md, .gitignore and .sot-lint.yml (secret scan); not build/b.md")
        XCTAssertEqual(report.diagnostics.map(\.rule), ["reference-unresolved"])
    }

    func testNestedProjectRootsAreSeparateWorkspaces() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001")),
            ("sub/.sot-lint.yml", "# own root\n"),
            ("sub/b.md", plan("CTO-WORK-001", title: "B")),
        ])
        let report = try workspace.lint()
        XCTAssertEqual(report.fileCount, 4, "two documents and two .sot-lint.yml files")
        XCTAssertEqual(report.diagnostics, [], "the same ID in two projects is no duplicate")
    }

    func testIncludeAndExclude() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("plans/a.md", plan("CTO-WORK-001", status: "bad")),
            ("archive/b.md", plan("CTO-WORK-002", status: "bad", title: "B")),
        ], config: "exclude: [\"archive/**\"]\n")
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map(\.path), [workspace.path + "/plans/a.md"])
    }

    func testDisableEnableAndNextLine() throws {
        let body = """

        <!-- sot-lint-disable reference-unresolved -->

        - Mentions CTO-WORK-404.

        <!-- sot-lint-enable reference-unresolved -->

        - Mentions CTO-WORK-405.

        <!-- sot-lint-disable-next-line -->
        - Mentions CTO-WORK-406.
        """
        let workspace = try TemporaryWorkspace(files: [("a.md", plan("CTO-WORK-001", body: body))])
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map(\.rule), ["reference-unresolved"])
        XCTAssertEqual(report.diagnostics.first?.range.start.line, 29, "CTO-WORK-405, after the enable")
    }

    func testUnusedDirectivesAreReported() throws {
        let body = "\n<!-- sot-lint-disable status-unknown -->\n"
        let workspace = try TemporaryWorkspace(files: [("a.md", plan("CTO-WORK-001", body: body))])
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map(\.rule), ["suppression-unused"])
        XCTAssertEqual(report.diagnostics.first?.severity, .warning)
    }

    func testSeverityOverridesAndOff() throws {
        let workspace = try TemporaryWorkspace(files: [("a.md", plan("CTO-WORK-001", status: "bad"))],
                                               config: "rules:\n  status-unknown: warning\n")
        XCTAssertEqual(try workspace.lint().diagnostics.map(\.severity), [.warning])
        let off = try TemporaryWorkspace(files: [("a.md", plan("CTO-WORK-001", status: "bad"))],
                                         config: "rules:\n  status-unknown: off\n")
        XCTAssertEqual(try off.lint().diagnostics, [])
    }

    func testFindingsInOtherDocumentsAreNotReportedForASingleFile() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", body: "- Keeps `CTO-WORK-002` blocked until later.")),
            ("b.md", plan("CTO-WORK-002", title: "B")),
        ])
        XCTAssertEqual(try workspace.lint(["a.md"]).diagnostics, [])
        let onB = try workspace.lint(["b.md"]).diagnostics
        XCTAssertEqual(onB.map(\.rule), ["invariant-keeps-blocked"])
        XCTAssertEqual(try workspace.lint().diagnostics, onB, "the folder run gives the same verdict")
    }

    func testEncodingProblemsAreFindingsNotCrashes() throws {
        let workspace = try TemporaryWorkspace(files: [])
        try workspace.write("bad.md", bytes: Array("# Title\n\nok\n".utf8) + [0xFF, 0xFE, 0x00] + Array("\n".utf8))
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map(\.rule), ["encoding-invalid"])
        XCTAssertEqual(report.diagnostics.first?.range.start, SourcePosition(line: 4, column: 1))
    }
}

/// Regressions found by reviewing fixtures.
final class LinterRegressionTests: XCTestCase {
    private func issue(_ id: String, status: String, blockers: [String]) -> String {
        "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n"
            + (blockers.isEmpty ? "" : "\nBlocked by:\n\n" + blockers.map { "- `\($0)` first.\n" }.joined())
    }

    func testEachCycleFindingNamesTheCycleItsEdgeCloses() throws {
        let body = issue("CTO-WORK-001", status: "blocked", blockers: ["CTO-WORK-002", "CTO-WORK-003"]) + "\n"
            + issue("CTO-WORK-002", status: "blocked", blockers: ["CTO-WORK-001"]) + "\n"
            + issue("CTO-WORK-003", status: "blocked", blockers: ["CTO-WORK-003", "CTO-WORK-001"])
        let workspace = try TemporaryWorkspace(files: [("a.md", ExampleText.sot(body))])
        let messages = try workspace.lint().diagnostics.filter { $0.rule == "blocked-by-cycle" }.map(\.message)
        XCTAssertEqual(messages, [
            "blocked-by cycle: CTO-WORK-001 → CTO-WORK-002 → CTO-WORK-001; break it by unblocking one of them",
            "blocked-by cycle: CTO-WORK-001 → CTO-WORK-003 → CTO-WORK-001; break it by unblocking one of them",
            "blocked-by cycle: CTO-WORK-002 → CTO-WORK-001 → CTO-WORK-002; break it by unblocking one of them",
            "blocked-by cycle: CTO-WORK-003 → CTO-WORK-001 → CTO-WORK-003; break it by unblocking one of them",
        ])
    }

    func testStatusWithTrailingHTMLComment() throws {
        let body = "## CTO-WORK-001 - A\n\nStatus: done <!-- since May -->\n\nAcceptance:\n\n- Works.\n"
        let workspace = try TemporaryWorkspace(files: [("a.md", ExampleText.sot(body))])
        XCTAssertEqual(try workspace.lint().diagnostics, [])
    }

    func testFrontMatterMissingSaysWhy() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("a.md", "# Notes\n\nSet lifecycle_classification later.\n"),
            ("b.md", "\n---\nlifecycle_classification: sot\n---\n# B\n"),
        ])
        let messages = try workspace.lint().diagnostics.map(\.message)
        XCTAssertEqual(messages, [
            "front matter must start on the first line; remove the 1 blank line before `---` on line 2",
        ], "a document that only mentions the key (documentation of the format) is not reported")
    }

    func testLevelThreeIssueHeadingDoesNotCascade() throws {
        let body = issue("CTO-WORK-001", status: "open", blockers: []) + "\n### CTO-WORK-002 - Sub\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"
        let workspace = try TemporaryWorkspace(files: [("a.md", ExampleText.sot(body))])
        let diagnostics = try workspace.lint().diagnostics
        XCTAssertEqual(diagnostics.map(\.rule), ["issue-heading-format"])
        XCTAssertEqual(diagnostics.first?.message, "issue heading `### CTO-WORK-002 - Sub` should read `## CTO-WORK-002 - Sub`")
    }
}
