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
            blockedBy: ["A-WORK-1", "B-WORK-2"], blocks: [], readiness: Readiness(reasons: [.status(nil)]),
            findings: [.init(rule: "r", severity: "info", line: 9, message: awkward[5])])
        XCTAssertEqual(String(decoding: issue.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(issue))
        let entries: [String: String?] = ["b \"key\"": awkward[1], "a": nil, "c": awkward[4]]
        let document = WorkspaceModelExport.Document(path: awkward[0], frontMatter: entries)
        XCTAssertEqual(String(decoding: document.compactJSON(), as: UTF8.self), WorkspaceModelExport.genericElement(document))
    }

    /// A token in a front-matter value, a field's value and an item is redacted by the direct writers as by
    /// the generic encoder, whether the project is linted whole or one file is named alone (then every
    /// document's text is redacted, not only those with a finding).
    func testRedactedFieldsAndFrontMatterAreWrittenAsTheGenericEncoderWritesThem() throws {
        let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# root\n".write(to: folder.appendingPathComponent(".sot-lint.yml"), atomically: true, encoding: .utf8)
        let text = """
        ---
        title: Keys
        status: active
        lifecycle_classification: sot
        owner: \(token)
        created: 2026-03-04
        last_reviewed: 2026-06-03
        ---

        # Keys

        ## CTO-WORK-901 - Rotate The Keys

        Status: In progress.

        Evidence: \(token)

        Acceptance:

        - Replace \(token) in the vault.

        """
        try text.write(to: folder.appendingPathComponent("keys.md"), atomically: true, encoding: .utf8)
        for paths in [[], ["keys.md"]] {
            let session = LintSession(.init(workingDirectory: folder.path, today: try XCTUnwrap(CalendarDate("2026-06-15")), detail: .full))
            let report = try session.lint(LintRequest(paths: paths))
            let model = try XCTUnwrap(zip(report.workspaces, report.projects).map {
                WorkspaceModelExport(workspace: $0, project: $1, diagnostics: report.diagnostics, toolVersion: "test")
            }.first)
            let json = model.json()
            XCTAssertEqual(json, WorkspaceModelExport.encode(model), "\(paths)")
            XCTAssertEqual(model.jsonChunks().joined().count, json.utf8.count)
            XCTAssertFalse(json.contains(token), "\(paths)")
            let fields = try XCTUnwrap(model.issues.first).fields
            XCTAssertEqual(fields.first { $0.label == "Evidence" }?.value, "<redacted>", "\(paths)")
            XCTAssertEqual(fields.first { $0.label == "Acceptance" }?.items, ["Replace <redacted> in the vault."], "\(paths)")
            XCTAssertEqual(model.documents.first?.frontMatter["owner"], .some("<redacted>"), "\(paths)")
        }
    }

    func testBlockersAreListedOnceInTheirFirstOrder() {
        XCTAssertEqual(WorkspaceModelExport.once(["B", "A", "B", "C", "A"]), ["B", "A", "C"])
        let many = (0..<30).map { "ID-\($0 % 12)" }
        XCTAssertEqual(WorkspaceModelExport.once(many), (0..<12).map { "ID-\($0)" })
        XCTAssertEqual(WorkspaceModelExport.once([]), [])
    }
}

/// `ParallelResults.flatMap` puts every index's values in index order, whatever the counts.
final class ParallelFlatMapTests: XCTestCase {
    func testEveryIndexsValuesLandInIndexOrder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let counts = (0..<Int.random(in: 0...300, using: &generator)).map { _ in Int.random(in: 0...5, using: &generator) }
            let values = ParallelResults<String>.flatMap(counts: counts) { index, emit in
                for item in 0..<counts[index] { emit("\(index).\(item)") }
            }
            XCTAssertEqual(values, counts.enumerated().flatMap { index, count in (0..<count).map { "\(index).\($0)" } })
        }
    }
}
