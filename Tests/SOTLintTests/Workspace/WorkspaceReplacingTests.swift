import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules

/// `Workspace.replacing`: an edited document in a workspace built before gives the workspace a build from
/// scratch gives, or nil when the edit moves IDs.
final class WorkspaceReplacingTests: XCTestCase {
    private let profile = try! ProfileLoader.defaultProfile()

    /// A document of issues `numbers`, each with a status and blockers (issue numbers).
    private func document(_ path: String, _ issues: [(number: Int, status: String, blockers: [Int])]) -> WorkspaceDocument {
        var body = ""
        for issue in issues {
            body += "## CTO-WORK-\(100 + issue.number) - Issue \(issue.number)\n\nStatus: \(issue.status).\n\nAcceptance:\n\n- Works.\n\n"
            if !issue.blockers.isEmpty { body += "Blocked by:\n\n" + issue.blockers.map { "- `CTO-WORK-\(100 + $0)`\n" }.joined() + "\n" }
        }
        let built = DocumentBuilder.build(SourceText(path: path, text: ExampleText.sot(body)), profile: profile)
        return WorkspaceDocument(built, profile: profile, phrases: [:])
    }

    /// The workspace as its encoded model (documents, edges, cycles), for comparison.
    private func model(_ workspace: Workspace) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(workspace), as: UTF8.self)
    }

    private func check(_ before: [WorkspaceDocument], replacing: [WorkspaceDocument], expectSame: Bool,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let base = Workspace(documents: before)
        let replaced = base.replacing(replacing)
        guard expectSame else {
            XCTAssertNil(replaced, "the IDs moved: built anew", file: file, line: line)
            return
        }
        let after = before.map { document in replacing.first { $0.path == document.path } ?? document }
        let fresh = Workspace(documents: after)
        let incremental = try XCTUnwrap(replaced, file: file, line: line)
        XCTAssertEqual(try model(incremental), try model(fresh), file: file, line: line)
        XCTAssertEqual(incremental.issueIDs, fresh.issueIDs, file: file, line: line)
        XCTAssertEqual(incremental.edges, fresh.edges, file: file, line: line)
        XCTAssertEqual(incremental.cycles, fresh.cycles, file: file, line: line)
        for id in fresh.issueIDs {
            XCTAssertEqual(incremental.issue(id)?.status?.raw, fresh.issue(id)?.status?.raw, id, file: file, line: line)
            XCTAssertEqual(incremental.definesMoreThanOnce(id), fresh.definesMoreThanOnce(id), id, file: file, line: line)
        }
    }

    func testAStatusChangeKeepsTheIndexAndTheGraph() throws {
        let a = document("a.md", [(1, "open", []), (2, "blocked", [1])])
        let b = document("b.md", [(3, "blocked", [2])])
        try check([a, b], replacing: [document("a.md", [(1, "done", []), (2, "open", [1])])], expectSame: true)
    }

    func testChangedBlockersRebuildTheGraphAndItsCycles() throws {
        let a = document("a.md", [(1, "blocked", [3]), (2, "blocked", [1])])
        let b = document("b.md", [(3, "blocked", [])])
        // 3 now waits for 2: the cycle 1 -> 3 -> 2 -> 1 appears; then it goes again.
        let cyclic = document("b.md", [(3, "blocked", [2])])
        try check([a, b], replacing: [cyclic], expectSame: true)
        try check([a, cyclic], replacing: [b], expectSame: true)
    }

    func testADuplicateDefinitionStaysADuplicate() throws {
        let a = document("a.md", [(1, "open", [])])
        let b = document("b.md", [(1, "done", [])])
        try check([a, b], replacing: [document("b.md", [(1, "open", [])])], expectSame: true)
    }

    func testMovedIDsOrAnUnknownPathAreBuiltAnew() throws {
        let a = document("a.md", [(1, "open", []), (2, "open", [])])
        let b = document("b.md", [(3, "open", [])])
        try check([a, b], replacing: [document("a.md", [(2, "open", []), (1, "open", [])])], expectSame: false)
        try check([a, b], replacing: [document("a.md", [(1, "open", [])])], expectSame: false)
        try check([a, b], replacing: [document("a.md", [(1, "open", []), (4, "open", [])])], expectSame: false)
        try check([a, b], replacing: [document("c.md", [(5, "open", [])])], expectSame: false)
    }
}
