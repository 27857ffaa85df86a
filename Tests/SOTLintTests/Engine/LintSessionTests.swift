import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// The session every entry point uses: buffers, retained analyses, the model it returns, unreadable
/// files, and the in-memory harness.
final class LintSessionTests: XCTestCase {
    private func plan(_ id: String, status: String, blockedBy: String? = nil, title: String = "Plan") -> String {
        var body = "## \(id) - Issue\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n"
        if let blockedBy { body += "\nBlocked by:\n\n- `\(blockedBy)` first.\n" }
        return ExampleText.companion(title: title, body)
    }

    private func session(_ project: TemporaryWorkspace, retains: Bool = false) -> LintSession {
        LintSession(LintSession.Options(workingDirectory: project.path, today: CalendarDate("2026-06-15") ?? .today(),
                                        retainsAnalyses: retains))
    }

    /// Linting one document tells the workspace rules to look at it alone; its findings are exactly its
    /// share of the whole project's.
    func testOneDocumentGetsItsShareOfTheWholeProjectsFindings() throws {
        let keeps = "\n## CTO-WORK-010 - Guard\n\nStatus: open.\n\nAcceptance:\n\n- Keeps `CTO-WORK-004` blocked.\n- Mentions CTO-WORK-999.\n"
        let project = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-002")),
            ("b.md", plan("CTO-WORK-002", status: "blocked", blockedBy: "CTO-WORK-001", title: "B")),
            ("c.md", plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-004", title: "C")),
            ("d.md", plan("CTO-WORK-004", status: "done", title: "D")),
            ("e.md", plan("CTO-WORK-002", status: "open", title: "E") + keeps),
        ])
        let whole = try session(project).lint(LintRequest(paths: ["."])).diagnostics.map { diagnostic in
            var shown = Diagnostic(path: String(diagnostic.path.dropFirst(2)), range: diagnostic.range, severity: diagnostic.severity,
                                   rule: diagnostic.rule, message: diagnostic.message.replacingAll("./", with: ""), fix: diagnostic.fix)
            shown.related = diagnostic.related.map { RelatedLocation(path: String($0.path.dropFirst(2)), range: $0.range, message: $0.message) }
            return shown
        }
        for rule in ["issue-id-duplicate", "blocked-by-cycle", "blocked-on-resolved", "reference-unresolved", "invariant-keeps-blocked"] {
            XCTAssertTrue(whole.contains { $0.rule == rule }, "the project has a \(rule) finding: \(whole)")
        }
        for name in ["a.md", "b.md", "c.md", "d.md", "e.md"] {
            let alone = try session(project).lint(LintRequest(paths: [name])).diagnostics
            XCTAssertEqual(alone, whole.filter { $0.path == name }, name)
        }
    }

    func testBuffersReplaceTheDiskForTargetsAndContextUntilClosed() throws {
        let project = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-002")),
            ("b.md", plan("CTO-WORK-002", status: "open", title: "B")),
        ])
        let session = session(project)
        XCTAssertEqual(try session.lint(LintRequest(paths: ["a.md"])).diagnostics, [])
        // The blocker is resolved in an unsaved buffer of the other document: the verdict of a.md changes.
        session.update(path: "b.md", text: Array(plan("CTO-WORK-002", status: "done", title: "B").utf8))
        XCTAssertEqual(try session.lint(LintRequest(paths: ["a.md"])).diagnostics.map(\.rule), ["blocked-on-resolved"])
        // An unsaved buffer of the target itself.
        session.update(path: "a.md", text: Array(plan("CTO-WORK-001", status: "blokced", blockedBy: "CTO-WORK-002").utf8))
        XCTAssertEqual(try session.lint(LintRequest(paths: ["a.md"])).diagnostics.map(\.rule).sorted(),
                       ["status-unknown"])
        session.close(path: "a.md")
        session.close(path: "b.md")
        XCTAssertEqual(try session.lint(LintRequest(paths: ["a.md"])).diagnostics, [], "the disk again")
    }

    func testRetainedAnalysesAreReusedAndSyntaxSurvivesAProfileChange() throws {
        let project = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", status: "open")),
            ("b.md", plan("CTO-WORK-002", status: "open", title: "B")),
        ])
        let session = session(project, retains: true)
        let first = try session.lint(LintRequest(paths: []))
        XCTAssertEqual(session.statistics.parses, 2)
        XCTAssertEqual(try session.lint(LintRequest(paths: [])).diagnostics, first.diagnostics)
        XCTAssertEqual(session.statistics.parses, 2, "unchanged files are not parsed again")
        XCTAssertEqual(session.statistics.reused, 3, "a.md, b.md and .sot-lint.yml (its secret scan)")
        // A new ID pattern and vocabulary: every document is read again, none is parsed again.
        try "statuses:\n  open: blocked\n".write(toFile: project.path + "/.sot-lint.yml", atomically: true, encoding: .utf8)
        let reconfigured = try session.lint(LintRequest(paths: []))
        XCTAssertEqual(session.statistics.parses, 2, "\(reconfigured.fileCount) \(reconfigured.diagnostics)")
        XCTAssertEqual(Set(reconfigured.diagnostics.map(\.rule)), ["blocked-without-blockers"])
        XCTAssertEqual(reconfigured.diagnostics, try self.session(project).lint(LintRequest(paths: [])).diagnostics)
        // An edited file is parsed again, alone.
        try plan("CTO-WORK-001", status: "done").write(toFile: project.path + "/a.md", atomically: true, encoding: .utf8)
        _ = try session.lint(LintRequest(paths: []))
        XCTAssertEqual(session.statistics.parses, 3)
    }

    func testTheReportCarriesTheWorkspaceModel() throws {
        let project = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-002")),
            ("b.md", plan("CTO-WORK-002", status: "blocked", blockedBy: "CTO-WORK-001", title: "B")),
        ])
        let report = try session(project).lint(LintRequest(paths: []))
        let workspace = try XCTUnwrap(report.workspaces.first)
        XCTAssertEqual(workspace.issueIDs, ["CTO-WORK-001", "CTO-WORK-002"])
        XCTAssertEqual(workspace.cycles, [["CTO-WORK-001", "CTO-WORK-002"]])
        XCTAssertEqual(workspace.edges, [Workspace.Edge(from: "CTO-WORK-001", to: "CTO-WORK-002"),
                                         Workspace.Edge(from: "CTO-WORK-002", to: "CTO-WORK-001")])
        XCTAssertEqual(workspace.issue("CTO-WORK-001")?.status?.normalized, "blocked")
        XCTAssertEqual(workspace.issue("CTO-WORK-001")?.category, .blocked)
    }

    func testTheModelIsCodableAndVersioned() throws {
        let files = [MemoryFile(path: "a.md", text: plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-002")),
                     MemoryFile(path: "b.md", text: plan("CTO-WORK-002", status: "done", title: "B"))]
        let session = LintSession(LintSession.Options(workingDirectory: "/", detail: .full))
        let workspace = try XCTUnwrap(try session.lint(files: files).workspaces.first)
        let data = try JSONEncoder().encode(workspace)
        let decoded = try JSONDecoder().decode(Workspace.self, from: data)
        XCTAssertEqual(decoded.issueIDs, workspace.issueIDs)
        XCTAssertEqual(decoded.edges, workspace.edges)
        let issue = try XCTUnwrap(decoded.issue("CTO-WORK-001"))
        XCTAssertEqual(issue.fields.map(\.label), ["Status", "Acceptance", "Blocked by"])
        XCTAssertEqual(issue.fields.last?.items.first?.text, "`CTO-WORK-002` first.")
        XCTAssertEqual(issue.blockers.first?.field, "Blocked by")
        XCTAssertEqual(decoded.documents.first?.frontMatter.first { $0.key == "route" }?.value, "cto")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, Workspace.modelVersion)
        var foreign = object
        foreign["version"] = Workspace.modelVersion + 1
        XCTAssertThrowsError(try JSONDecoder().decode(Workspace.self, from: JSONSerialization.data(withJSONObject: foreign)))
    }

    func testAnUnreadableFileIsReportedAndTheRestIsLinted() throws {
        let project = try TemporaryWorkspace(files: [
            ("a.md", plan("CTO-WORK-001", status: "blokced")),
            ("c.md", plan("CTO-WORK-003", status: "open", title: "C")),
        ])
        // A regular file every read of fails, even for root: this process's memory at address 0.
        try FileManager.default.createSymbolicLink(atPath: project.path + "/b.md", withDestinationPath: "/proc/self/mem")
        let report = try session(project).lint(LintRequest(paths: []))
        XCTAssertEqual(report.diagnostics.map(\.rule), ["status-unknown"], "a.md and c.md are linted")
        XCTAssertEqual(report.fileErrors.count, 1)
        XCTAssertTrue(report.fileErrors.first?.description.hasPrefix("b.md: cannot read: ") ?? false, "\(report.fileErrors)")
        // As workspace context of another file, too.
        let single = try session(project).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(single.diagnostics.map(\.rule), ["status-unknown"])
        XCTAssertEqual(single.fileErrors.count, 1)
    }

    func testInMemoryHarnessMatchesTheDisk() throws {
        let texts = [("a.md", plan("CTO-WORK-001", status: "blocked", blockedBy: "CTO-WORK-009")),
                     ("b.md", plan("CTO-WORK-002", status: "done", title: "B") + "\nSee CTO-WORK-001.\n")]
        let project = try TemporaryWorkspace(files: texts)
        let disk = try session(project).lint(LintRequest(paths: [])).diagnostics
        let memory = try RuleHarness.lint(files: texts.map { MemoryFile(path: $0.0, text: $0.1) }, today: "2026-06-15").diagnostics
        XCTAssertEqual(memory.map(\.rule), disk.map(\.rule))
        XCTAssertEqual(memory.map(\.range), disk.map(\.range))
        XCTAssertEqual(memory.map(\.message), disk.map(\.message))
        XCTAssertFalse(memory.isEmpty)
    }
}
