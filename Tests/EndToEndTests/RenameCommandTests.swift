import Foundation
import XCTest
@testable import SOTSource
@testable import SOTRules

/// `sot-lint rename`: exact bytes, the same findings afterwards under the new ID, a dry run that only
/// shows, and refusals that write nothing and say why in one line.
final class RenameCommandTests: TemporaryDirectoryTestCase {
    /// `{ID}` marks every mention the rename changes; the fenced block and the non-SOT README keep theirs.
    private let planText = """
    ## {ID} - Adapter Route

    Status: done.

    Acceptance:

    - Works; see `{ID}` in the notes.

    ## CTO-WORK-022 - Follow-up

    Status: blocked.

    Acceptance:

    - Works after {ID}.

    Blocked by:

    - {ID} first.
    - CTO-WORK-9876 unresolved on purpose.

    ```
    CTO-WORK-021 in fenced code stays.
    ```

    """

    private let notesText = """
    Überblick: {ID} is the route.

    ## CTO-WORK-040 - Notes

    Status: blocked.

    Acceptance:

    - Tracks {ID}.

    Blocked by: {ID}

    """

    private let readme = "# Readme\n\nMentions CTO-WORK-021, but is no SOT document.\n"

    /// The workspace's files with `id` at every mention; `notes.md` with CRLF line ends when `crlf`.
    private func files(_ id: String, crlf: Bool = true) -> [String: [UInt8]] {
        let notes = ExampleText.companion(title: "Notes", notesText.replacingAll("{ID}", with: id))
        return ["docs/plan.md": Array(ExampleText.sot(planText.replacingAll("{ID}", with: id)).utf8),
                "docs/notes.md": crlf ? notes.utf8.flatMap { (byte: UInt8) -> [UInt8] in byte == 0x0A ? [0x0D, 0x0A] : [byte] } : Array(notes.utf8),
                "README.md": Array(readme.utf8)]
    }

