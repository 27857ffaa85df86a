import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// The persistent workspace index makes a run faster, never different: same verdicts without it,
/// cold, warm, after corruption, truncation, a foreign version, edits and concurrent runs; and it never
/// holds a secret, a title or a source line.
final class WorkspaceCacheTests: XCTestCase {
    private static let secret = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"
    private static let title = "Quarterly Zebra Migration Plan"

    private func plan(_ title: String, _ body: String) -> String {
        ExampleText.companion(title: title, body)
    }

    private func makeProject() throws -> TemporaryWorkspace {
        try TemporaryWorkspace(files: [
            ("a.md", plan("A", """
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works with `CTO-WORK-099`.

            Blocked by:

            - `CTO-WORK-002` is needed.
            """)),
            ("b.md", plan("B", """
            ## CTO-WORK-002 - Second

            Status: done.

            Acceptance:

            - Works.

            ## CTO-WORK-003 - Third

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-004` first.
            """)),
            ("c.md", plan(Self.title, """
            ## CTO-WORK-004 - Fourth

            Status: blocked.

            Acceptance:

            - Pushes with \(Self.secret) today.

            Blocked by:

            - `CTO-WORK-003` first.
            """)),
            ("d.md", plan("D", """
            ## CTO-WORK-005 - Fifth

            Status: On hold.

            Acceptance:

            - Keeps `CTO-WORK-002` blocked until the audit ends.
            """)),
            ("notes/readme.md", "# Notes\n\nNothing to see; `CTO-WORK-001` is mentioned.\n"),
        ])
    }

    private func session(_ project: TemporaryWorkspace, cache: LintSession.CacheChoice) -> LintSession {
        var options = LintSession.Options(workingDirectory: project.path, today: CalendarDate("2026-06-15") ?? .today(), cache: cache)
        // Files written a moment ago are too recent to cache; the tests look at them from the future.
        options.clock = { FileStat.now() + 60 }
        // These tests are about the per-file index; FocusDigestTests cover the digest on top of it.
        options.usesFocusDigest = false
        return LintSession(options)
    }

    private func cacheDirectory(_ project: TemporaryWorkspace) -> String {
        project.path + "/.sot-lint-cache"
    }

