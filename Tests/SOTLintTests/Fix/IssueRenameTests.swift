import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTFix

/// The rename planner: every place the model knows the old ID and nothing else, exact bytes around the
/// edits, and a one-line refusal (nothing planned) for every case it cannot do safely.
final class IssueRenameTests: XCTestCase {
    private struct Unreadable: Error {}

    /// A workspace of in-memory documents, each read by the default profile as the engine reads it.
    private func workspace(_ files: [String: [UInt8]]) throws -> (Workspace, IssueIDMatcher) {
        let profile = try ProfileLoader.defaultProfile()
        let documents = files.keys.sorted().compactMap { path -> WorkspaceDocument? in
            guard let bytes = files[path] else { return nil }
            return WorkspaceDocument(DocumentBuilder.build(SourceText(path: path, bytes: bytes), profile: profile), profile: profile, phrases: [:])
        }
        return (Workspace(documents: documents), profile.idMatcher)
    }

    /// The plan of renaming `old` to `new` in `files`, each document's text read from `files`.
    private func plan(_ old: String, _ new: String, in files: [String: [UInt8]]) throws -> [IssueRename.FileEdit] {
        let (workspace, matcher) = try workspace(files)
        return try IssueRename.plan(from: old, to: new, in: workspace, idMatcher: matcher) { path in
            guard let bytes = files[path] else { throw Unreadable() }
            return bytes
        }
    }

