import Foundation
import XCTest
@testable import SOTRules

/// Which Markdown files are SOT documents: the front-matter marker the profile names, and paths.
final class SOTMembershipTests: TemporaryDirectoryTestCase {
    /// A task file with issue sections and no marker: SOT only through `sot_documents.paths`.
    private let task = """
    ---
    title: Import Guide
    ---

    # Import Guide

    ## CTO-WORK-007 - Write the import guide

    Status: done.

    Acceptance:

    - The guide is published.

    """

    private func plan(blockedBy id: String) -> String {
        ExampleText.companion(title: "Plan", "## CTO-WORK-001 - First\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- \(id)\n")
    }

    func testADocumentInTheSOTPathsJoinsTheWorkspaceWithoutTheMarker() throws {
        try write("plan.md", plan(blockedBy: "CTO-WORK-007"))
        try write("backlog/tasks/task-7.md", task)
        // Without the paths the task is no document: its ID does not resolve.
        let before = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertTrue(before.stdout.contains("[reference-unresolved]"), before.stdout)
        try write(".sot-lint.yml", "sot_documents:\n  paths: [\"backlog/**/*.md\"]\n")
        // Named alone, the plan sees the task (read as context) and its resolved status.
        let after = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertFalse(after.stdout.contains("[reference-unresolved]"), after.stdout)
        XCTAssertTrue(after.stdout.contains("[blocked-on-resolved]"), after.stdout)
        // Linted itself, the task is checked as an SOT document (its front matter lacks the required keys).
        let own = try BinaryRunner.run(["backlog/tasks/task-7.md"], in: directory)
        XCTAssertTrue(own.stdout.contains("[frontmatter-required-key]"), own.stdout)
        XCTAssertTrue(own.stderr.hasSuffix("(1 SOT document)\n"), own.stderr)
        // The same verdict with and without the cache.
        let cached = try BinaryRunner.run(["plan.md"], in: directory)
        let uncached = try BinaryRunner.run(["--no-cache", "plan.md"], in: directory)
        XCTAssertEqual(cached.stdout, after.stdout)
        XCTAssertEqual(uncached.stdout, after.stdout)
    }

    func testTheMarkerKeyAndValuesComeFromTheProfile() throws {
        try write(".sot-lint.yml", "sot_documents:\n  marker: kind\n  values: [plan, roadmap]\n")
        let marked = plan(blockedBy: "CTO-WORK-002").replacingOccurrences(of: "lifecycle_classification: sot", with: "kind: roadmap")
        try write("plan.md", marked)
        let run = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertTrue(run.stdout.contains("`CTO-WORK-002`"), run.stdout)
        XCTAssertTrue(run.stderr.hasSuffix("(1 SOT document)\n"), run.stderr)
        // The older single value still works.
        try write(".sot-lint.yml", "sot_classification: roadmap\nsot_documents:\n  marker: kind\n")
        XCTAssertTrue(try BinaryRunner.run(["plan.md"], in: directory).stderr.hasSuffix("(1 SOT document)\n"))
        try write(".sot-lint.yml", "sot_documents:\n  markers: kind\n")
        let typo = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("unknown key `sot_documents.markers`; did you mean `marker`?"), typo.stderr)
    }
}