    private func cacheFile(_ project: TemporaryWorkspace) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory(project)).filter { $0.hasPrefix("workspace-") && $0.hasSuffix(".bin") }
        XCTAssertEqual(names.count, 1)
        return cacheDirectory(project) + "/" + (names.first ?? "")
    }

    private let requests: [[String]] = [["a.md"], ["b.md"], ["c.md"], ["d.md"], []]

    /// Diagnostics of every request, with no cache at all.
    private func reference(_ project: TemporaryWorkspace) throws -> [[Diagnostic]] {
        try requests.map { try session(project, cache: .disabled).lint(LintRequest(paths: $0)).diagnostics }
    }

    private func assertSameVerdicts(_ project: TemporaryWorkspace, _ expected: [[Diagnostic]], _ message: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        for (request, diagnostics) in zip(requests, expected) {
            let report = try session(project, cache: .projectFolder).lint(LintRequest(paths: request))
            XCTAssertEqual(report.diagnostics, diagnostics, "\(message): \(request)", file: file, line: line)
        }
    }

    func testColdAndWarmRunsGiveTheVerdictsOfNoCache() throws {
        let project = try makeProject()
        let expected = try reference(project)
        XCTAssertTrue(expected[0].contains { $0.rule == "blocked-on-resolved" }, "\(expected)")
        XCTAssertTrue(expected[0].contains { $0.rule == "reference-unresolved" })
        XCTAssertTrue(expected[1].contains { $0.rule == "blocked-by-cycle" })
        XCTAssertTrue(expected[2].contains { $0.rule == "secret-leak" })
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheDirectory(project)), "no cache without a cached run")
        try assertSameVerdicts(project, expected, "cold")
        try assertSameVerdicts(project, expected, "warm")
        let warm = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(warm.cacheHits, 3, "b.md, c.md and notes/readme.md come from the cache; d.md has a status outside the vocabulary")
        let gitignore = try String(contentsOfFile: cacheDirectory(project) + "/.gitignore", encoding: .utf8)
        XCTAssertTrue(gitignore.contains("*"), "the cache folder ignores itself")
    }

    func testCacheHoldsNoSecretTitleOrSourceLine() throws {
        let project = try makeProject()
        _ = try session(project, cache: .projectFolder).lint(LintRequest(paths: []))
        _ = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: try cacheFile(project))))
        let secret = Array(Self.secret.utf8)
        for start in 0...(secret.count - 8) {
            XCTAssertNil(ByteSearch.firstIndex(of: Array(secret[start..<(start + 8)]), in: bytes), "a slice of the secret")
        }
        XCTAssertNil(ByteSearch.firstIndex(of: Array(Self.title.utf8), in: bytes), "a title")
        for name in ["a.md", "b.md", "c.md", "d.md"] {
            let text = try String(contentsOfFile: project.path + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") where line.count >= 12 {
                XCTAssertNil(ByteSearch.firstIndex(of: Array(line.utf8), in: bytes), "source line `\(line)` of \(name)")
            }
        }
    }

    func testCorruptTruncatedAndForeignCachesAreRebuilt() throws {
        let project = try makeProject()
        let expected = try reference(project)
        try assertSameVerdicts(project, expected, "first")
        let file = try cacheFile(project)
        let good = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
        var flipped = good
        flipped[flipped.count / 2] ^= 0x5A
        var foreign = good
        if let at = ByteSearch.firstIndex(of: Array(SOTLintVersion.current.utf8), in: foreign) { foreign[at] = UInt8(ascii: "9") }
        let damaged: [(String, [UInt8])] = [
            ("garbage", Array(repeating: 0xFF, count: 4_096)), ("empty", []), ("truncated", Array(good.prefix(good.count / 2))),
            ("one byte flipped", flipped), ("foreign version", foreign), ("text", Array("not a cache\n".utf8)),
        ]
        XCTAssertNotEqual(foreign, good)
        for (name, bytes) in damaged {
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let first = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
            XCTAssertEqual(first.diagnostics, expected[0], name)
            XCTAssertEqual(first.cacheHits, 0, "\(name): nothing is trusted")
            let again = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
            XCTAssertEqual(again.diagnostics, expected[0], name)
            XCTAssertEqual(again.cacheHits, 3, "\(name): rebuilt")
        }
    }

    func testEditedDocumentsAreReadAgain() throws {
        let project = try makeProject()
        try assertSameVerdicts(project, try reference(project), "warm-up")
        let before = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        XCTAssertTrue(before.diagnostics.contains { $0.rule == "blocked-on-resolved" })
        // Same size, other status: only the stat tells them apart.
        let path = project.path + "/b.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingAll("Status: done.", with: "Status: open.").write(toFile: path, atomically: false, encoding: .utf8)
        let after = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        XCTAssertFalse(after.diagnostics.contains { $0.rule == "blocked-on-resolved" }, "\(after.diagnostics)")
        XCTAssertEqual(after.diagnostics, try session(project, cache: .disabled).lint(LintRequest(paths: ["a.md"])).diagnostics)
        // That run saved the cache again: b.md summarised anew, the others copied still encoded.
        let again = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(again.diagnostics, after.diagnostics)
        XCTAssertEqual(again.cacheHits, 3, "b.md, c.md and notes/readme.md, from the rewritten cache")
    }

    func testRecentFilesAreNotCached() throws {
        let project = try makeProject()
        var options = LintSession.Options(workingDirectory: project.path, today: CalendarDate("2026-06-15") ?? .today(), cache: .projectFolder)
        options.clock = { FileStat.now() }
        _ = try LintSession(options).lint(LintRequest(paths: []))
        let again = try LintSession(options).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(again.cacheHits, 0, "files written within the timestamp margin are read again")
    }

    func testConcurrentRunsAgreeAndLeaveAValidCache() throws {
        let project = try makeProject()
        let expected = try reference(project)
        let results = ParallelResults<[Diagnostic]>(count: 8)
        let sessions = (0..<8).map { _ in session(project, cache: .projectFolder) }
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            if let report = try? sessions[index].lint(LintRequest(paths: index % 2 == 0 ? [] : ["a.md"])) {
                results.set(index, report.diagnostics)
            }
        }
        for (index, diagnostics) in results.values.enumerated() {
            XCTAssertEqual(diagnostics, index % 2 == 0 ? expected[4] : expected[0], "run \(index)")
        }
        let after = try session(project, cache: .projectFolder).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(after.diagnostics, expected[0])
        XCTAssertEqual(after.cacheHits, 3)
    }

    func testCacheDirectoryAndProfileChanges() throws {
        let project = try makeProject()
        let elsewhere = project.path + "/../" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let expected = try reference(project)
        _ = try session(project, cache: .directory(elsewhere)).lint(LintRequest(paths: []))
        let warm = try session(project, cache: .directory(elsewhere)).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(warm.diagnostics, expected[0])
        XCTAssertEqual(warm.cacheHits, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheDirectory(project)), "--cache-dir writes nowhere else")
        // Another profile: the cached index was made under the old one and is not trusted.
        try "statuses:\n  on-hold: blocked\n".write(toFile: project.path + "/.sot-lint.yml", atomically: true, encoding: .utf8)
        let reconfigured = try session(project, cache: .directory(elsewhere)).lint(LintRequest(paths: ["a.md"]))
        XCTAssertEqual(reconfigured.cacheHits, 0)
        XCTAssertEqual(reconfigured.diagnostics, try session(project, cache: .disabled).lint(LintRequest(paths: ["a.md"])).diagnostics)
    }
}