    /// The refusal's line, or a failure when the rename was planned.
    private func refusal(_ old: String, _ new: String, in files: [String: [UInt8]],
                         file: StaticString = #filePath, line: UInt = #line) throws -> String {
        do {
            let edits = try plan(old, new, in: files)
            XCTFail("planned \(edits.count) edits instead of refusing", file: file, line: line)
            return ""
        } catch let refusal as IssueRename.Refusal {
            return refusal.description
        }
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `{ID}` marks each place the rename must change; any other spelling of the ID must stay.
    private let planText = """
    Intro mentions {ID} in the preamble.

    ## {ID} - Adapter Route

    Status: open.

    Acceptance:

    - Works with `{ID}` named in a code span.

    ## CTO-WORK-022 - Follow-up of {ID}

    Status: blocked.

    Acceptance:

    - Keeps its own ID.

    Blocked by:

    - `{ID}` first.

    ```
    CTO-WORK-021 in fenced code is not a mention.
    ```

    Not the same IDs: CTO-WORK-0210, XCTO-WORK-021, CTO-WORK-021a.

    """

    private let notes = """
    ## CTO-WORK-040 - Notes

    Status: blocked.

    Acceptance:

    - Tracks {ID} and {ID}.

    Blocked by: {ID}, CTO-WORK-022

    """

    func testRenamesHeadingBlockersProseAndCodeSpansAcrossTwoDocuments() throws {
        func files(_ id: String) -> [String: [UInt8]] {
            ["docs/b.md": bytes(ExampleText.companion(title: "Notes", notes.replacingAll("{ID}", with: id))),
             "docs/a.md": bytes(ExampleText.sot(planText.replacingAll("{ID}", with: id)))]
        }
        let before = files("CTO-WORK-021")
        let after = files("CTO-WORK-030")
        let edits = try plan("CTO-WORK-021", "CTO-WORK-030", in: before)
        XCTAssertEqual(edits.map(\.path), ["docs/a.md", "docs/b.md"])
        XCTAssertEqual(edits.map(\.ranges.count), [5, 3])
        for edit in edits {
            XCTAssertEqual(edit.before, before[edit.path], edit.path)
            XCTAssertEqual(edit.after, after[edit.path], edit.path)
            XCTAssertEqual(edit.ranges, edit.ranges.sorted { $0.lowerBound < $1.lowerBound }, edit.path)
            XCTAssertTrue(zip(edit.ranges, edit.ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, edit.path)
            for range in edit.ranges { XCTAssertEqual(String(decoding: edit.before[range], as: UTF8.self), "CTO-WORK-021") }
        }
        // The heading's ID is the first mention after the preamble's: line 17, column 4.
        let source = SourceText(path: "docs/a.md", bytes: try XCTUnwrap(before["docs/a.md"]))
        XCTAssertEqual(edits.first.map { source.range($0.ranges[1]) }, SourceRange(line: 17, column: 4, endLine: 17, endColumn: 16))
    }

    func testCRLFByteOrderMarkAndNonASCIIBeforeTheIDAreKept() throws {
        func document(_ id: String) -> [UInt8] {
            [0xEF, 0xBB, 0xBF] + ExampleText.sot("""
            Überblick — naïve 日本語 {ID}: läuft.

            ## \(id) - Größe

            Status: open.

            Acceptance:

            - 😀 waits for `{ID}`.

            """).replacingAll("{ID}", with: id).utf8.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }
        let edits = try plan("CTO-WORK-021", "CTO-WORK-1234", in: ["plan.md": document("CTO-WORK-021")])
        XCTAssertEqual(edits.count, 1)
        XCTAssertEqual(edits.first?.after, document("CTO-WORK-1234"), "only the IDs change, and may change length")
        XCTAssertEqual(edits.first?.ranges.count, 3)
        XCTAssertEqual(edits.first?.after.prefix(3), [0xEF, 0xBB, 0xBF])
    }

    func testANewIDThatIsOnlyMentionedIsAccepted() throws {
        let text = ExampleText.sot("## CTO-WORK-021 - A\n\nStatus: open.\n\nAcceptance:\n\n- Works before CTO-WORK-030 exists.\n")
        let edits = try plan("CTO-WORK-021", "CTO-WORK-030", in: ["a.md": bytes(text)])
        XCTAssertEqual(edits.first?.after, bytes(text.replacingAll("## CTO-WORK-021", with: "## CTO-WORK-030")))
        XCTAssertEqual(edits.first?.ranges.count, 1)
    }

    func testAnIDOnlyMentionedIsRenamedToo() throws {
        let text = ExampleText.sot("## CTO-WORK-001 - A\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by: CTO-WORK-099\n")
        let edits = try plan("CTO-WORK-099", "CTO-WORK-100", in: ["a.md": bytes(text)])
        XCTAssertEqual(edits.first?.after, bytes(text.replacingAll("CTO-WORK-099", with: "CTO-WORK-100")))
    }

    func testEveryRefusal() throws {
        let issue = { (id: String) in "## \(id) - Issue\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\n" }
        let files = [
            "a.md": bytes(ExampleText.sot(issue("CTO-WORK-021") + issue("CTO-WORK-030") + issue("CTO-WORK-050"))),
            "b.md": bytes(ExampleText.companion(title: "Other", issue("CTO-WORK-050") + "Mentions CTO-WORK-070.\n")),
        ]
        XCTAssertEqual(try refusal("CTO-WORK-021", "CTO-WORK-021", in: files), "the new ID is the old one (`CTO-WORK-021`); nothing to rename")
        for notAnID in ["CTO-WORK-3x", "cto-work-031", "CTO-WORK-031 ", "CTO-WORK-031 CTO-WORK-032", ""] {
            XCTAssertEqual(try refusal("CTO-WORK-021", notAnID, in: files),
                           "`\(notAnID)` is not an issue ID: the profile's id_pattern `[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-[0-9]+(\\.[0-9]+)*` does not match it as a whole")
        }
        XCTAssertEqual(try refusal("CTO-WORK-021", "CTO-WORK-030", in: files),
                       "`CTO-WORK-030` is already defined (a.md:23); renaming `CTO-WORK-021` to it would define it twice")
        XCTAssertEqual(try refusal("CTO-WORK-021", "CTO-WORK-050", in: files),
                       "`CTO-WORK-050` is already defined (a.md:31, b.md:15); renaming `CTO-WORK-021` to it would define it twice")
        XCTAssertEqual(try refusal("CTO-WORK-050", "CTO-WORK-051", in: files),
                       "`CTO-WORK-050` is defined more than once (a.md:31, b.md:15); make it defined once, then rename it")
        XCTAssertEqual(try refusal("CTO-WORK-099", "CTO-WORK-100", in: files),
                       "`CTO-WORK-099` is neither defined nor mentioned in any SOT document of the workspace")
        // An ID mentioned only outside the model (fenced code) is unknown to it.
        let fenced = ["c.md": bytes(ExampleText.sot("```\nCTO-WORK-021\n```\n"))]
        XCTAssertEqual(try refusal("CTO-WORK-021", "CTO-WORK-030", in: fenced),
                       "`CTO-WORK-021` is neither defined nor mentioned in any SOT document of the workspace")
        XCTAssertEqual(try plan("CTO-WORK-070", "CTO-WORK-071", in: files).map(\.path), ["b.md"], "the control case is planned")
    }

    func testStaleTextIsRefused() throws {
        let text = ExampleText.sot("## CTO-WORK-021 - A\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\nSee CTO-WORK-021 again.\n")
        let (workspace, matcher) = try workspace(["a.md": bytes(text)])
        let stale = [
            // Another ID where the model saw the old one.
            text.replacingAll("See CTO-WORK-021", with: "See CTO-WORK-029"),
            // Every position shifted by a line inserted above.
            text.replacingAll("# Example\n", with: "# Example\n\nA new line.\n"),
            // Shorter than the model: the mention's line is gone.
            ExampleText.sot("## CTO-WORK-021 - A\n"),
            // One more byte on the mention's line before the ID.
            text.replacingAll("See CTO-WORK-021", with: "See  CTO-WORK-021"),
        ]
        let expected = [
            "a.md:23:5: `CTO-WORK-021` is not there any more (the document changed since the workspace was read); run the rename again",
            "a.md:15:4: `CTO-WORK-021` is not there any more (the document changed since the workspace was read); run the rename again",
            "a.md:23:5: `CTO-WORK-021` is not there any more (the document changed since the workspace was read); run the rename again",
            "a.md:23:5: `CTO-WORK-021` is not there any more (the document changed since the workspace was read); run the rename again",
        ]
        for (current, message) in zip(stale, expected) {
            XCTAssertThrowsError(try IssueRename.plan(from: "CTO-WORK-021", to: "CTO-WORK-030", in: workspace, idMatcher: matcher) { _ in
                self.bytes(current)
            }) { error in
                XCTAssertEqual((error as? IssueRename.Refusal)?.description, message)
            }
        }
        XCTAssertEqual(try IssueRename.plan(from: "CTO-WORK-021", to: "CTO-WORK-030", in: workspace, idMatcher: matcher) { _ in
            self.bytes(text)
        }.first?.ranges.count, 2, "the same workspace with its own text is planned")
    }

    func testTextIsAskedOnlyForDocumentsThatMentionTheIDAndItsErrorsPassThrough() throws {
        let files = [
            "a.md": bytes(ExampleText.sot("## CTO-WORK-021 - A\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
            "b.md": bytes(ExampleText.companion(title: "Other", "## CTO-WORK-022 - B\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")),
        ]
        let (workspace, matcher) = try workspace(files)
        var asked: [String] = []
        _ = try IssueRename.plan(from: "CTO-WORK-021", to: "CTO-WORK-030", in: workspace, idMatcher: matcher) { path in
            asked.append(path)
            return files[path] ?? []
        }
        XCTAssertEqual(asked, ["a.md"])
        XCTAssertThrowsError(try IssueRename.plan(from: "CTO-WORK-021", to: "CTO-WORK-030", in: workspace, idMatcher: matcher) { _ in
            throw Unreadable()
        }) { XCTAssertTrue($0 is Unreadable) }
    }

    func testManyMentionsOnOneLongLine() throws {
        let count = 5_000
        let line = (0..<count).map { "x\($0) {ID}" }.joined(separator: ", ")
        let template = "## {ID} - Many\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\n" + line + "\n"
        let before = bytes(ExampleText.sot(template.replacingAll("{ID}", with: "CTO-WORK-021")))
        let edits = try plan("CTO-WORK-021", "CTO-WORK-30", in: ["a.md": before])
        XCTAssertEqual(edits.first?.ranges.count, count + 1)
        XCTAssertEqual(edits.first?.after, bytes(ExampleText.sot(template.replacingAll("{ID}", with: "CTO-WORK-30"))))
    }
}
