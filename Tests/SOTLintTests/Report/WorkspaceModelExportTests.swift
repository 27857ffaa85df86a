import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine
@testable import SOTReport

/// The model's direct writers give the generic encoder's bytes: each issue (`Issue.compactJSON`) and the
/// whole model (`json()`, parallel), on every command fixture and on text that needs escaping.
final class WorkspaceModelExportTests: XCTestCase {
    private func models(_ folder: String) throws -> [WorkspaceModelExport] {
        let root = RepositoryFile.root.appendingPathComponent(folder).path
        let session = LintSession(.init(workingDirectory: root, today: try XCTUnwrap(CalendarDate("2026-06-15")), detail: .full))
        let report = try session.lint(LintRequest(paths: []))
        return zip(report.workspaces, report.projects).map {
            WorkspaceModelExport(workspace: $0, project: $1, diagnostics: report.diagnostics, toolVersion: "test")
        }
    }

    func testTheDirectWritersGiveTheGenericEncodersBytes() throws {
        for folder in ["fixtures/seed", "fixtures/commands/model", "fixtures/commands/ready-queue", "fixtures/commands/imports",
                       "fixtures/invalid/blocked-by-cycle", "fixtures/invalid/field-label-unknown"] {
            for model in try models(folder) {
                XCTAssertFalse(model.issues.isEmpty, folder)
                for issue in model.issues {
                    XCTAssertEqual(String(decoding: issue.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(issue), "\(folder) \(issue.id)")
                }
                for document in model.documents {
                    XCTAssertEqual(String(decoding: document.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(document), "\(folder) \(document.path)")
                }
                XCTAssertEqual(model.json(), WorkspaceModelExport.encode(model), folder)
            }
        }
    }

    func testEscapesAreWrittenAsTheEncoderWritesThem() {
        let awkward = ["quote \" and backslash \\", "tab\tnew\nline\r", "control \u{01}\u{1F}", "line sep \u{2028} \u{2029}", "café 🙂", ""]
        let issue = WorkspaceModelExport.Issue(
            id: "CTO-WORK-1", title: awkward[0], path: awkward[4], line: 3, status: nil, statusText: awkward[1], category: nil,
            fields: [.init(label: awkward[2], value: nil, items: awkward), .init(label: "Notes", value: awkward[3], items: [])],
            blockedBy: ["A-WORK-1", "B-WORK-2"], blocks: [], ready: false,
            findings: [.init(rule: "r", severity: "info", line: 9, message: awkward[5])])
        XCTAssertEqual(String(decoding: issue.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(issue))
        let entries: [String: String?] = ["b \"key\"": awkward[1], "a": nil, "c": awkward[4]]
        let document = WorkspaceModelExport.Document(path: awkward[0], frontMatter: entries)
        XCTAssertEqual(String(decoding: document.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(document))
    }
}
