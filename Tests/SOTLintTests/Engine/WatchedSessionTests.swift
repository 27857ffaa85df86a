import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// A session told of every change on disk (`watchFiles(true)`, the language server with a file watcher)
/// keeps what it read and builds each workspace from the last one: after every step of a random session of
/// edits, saves, new and deleted files and configuration changes, its verdict on an open buffer equals that
/// of a new session with no memory on the same bytes.
final class WatchedSessionTests: XCTestCase {
    private func document(_ title: String, issues: [(id: Int, status: String, blockers: [Int])], mentions: [Int]) -> String {
        var body = "---\ntitle: \(title)\nstatus: active\nlifecycle_classification: sot\nowner: jp\ncreated: 2026-01-05\n"
            + "last_reviewed: 2026-05-20\ncore_promotion_status: not-promoted\nroute: cto\n---\n\n# \(title)\n\n"
            + "Local planning SOT only. Not a Core Protocol. Not active Core authority.\n\n"
        if !mentions.isEmpty { body += "See " + mentions.map { "`CTO-WORK-\(100 + $0)`" }.joined(separator: ", ") + ".\n\n" }
        for issue in issues {
            body += "## CTO-WORK-\(100 + issue.id) - Issue \(issue.id)\n\nStatus: \(issue.status).\n\nAcceptance:\n\n- Works.\n\n"
            if !issue.blockers.isEmpty { body += "Blocked by:\n\n" + issue.blockers.map { "- `CTO-WORK-\(100 + $0)`\n" }.joined() + "\n" }
        }
        return body
    }