    private func writeWorkspace(crlf: Bool = true) throws {
        for (name, bytes) in files("CTO-WORK-021", crlf: crlf) {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every file below the folder with its bytes.
    private func contents() throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
            var isFolder: ObjCBool = false
            let url = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = Array(try Data(contentsOf: url))
            }
        }
        return result
    }

    /// Each finding as `path:line:column rule message`, from a JSON lint without the cache.
    private func findings() throws -> [String] {
        let run = try BinaryRunner.run(["--format", "json", "--no-cache"], in: directory)
        XCTAssertNotEqual(run.status, 2, run.stderr)
        return BinaryRunner.diagnostics(run.stdout).map {
            "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "") \($0["message"] ?? "")"
        }
    }

    func testRenameChangesExactlyTheMentionsAndTheFindingsOnlyChangeTheirID() throws {
        try writeWorkspace()
        let before = try findings()
        XCTAssertTrue(before.contains { $0.contains("reference-unresolved") && $0.contains("CTO-WORK-9876") }, "\(before)")
        XCTAssertTrue(before.contains { $0.contains("blocked-on-resolved") && $0.contains("CTO-WORK-021") }, "\(before)")
        let run = try BinaryRunner.run(["rename", "CTO-WORK-021", "CTO-WORK-030"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "renamed CTO-WORK-021 to CTO-WORK-030: 7 mentions in 2 files\n")
        XCTAssertEqual(run.stderr, "")
        var expected = files("CTO-WORK-030")
        expected["README.md"] = Array(readme.utf8)
        expected[".sot-lint.yml"] = Array("# root\n".utf8)
        XCTAssertEqual(try contents(), expected)
        XCTAssertTrue(String(decoding: expected["docs/plan.md"] ?? [], as: UTF8.self).contains("CTO-WORK-021 in fenced code stays."))
        XCTAssertEqual(try findings(), before.map { $0.replacingAll("CTO-WORK-021", with: "CTO-WORK-030") })
    }

    func testDryRunPrintsTheDiffAndChangesNothing() throws {
        try writeWorkspace(crlf: false)
        let before = try contents()
        let run = try BinaryRunner.run(["rename", "--dry-run", "CTO-WORK-021", "CTO-WORK-030", "docs"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try contents(), before)
        XCTAssertEqual(run.stderr, "sot-lint: --dry-run: would rename CTO-WORK-021 to CTO-WORK-030: 7 mentions in 2 files; nothing was written\n")
        XCTAssertTrue(run.stdout.hasPrefix("--- a/docs/notes.md\n+++ b/docs/notes.md\n@@ "), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n--- a/docs/plan.md\n+++ b/docs/plan.md\n@@ "), run.stdout)
        let changed = run.stdout.split(separator: "\n")
            .filter { ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("--- ") && !$0.hasPrefix("+++ ") }
        XCTAssertEqual(changed.filter { $0.hasPrefix("-") }.map { String($0).replacingAll("CTO-WORK-021", with: "CTO-WORK-030").dropFirst() },
                       changed.filter { $0.hasPrefix("+") }.map { $0.dropFirst() }, "each removed line comes back with the new ID only")
        XCTAssertEqual(changed.filter { $0.hasPrefix("-") }.map { $0.components(separatedBy: "CTO-WORK-021").count - 1 }.reduce(0, +), 7)
    }

    func testRefusalsExitTwoWithOneLineAndWriteNothing() throws {
        try writeWorkspace()
        let refusals: [([String], String)] = [
            (["CTO-WORK-021", "CTO-WORK-022"],
             "`CTO-WORK-022` is already defined (docs/plan.md:23); renaming `CTO-WORK-021` to it would define it twice"),
            (["CTO-WORK-021", "CTO-WORK-3x"],
             "`CTO-WORK-3x` is not an issue ID: the profile's id_pattern `[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-[0-9]+(\\.[0-9]+)*` does not match it as a whole"),
            (["CTO-WORK-021", "CTO-WORK-021"], "the new ID is the old one (`CTO-WORK-021`); nothing to rename"),
            (["CTO-WORK-777", "CTO-WORK-778"], "`CTO-WORK-777` is neither defined nor mentioned in any SOT document of the projects given"),
            (["CTO-WORK-021", "CTO-WORK-030", "missing"], "missing: no such file or directory"),
            (["CTO-WORK-021", "CTO-WORK-030", "--config", "bad.yml"],
             "bad.yml: invalid configuration: `id_pattern` is not a valid regular expression: Unmatched [, [^, [:, [., or [="),
        ]
        try write("bad.yml", "id_pattern: \"[[\"\n")
        let before = try contents()
        for (arguments, message) in refusals {
            let run = try BinaryRunner.run(["rename"] + arguments, in: directory)
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(run.stdout, "", arguments.joined(separator: " "))
            XCTAssertEqual(run.stderr, "sot-lint: \(message)\n", arguments.joined(separator: " "))
            XCTAssertEqual(try contents(), before, arguments.joined(separator: " "))
        }
        // The engine names a missing --config file by its absolute path, as `lint` and `graph` do.
        let missing = try BinaryRunner.run(["rename", "CTO-WORK-021", "CTO-WORK-030", "--config", "missing.yml"], in: directory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("sot-lint: ") && missing.stderr.hasSuffix("missing.yml: cannot read: No such file or directory\n"),
                      missing.stderr)
        XCTAssertEqual(missing.stderr.filter { $0 == "\n" }.count, 1, missing.stderr)
        XCTAssertEqual(try contents(), before)
    }

    func testAnIDDefinedTwiceIsRefusedWithBothPlaces() throws {
        try writeWorkspace()
        try write("docs/copy.md", ExampleText.companion(title: "Copy", "## CTO-WORK-021 - Copy\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"))
        let before = try contents()
        let run = try BinaryRunner.run(["rename", "CTO-WORK-021", "CTO-WORK-030"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "sot-lint: `CTO-WORK-021` is defined more than once (docs/copy.md:15, docs/plan.md:15); "
                       + "make it defined once, then rename it\n")
        XCTAssertEqual(try contents(), before)
    }

    func testPermissionsAndSymbolicLinksAreKept() throws {
        try writeWorkspace()
        let notes = directory.appendingPathComponent("docs/notes.md").path
        let plan = directory.appendingPathComponent("docs/plan.md").path
        XCTAssertEqual(chmod(notes, 0o600), 0)
        XCTAssertEqual(chmod(plan, 0o640), 0)
        // The plan lives outside the project and is in its workspace through a link.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-e2e-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let real = outside.appendingPathComponent("plan.md").path
        XCTAssertEqual(rename(plan, real), 0)
        XCTAssertEqual(symlink(real, plan), 0)
        let run = try BinaryRunner.run(["rename", "CTO-WORK-021", "CTO-WORK-030", "docs"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(FilePath.permissions(notes), 0o600)
        XCTAssertEqual(FilePath.permissions(real), 0o640)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: plan), real, "the link is still a link")
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: real))), files("CTO-WORK-030")["docs/plan.md"])
    }

    func testEveryProjectThatKnowsTheIDIsRenamedWithItsOwnProfile() throws {
        let issue = { (id: String, blockedBy: String) in
            "## \(id) - Issue\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by: \(blockedBy)\n"
        }
        try write("one/.sot-lint.yml", "id_pattern: \"ENG-[0-9]+\"\n")
        try write("one/plan.md", ExampleText.sot(issue("ENG-1", "ENG-2") + issue("ENG-2", "ENG-3")))
        try write("two/plan.md", ExampleText.sot(issue("CTO-WORK-001", "CTO-WORK-002")))
        try write("two/.sot-lint.yml", "# two\n")
        try write("three/.sot-lint.yml", "id_pattern: \"ENG-[0-9]+\"\n")
        try write("three/plan.md", ExampleText.sot(issue("ENG-7", "ENG-2")))
        let before = try contents()
        // ENG-3 is not an ID of project two's profile, so the projects that know ENG-2 decide alone.
        let refused = try BinaryRunner.run(["rename", "ENG-2", "CTO-WORK-005", "one", "two", "three"], in: directory)
        XCTAssertEqual(refused.stderr,
                       "sot-lint: `CTO-WORK-005` is not an issue ID: the profile's id_pattern `ENG-[0-9]+` does not match it as a whole\n")
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(try contents(), before)
        let run = try BinaryRunner.run(["rename", "ENG-2", "ENG-20", "one", "two", "three"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "renamed ENG-2 to ENG-20: 3 mentions in 2 files\n")
        var expected = before
        expected["one/plan.md"] = Array(ExampleText.sot(issue("ENG-1", "ENG-20") + issue("ENG-20", "ENG-3")).utf8)
        expected["three/plan.md"] = Array(ExampleText.sot(issue("ENG-7", "ENG-20")).utf8)
        XCTAssertEqual(try contents(), expected)
        // A refusal in one project (ENG-7 is defined in three) renames nothing in the other.
        let conflict = try BinaryRunner.run(["rename", "ENG-20", "ENG-7", "one", "three"], in: directory)
        XCTAssertEqual(conflict.status, 2)
        XCTAssertEqual(conflict.stderr, "sot-lint: `ENG-7` is already defined (three/plan.md:15); renaming `ENG-20` to it would define it twice\n")
        XCTAssertEqual(try contents(), expected)
    }
}
