import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// The focus digest answers a save of one document with the verdicts of the whole workspace: on random
/// workspaces full of duplicates, cycles, invariants, dangling and near-miss references; after edits,
/// new and removed files, corruption and a foreign version; and it holds no secret, title, source line or
/// status outside the vocabulary.
final class FocusDigestTests: XCTestCase {
    private static let secret = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"
    private static let title = "Quarterly Zebra Migration Plan"

    private func session(_ project: TemporaryWorkspace, cache: LintSession.CacheChoice) -> LintSession {
        var options = LintSession.Options(workingDirectory: project.path, today: CalendarDate("2026-06-15") ?? .today(), cache: cache)
        // Files written a moment ago are too recent to cache; the tests look at them from the future.
        options.clock = { FileStat.now() + 60 }
        return LintSession(options)
    }

    private func save(_ project: TemporaryWorkspace, _ path: String, _ text: String, cache: LintSession.CacheChoice = .projectFolder) throws -> LintReport {
        var request = LintRequest(paths: [])
        request.stdin = (path, Array(text.utf8))
        return try session(project, cache: cache).lint(request)
    }

    /// The digests (`.bin`) or their keys files (`.keys`) in the project's cache folder.
    private func digests(_ project: TemporaryWorkspace, _ suffix: String = ".bin") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: project.path + "/.sot-lint-cache")) ?? []
        return names.filter { $0.hasPrefix("focus-") && $0.hasSuffix(suffix) }.sorted().map { project.path + "/.sot-lint-cache/" + $0 }
    }

    // MARK: - Random workspaces

    /// The vocabulary's statuses and two outside it (which the digest keeps blank).
    private static let statuses = ["open", "blocked", "done", "in-progress", "validated", "cancelled", "drafft", "waiting on legal"]

    private func id(_ number: Int) -> String {
        "CTO-WORK-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
    }

    /// A random document over a small pool of IDs, so that duplicates, cycles and invariants are common;
    /// some mentions are of IDs nobody defines or one edit away from a defined one.
    private func randomDocument(_ title: String, _ random: inout SeededGenerator) -> String {
        var body = ""
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let mention = { (random: inout SeededGenerator) -> String in
                switch Int.random(in: 0..<10, using: &random) {
                case 0: return self.id(Int.random(in: 90...95, using: &random))
                case 1: return self.id(Int.random(in: 1...18, using: &random)) + "1"
                default: return self.id(Int.random(in: 1...18, using: &random))
                }
            }
            body += "## \(id(Int.random(in: 1...18, using: &random))) - Issue\n\n"
            body += "Status: \(Self.statuses[Int.random(in: 0..<Self.statuses.count, using: &random)]).\n\nAcceptance:\n\n- Works.\n"
            if Int.random(in: 0..<3, using: &random) == 0 { body += "- Keeps `\(mention(&random))` blocked until the audit ends.\n" }
            if Int.random(in: 0..<3, using: &random) == 0 { body += "- Uses `\(mention(&random))` too.\n" }
            let blockers = Int.random(in: 0...3, using: &random)
            if blockers > 0 {
                body += "\nBlocked by:\n\n"
                for _ in 0..<blockers { body += "- `\(mention(&random))` first.\n" }
            }
            body += "\n"
        }
        return ExampleText.companion(title: title, body)
    }

    private func randomProject(_ random: inout SeededGenerator, documents: Int) throws -> TemporaryWorkspace {
        var files: [(name: String, text: String)] = [("notes/readme.md", "# Notes\n\nMentions `CTO-WORK-001` only.\n")]
        for index in 0..<documents {
            let folder = ["", "plans/", "plans/later/", "z/"][index % 4]
            files.append(("\(folder)doc-\(index).md", randomDocument("Doc \(index)", &random)))
        }
        return try TemporaryWorkspace(files: files)
    }

    func testSavesAnsweredFromTheDigestGiveTheWholeWorkspacesVerdicts() throws {
        var random = SeededGenerator(seed: 0x5EED_F0C5)
        var rulesSeen = Set<String>()
        var answered = 0
        for round in 0..<24 {
            let documents = Int.random(in: 4...9, using: &random)
            let project = try randomProject(&random, documents: documents)
            let focusIndex = Int.random(in: 0..<documents, using: &random)
            let folder = ["", "plans/", "plans/later/", "z/"][focusIndex % 4]
            let focus = "\(folder)doc-\(focusIndex).md"
            for edit in 0..<3 {
                let buffer = randomDocument("Doc \(focusIndex)", &random)
                let expected = try save(project, focus, buffer, cache: .disabled).diagnostics
                let first = try save(project, focus, buffer)
                let second = try save(project, focus, buffer)
                XCTAssertEqual(first.diagnostics, expected, "round \(round), edit \(edit): the run that writes the digest")
                XCTAssertEqual(second.diagnostics, expected, "round \(round), edit \(edit): the run answered from the digest")
                XCTAssertEqual(second.focusDigestHits, 1, "round \(round), edit \(edit): the digest answered")
                answered += second.focusDigestHits
                rulesSeen.formUnion(expected.map(\.rule))
            }
        }
        XCTAssertEqual(answered, 72)
        for rule in ["issue-id-duplicate", "blocked-by-cycle", "blocked-on-resolved", "invariant-keeps-blocked", "reference-unresolved"] {
            XCTAssertTrue(rulesSeen.contains(rule), "the random workspaces exercise \(rule): \(rulesSeen.sorted())")
        }
    }

    func testProseMentionsAreScopedByTheWholeWorkspacesPrefixes() throws {
        // `PLAT-` issues are defined only in documents the saved one does not mention by a defined ID.
        var files: [(name: String, text: String)] = []
        for index in 0..<6 {
            files.append(("doc-\(index).md", ExampleText.companion(title: "D", "## PLAT-\(index + 1) - Issue\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")))
        }
        files.append(("own.md", ExampleText.companion(title: "D", "## CTO-WORK-001 - Own\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")))
        let project = try TemporaryWorkspace(files: files)
        let buffer = ExampleText.companion(title: "D", """
        ## CTO-WORK-001 - Own

        Status: open.

        Follows PLAT-99 and CTO-WORK-002, in UTF-8 with SHA-256.

        Acceptance:

        - Works.
        """)
        let expected = try save(project, "own.md", buffer, cache: .disabled).diagnostics
        XCTAssertEqual(expected.filter { $0.rule == "reference-unresolved" }.map(\.range.start), [SourcePosition(line: 19, column: 9),
                                                                                                   SourcePosition(line: 19, column: 21)])
        XCTAssertEqual(try save(project, "own.md", buffer).diagnostics, expected, "the run that writes the digest")
        let second = try save(project, "own.md", buffer)
        XCTAssertEqual(second.focusDigestHits, 1)
        XCTAssertEqual(second.diagnostics, expected, "the run answered from the digest")
    }

    func testDidYouMeanChoosesFromTheWholeWorkspaceWithOrWithoutItsKeys() throws {
        var files: [(name: String, text: String)] = []
        for index in 0..<40 {
            files.append(("doc-\(index).md", ExampleText.companion(title: "D", "## \(id(index * 3 + 2)) - Issue\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")))
        }
        let project = try TemporaryWorkspace(files: files)
        // Near misses of the other documents' IDs (002, 005, …, 119) and of one the saved document alone
        // defines; ties go to the first in byte order (`CTO-WORK-50`: 050, not 500; `CTO-WORK-10`: 101, not 104).
        let buffer = ExampleText.companion(title: "D", """
        ## CTO-WORK-500 - Own

        Status: open.

        Acceptance:

        - Uses `CTO-WORK-0005`, `CTO-WORK-50`, `CTO-WORK-5000`, `CTO-WORK-0088`, `CTO-WORK-10` and `CTO-WORK-999`.
        """)
        let expected = try save(project, "doc-0.md", buffer, cache: .disabled).diagnostics
        let hints = expected.map(\.message).filter { $0.contains("did you mean") }
        XCTAssertEqual(hints.count, 5, "\(expected)")
        XCTAssertTrue(hints.contains { $0.contains("`CTO-WORK-5000`") && $0.contains("did you mean `CTO-WORK-500`") }, "\(hints)")
        XCTAssertTrue(hints.contains { $0.contains("`CTO-WORK-50`") && $0.contains("did you mean `CTO-WORK-050`") }, "\(hints)")
        XCTAssertTrue(hints.contains { $0.contains("`CTO-WORK-10`") && $0.contains("did you mean `CTO-WORK-101`") }, "\(hints)")
        _ = try save(project, "doc-0.md", buffer)
        let warm = try save(project, "doc-0.md", buffer)
        XCTAssertEqual(warm.focusDigestHits, 1)
        XCTAssertEqual(warm.diagnostics, expected, "from the keys file")
        guard let keys = digests(project, ".keys").first else { return XCTFail("no keys file") }
        let good = try FilePath.read(keys)
        var flipped = good
        flipped[flipped.count - 40] ^= 0x10
        for (name, bytes) in [("flipped", flipped), ("truncated", Array(good.prefix(good.count / 2))), ("empty", [])] {
            try AtomicFile.write(bytes, to: keys, mode: 0o644)
            let answered = try save(project, "doc-0.md", buffer)
            XCTAssertEqual(answered.focusDigestHits, 1, name)
            XCTAssertEqual(answered.diagnostics, expected, "\(name) keys: the whole index is built instead")
        }
        try FileManager.default.removeItem(atPath: keys)
        XCTAssertEqual(try save(project, "doc-0.md", buffer).diagnostics, expected, "no keys file")
    }

    // MARK: - Validity

    private func fixedProject() throws -> TemporaryWorkspace {
        try TemporaryWorkspace(files: [
            ("a.md", ExampleText.companion(title: "A", """
            ## CTO-WORK-001 - First

            Status: blocked.

            Acceptance:

            - Works.

            Blocked by:

            - `CTO-WORK-002` is needed.
            """)),
            ("b.md", ExampleText.companion(title: Self.title, """
            ## CTO-WORK-002 - Second

            Status: blocked.

            Acceptance:

            - Pushes with \(Self.secret) today.

            Blocked by:

            - `CTO-WORK-001` first.
            """)),
            ("notes/readme.md", "# Notes\n\nNothing to see.\n"),
            ("c.md", ExampleText.companion(title: "C", "## CTO-WORK-003 - Third\n\nStatus: Waiting on Legal.\n\nAcceptance:\n\n- Works.\n")),
        ])
    }

    private var buffer: String {
        ExampleText.companion(title: "A", "## CTO-WORK-001 - First\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- `CTO-WORK-002` is needed.\n")
    }

    /// Saves `a.md` twice more after a priming save and checks both against no cache; returns whether the
    /// first of them was answered from the digest.
    private func checkSaves(_ project: TemporaryWorkspace, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let expected = try save(project, "a.md", buffer, cache: .disabled).diagnostics
        let once = try save(project, "a.md", buffer)
        let again = try save(project, "a.md", buffer)
        XCTAssertEqual(once.diagnostics, expected, message, file: file, line: line)
        XCTAssertEqual(again.diagnostics, expected, message, file: file, line: line)
        XCTAssertEqual(again.focusDigestHits, 1, "\(message): the rewritten digest answers", file: file, line: line)
        return once.focusDigestHits == 1
    }

    func testChangedFilesMakeTheSaveTakeTheWholeWorkspace() throws {
        let project = try fixedProject()
        _ = try save(project, "a.md", buffer)
        XCTAssertTrue(try checkSaves(project, "unchanged"))
        let cycle = try save(project, "a.md", buffer).diagnostics
        XCTAssertTrue(cycle.contains { $0.rule == "blocked-by-cycle" }, "\(cycle)")

        // b.md no longer waits for a.md: the cycle is gone, whatever the digest said.
        try project.write("b.md", bytes: Array(ExampleText.companion(title: "B", "## CTO-WORK-002 - Second\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n").utf8))
        XCTAssertFalse(try checkSaves(project, "edited b.md"))
        XCTAssertFalse(try save(project, "a.md", buffer).diagnostics.contains { $0.rule == "blocked-by-cycle" })

        try project.write("e.md", bytes: Array(ExampleText.companion(title: "C", "## CTO-WORK-001 - Again\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n").utf8))
        XCTAssertFalse(try checkSaves(project, "new e.md"))
        XCTAssertTrue(try save(project, "a.md", buffer).diagnostics.contains { $0.rule == "issue-id-duplicate" })

        try FileManager.default.removeItem(atPath: project.path + "/e.md")
        XCTAssertFalse(try checkSaves(project, "removed e.md"))

        // A file that was no SOT document becomes one.
        try project.write("notes/readme.md", bytes: Array(ExampleText.companion(title: "N", "## CTO-WORK-001 - Third\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n").utf8))
        XCTAssertFalse(try checkSaves(project, "notes/readme.md became a document"))
    }

    func testCorruptTruncatedAndForeignDigestsAreIgnored() throws {
        let project = try fixedProject()
        _ = try save(project, "a.md", buffer)
        XCTAssertTrue(try checkSaves(project, "unchanged"))
        guard let path = digests(project).first else { return XCTFail("no digest written") }
        let good = try FilePath.read(path)
        var flipped = good
        flipped[flipped.count / 2] ^= 0x40
        var foreign = good
        if let at = ByteSearch.firstIndex(of: Array(SOTLintVersion.current.utf8), in: foreign) { foreign[at] ^= 0x01 }
        for (name, bytes) in [("flipped", flipped), ("truncated", Array(good.prefix(good.count / 3))), ("foreign", foreign),
                              ("empty", []), ("garbage", Array("not a digest".utf8))] {
            try AtomicFile.write(bytes, to: path, mode: 0o644)
            XCTAssertFalse(try checkSaves(project, name), "\(name): not trusted")
            XCTAssertEqual(try FilePath.read(path), good, "\(name): rewritten as it was")
        }
    }

    func testDigestHoldsNoSecretTitleOrSourceLine() throws {
        let project = try fixedProject()
        _ = try save(project, "a.md", buffer)
        let files = digests(project) + digests(project, ".keys")
        XCTAssertEqual(files.count, 2, "the digest and its keys")
        for file in files {
            let text = String(decoding: try FilePath.read(file), as: UTF8.self)
            XCTAssertFalse(text.contains(Self.secret))
            XCTAssertFalse(text.contains(Self.title))
            XCTAssertFalse(text.contains("Pushes with"))
            XCTAssertFalse(text.lowercased().contains("legal"), "a status outside the vocabulary is kept blank")
            XCTAssertEqual(text.contains("CTO-WORK-002"), file.hasSuffix(".bin"), "IDs are kept in the digest, only hashes in the keys")
        }
    }

    func testOtherWorkingDirectoriesAndRecentFilesWriteNoUsableDigest() throws {
        let project = try fixedProject()
        _ = try save(project, "a.md", buffer)
        // From the parent folder the paths read differently: the digest of `a.md` is not that one.
        var options = LintSession.Options(workingDirectory: FilePath.parent(project.path), today: CalendarDate("2026-06-15") ?? .today(),
                                          cache: .projectFolder)
        options.clock = { FileStat.now() + 60 }
        var request = LintRequest(paths: [])
        let name = FilePath.relative(project.path, to: FilePath.parent(project.path)) + "/a.md"
        request.stdin = (name, Array(buffer.utf8))
        XCTAssertEqual(try LintSession(options).lint(request).focusDigestHits, 0)
        XCTAssertEqual(try LintSession(options).lint(request).focusDigestHits, 1, "its own digest")

        let recent = try fixedProject()
        var now = LintSession.Options(workingDirectory: recent.path, today: CalendarDate("2026-06-15") ?? .today(), cache: .projectFolder)
        now.clock = { FileStat.now() }
        var save = LintRequest(paths: [])
        save.stdin = ("a.md", Array(buffer.utf8))
        _ = try LintSession(now).lint(save)
        XCTAssertTrue(digests(recent).isEmpty, "files changed within the timestamp margin are not vouched for")
    }

    func testNoDigestWhereCycleSearchesCouldReachTheirBudget() throws {
        // One cycle through 2,100 issues: its searches are bounded by 2,100 × 2,100 edges, over the budget.
        let count = 2_100
        var ring = ""
        for index in 0..<count {
            ring += "## CTO-WORK-\(1_000 + index) - Ring\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- `CTO-WORK-\(1_000 + (index + 1) % count)` first.\n\n"
        }
        let project = try TemporaryWorkspace(files: [
            ("a.md", ExampleText.companion(title: "A", "## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            ("ring.md", ExampleText.companion(title: "R", ring)),
        ])
        let buffer = ExampleText.companion(title: "A", "## CTO-WORK-001 - First\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- `CTO-WORK-1007` first.\n")
        let expected = try save(project, "a.md", buffer, cache: .disabled).diagnostics
        XCTAssertEqual(try save(project, "a.md", buffer).diagnostics, expected)
        XCTAssertTrue(digests(project).isEmpty, "the next save would build the whole workspace anyway")
        let small = try fixedProject()
        _ = try save(small, "a.md", buffer)
        XCTAssertEqual(digests(small).count, 1, "a small cycle is no obstacle")
    }

    func testOnlyTheNewestDigestsAreKept() throws {
        var files: [(name: String, text: String)] = []
        for index in 0..<(FocusDigest.kept + 3) {
            files.append(("doc-\(index).md", ExampleText.companion(title: "D", "## \(id(index + 1)) - Issue\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")))
        }
        let project = try TemporaryWorkspace(files: files)
        for (name, text) in files { _ = try save(project, name, text) }
        XCTAssertEqual(digests(project).count, FocusDigest.kept)
        XCTAssertEqual(digests(project, ".keys").count, FocusDigest.kept)
    }

    func testStrongComponentsMatchReachability() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 1...12, using: &random)
            var successors = [[Int]](repeating: [], count: count)
            for node in 0..<count {
                for _ in 0..<Int.random(in: 0...3, using: &random) { successors[node].append(Int.random(in: 0..<count, using: &random)) }
            }
            var starts = [0]
            var targets: [Int] = []
            for list in successors {
                targets += list
                starts.append(targets.count)
            }
            // Reachability by brute force: two nodes share a component when each reaches the other.
            var reach = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
            for node in 0..<count {
                var stack = [node]
                while let next = stack.popLast() {
                    for target in successors[next] where !reach[node][target] {
                        reach[node][target] = true
                        stack.append(target)
                    }
                }
            }
            var expected = Set<Set<Int>>()
            for node in 0..<count {
                let members = Set((0..<count).filter { $0 == node ? false : reach[node][$0] && reach[$0][node] }).union([node])
                if members.count > 1 { expected.insert(members) }
            }
            let found = StrongComponents.of(starts: starts, targets: targets)
            XCTAssertEqual(Set(found.map(Set.init)), expected)
            XCTAssertEqual(found.map(\.count).reduce(0, +), Set(found.joined()).count, "each node in one component")
        }
    }
}