    func testARandomSessionGivesTheVerdictsOfNewSessions() throws {
        var random = SeededGenerator(seed: 11)
        let statuses = ["open", "blocked", "done", "opne"]
        func randomDocument(_ number: Int) -> String {
            let issues = (0..<Int.random(in: 1...3, using: &random)).map { index -> (Int, String, [Int]) in
                let status = statuses.randomElement(using: &random) ?? "open"
                let blockers = status == "blocked" ? [Int.random(in: 0..<40, using: &random)] : []
                return (number * 4 + index, status, blockers)
            }
            return document("CTO Case \(number) Issues", issues: issues, mentions: [Int.random(in: 0..<40, using: &random)])
        }
        let workspace = try TemporaryWorkspace(files: (0..<8).map { ("doc-\($0).md", randomDocument($0)) })
        let today = try XCTUnwrap(CalendarDate("2026-06-15"))
        let watched = LintSession(.init(workingDirectory: workspace.path, today: today, cache: .disabled, retainsAnalyses: true))
        watched.watchFiles(true)
        let open = "doc-0.md"
        var buffer = Array(randomDocument(0).utf8)
        func verdict(_ session: LintSession, _ text: [UInt8]) throws -> [String] {
            var request = LintRequest(paths: [])
            request.stdin = (open, text)
            return try session.lint(request).diagnostics.map { "\($0.path):\($0.range.start.line):\($0.rule):\($0.message)" }
        }
        for step in 0..<60 {
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1:
                // An edit of the open buffer: its statuses, blockers and IDs move.
                buffer = Array(randomDocument(Int.random(in: 0..<2, using: &random) == 0 ? 0 : 9).utf8)
            case 2:
                // Another document changes on disk.
                let number = Int.random(in: 1..<8, using: &random)
                try workspace.write("doc-\(number).md", bytes: Array(randomDocument(number).utf8))
                watched.filesChanged([.changed(workspace.path + "/doc-\(number).md")])
            case 3:
                // A document appears or goes.
                let name = "extra-\(Int.random(in: 0..<3, using: &random)).md"
                let path = workspace.path + "/" + name
                if FileManager.default.fileExists(atPath: path) {
                    try FileManager.default.removeItem(atPath: path)
                    watched.filesChanged([.deleted(path)])
                } else {
                    try workspace.write(name, bytes: Array(randomDocument(10 + step % 3).utf8))
                    watched.filesChanged([.created(path)])
                }
            case 4:
                // The configuration changes.
                let config = Bool.random(using: &random) ? "rules:\n  reference-unresolved: off\n" : "# root\n"
                try workspace.write(".sot-lint.yml", bytes: Array(config.utf8))
                watched.filesChanged([.changed(workspace.path + "/.sot-lint.yml")])
            default:
                break
            }
            watched.update(path: open, text: buffer)
            let fresh = LintSession(.init(workingDirectory: workspace.path, today: today, cache: .disabled))
            XCTAssertEqual(try verdict(watched, buffer), try verdict(fresh, buffer), "step \(step)")
        }
    }

    /// A team rule file, or a shared profile, changes: the watched session reads the profile again, as a
    /// new session would, although the configuration itself did not change.
    func testAChangedRuleFileOrSharedProfileIsAChangedProfile() throws {
        let plan = document("CTO Case Main Issues", issues: [(id: 1, status: "blocked", blockers: [2]), (id: 2, status: "open", blockers: [])],
                            mentions: [])
        let rule = { (status: String) in
            "id: team-unblock\nkind: require\nsummary: s\nwhen: {status: \(status)}\nrequire: {field: Current unblock}\n"
                + "examples: {valid: [{text: a}], invalid: [{text: b}]}\n"
        }
        let workspace = try TemporaryWorkspace(files: [
            ("main.md", plan), (".sot-lint.yml", "extends: shared/team.yml\nrule_files: [rules/unblock.yml]\n"),
            ("shared/team.yml", "statuses:\n  someday: active\n"), ("rules/unblock.yml", rule("blocked")),
        ])
        let today = try XCTUnwrap(CalendarDate("2026-06-15"))
        let watched = LintSession(.init(workingDirectory: workspace.path, today: today, retainsAnalyses: true))
        watched.watchFiles(true)
        var request = LintRequest(paths: [])
        request.stdin = ("main.md", Array(plan.utf8))
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.rule), ["team-unblock"])
        try workspace.write("rules/unblock.yml", bytes: Array(rule("open").utf8))
        watched.filesChanged([.changed(workspace.path + "/rules/unblock.yml")])
        let fresh = LintSession(.init(workingDirectory: workspace.path, today: today))
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.message), try fresh.lint(request).diagnostics.map(\.message))
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.rule), ["team-unblock"], "CTO-WORK-102 is open")
        try workspace.write("shared/team.yml", bytes: Array("statuses:\n  blocked: active\n  open: blocked\n".utf8))
        watched.filesChanged([.changed(workspace.path + "/shared/team.yml")])
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.message), try fresh.lint(request).diagnostics.map(\.message))
    }

    func testADeletedFolderForgetsEverySummaryBelowIt() throws {
        let defining = document("CTO Case Sub Issues", issues: [(id: 1, status: "open", blockers: [])], mentions: [])
        let mentioning = document("CTO Case Main Issues", issues: [(id: 2, status: "open", blockers: [])], mentions: [1])
        let workspace = try TemporaryWorkspace(files: [("sub/deeper/defining.md", defining), ("main.md", mentioning)])
        let today = try XCTUnwrap(CalendarDate("2026-06-15"))
        let watched = LintSession(.init(workingDirectory: workspace.path, today: today, retainsAnalyses: true))
        watched.watchFiles(true)
        var request = LintRequest(paths: [])
        request.stdin = ("main.md", Array(mentioning.utf8))
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.rule), [])
        // The folder goes; the watcher reports the folder alone, as editors do.
        try FileManager.default.removeItem(atPath: workspace.path + "/sub")
        watched.filesChanged([.deleted(workspace.path + "/sub")])
        let fresh = LintSession(.init(workingDirectory: workspace.path, today: today))
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.rule), ["reference-unresolved"])
        XCTAssertEqual(try watched.lint(request).diagnostics.map(\.message), try fresh.lint(request).diagnostics.map(\.message))
    }
}
