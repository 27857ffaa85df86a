import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// Under the default `id_pattern`, which reads `PLAT-123` and therefore `UTF-8` too, a mention outside the
/// relation fields is a reference only when its prefix is known (`ids.prose: known-prefixes`); headings
/// open issues only in the `ID - Title` form or above a field.
final class ProseReferenceScopeTests: XCTestCase {
    /// The reference findings of two documents whose issues are all `PLAT-` issues; `body` is the first one's body.
    private func lint(_ body: String, config: String? = nil) throws -> [String] {
        let other = ExampleText.companion(title: "Other", "## PLAT-12 - Store dates\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")
        let report = try RuleHarness.lint(files: [MemoryFile(path: "a.md", text: ExampleText.sot(body)), MemoryFile(path: "b.md", text: other)],
                                          config: config)
        return report.diagnostics.filter { $0.rule.hasPrefix("reference-") }.map { "\($0.path):\($0.range.start.line):\($0.range.start.column) \($0.rule)" }
    }

    private let words = """
        ## PLAT-13 - Hash the files

        Status: open.

        Files are UTF-8, hashed with SHA-256; dates follow ISO-8601 and RFC-3339 (see RFC-2119 for MUST).

        Acceptance:

        - COVID-19 era data and X-1 planes still read as UTF-8.

        Notes:

        - In 2026 we replaced SHA-1.

        """

    func testWordsShapedLikeIDsAreNoReferencesWhereNoIssueHasTheirPrefix() throws {
        XCTAssertEqual(try lint(words), [])
    }

    func testEveryMentionIsAReferenceWithIDsProseAll() throws {
        let found = try lint(words, config: "ids:\n  prose: all\n")
        XCTAssertEqual(found, ["a.md:19:11 reference-unresolved", "a.md:19:30 reference-unresolved", "a.md:19:52 reference-unresolved",
                               "a.md:19:65 reference-unresolved", "a.md:19:79 reference-unresolved", "a.md:23:3 reference-unresolved",
                               "a.md:23:25 reference-unresolved", "a.md:23:50 reference-unresolved", "a.md:27:23 reference-unresolved"])
    }

    func testAProseMentionOfAKnownPrefixIsAReference() throws {
        let found = try lint("## PLAT-13 - Hash the files\n\nStatus: open.\n\nAfter PLAT-999, and PLAT-12.\n\nAcceptance:\n\n- Like PLAT-12.1.\n")
        XCTAssertEqual(found, ["a.md:19:7 reference-unresolved", "a.md:23:8 reference-unresolved"])
    }

    func testABlockerIsAReferenceWhateverItsPrefix() throws {
        let found = try lint("## PLAT-13 - Hash the files\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- XYZ-1\n- `PLAT-12`\n")
        XCTAssertEqual(found, ["a.md:25:3 reference-unresolved"])
    }

    func testAnExternalPrefixIsListedAndNotUnresolved() throws {
        let found = try lint("## PLAT-13 - Hash the files\n\nStatus: open.\n\nWaits for JIRA-5 and UTF-8.\n\nAcceptance:\n\n- Works.\n",
                             config: "external: [\"JIRA-[0-9]+\"]\nrules:\n  reference-external: info\n")
        XCTAssertEqual(found, ["a.md:19:11 reference-external"])
    }

    func testIDsProseTakesTwoValues() {
        XCTAssertThrowsError(try ProfileLoader.load(configText: "ids:\n  prose: some\n", configPath: ".sot-lint.yml")) { error in
            XCTAssertTrue("\(error)".contains("`ids.prose` must be `known-prefixes` or `all`"), "\(error)")
        }
        XCTAssertEqual(try ProfileLoader.load(configText: "ids:\n  prose: all\n", configPath: ".sot-lint.yml").ids.prose, .all)
        XCTAssertEqual(try ProfileLoader.defaultProfile().ids.prose, .knownPrefixes)
    }

    func testPrefixes() {
        XCTAssertEqual(["CTO-WORK-021", "PLAT-12", "BACK-222.1", "T123", "A1-B2-3"].map(IDPrefixes.prefix(of:)), ["CTO-WORK", "PLAT", "BACK", "T", "A1-B2"])
        let prefixes = IDPrefixes(ids: ["CTO-WORK-021", "BACK-222.1"])
        XCTAssertTrue(prefixes.contains(prefixOf: "CTO-WORK-999"))
        XCTAssertTrue(prefixes.contains(prefixOf: "BACK-7"))
        XCTAssertFalse(prefixes.contains(prefixOf: "UTF-8"))
        XCTAssertFalse(prefixes.contains(prefixOf: "CTO-1"), "a prefix is whole: CTO is not CTO-WORK")
    }

    func testHeadingsOpenIssuesInTheIDTitleFormOrAboveAField() throws {
        let document = DocumentBuilder.build(SourceText(path: "a.md", text: ExampleText.sot("""
            ## UTF-8 support

            Text.

            ## ISO-8601: dates

            ## UTF-8-encoded names

            ## PLAT-13 - Hash the files

            Status: open.

            ### SHA-256

            ## PLAT-14 Without a dash

            Status: open.

            ## PLAT-15: With a colon

            Acceptance:

            - Works.

            ## PLAT-16 – An en dash

            ## PLAT-17 Words and nothing more

            """)), profile: try ProfileLoader.defaultProfile())
        XCTAssertEqual(document.sections.map(\.id), ["PLAT-13", "PLAT-14", "PLAT-15", "PLAT-16"])
        XCTAssertEqual(document.sections.map(\.headingIsWellFormed), [true, false, false, false])
    }
}
