import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

final class DocumentBuilderTests: XCTestCase {
    private let header = "---\ntitle: T\nlifecycle_classification: sot\n---\n# T\n\n"

    private func build(_ text: String) throws -> SOTDocument {
        DocumentBuilder.build(SourceText(path: "a.md", text: text), profile: try ProfileLoader.defaultProfile())
    }

    func testStatusForms() throws {
        let forms: [(String, String, Int)] = [
            ("Status: blocked.", "blocked", 9),
            ("**Status:** Blocked", "blocked", 13),
            ("**Status**: Done.", "done", 13),
            ("Status: in progress", "in-progress", 9),
            ("status: `validated`", "validated", 10),
            ("Status: blocked — waiting on design", "blocked", 9),
            ("Status: open (since May)", "open", 9),
        ]
        for (line, normalized, column) in forms {
            let document = try build(header + "## CTO-WORK-001 - A\n\n\(line)\n")
            let status = try XCTUnwrap(document.sections.first?.status, line)
            XCTAssertEqual(status.normalized, normalized, line)
            XCTAssertEqual(status.range.start, SourcePosition(line: 9, column: column), line)
        }
    }

    func testSectionsFieldsAndReferences() throws {
        let document = try build(header + """
        Intro mentions CTO-WORK-009.

        ## CTO-WORK-001 - First issue

        Status: blocked.

        **Acceptance:**
        - Tight item with `CTO-WORK-002`.
        - Second item.

        Blocked by:

        - `CTO-WORK-002` first, see CTO-WORK-003.

        ## Background

        Not an issue; mentions CTO-WORK-004.

        ## CTO-WORK-002 - Second

        ```
        CTO-WORK-777 in a fence is no reference
        ```
        """)
        XCTAssertTrue(document.isSOT)
        XCTAssertEqual(document.sections.map(\.id), ["CTO-WORK-001", "CTO-WORK-002"])
        let first = document.sections[0]
        XCTAssertEqual(first.title, "First issue")
        XCTAssertTrue(first.headingIsWellFormed)
        XCTAssertEqual(first.idRange, SourceRange(line: 9, column: 4, endLine: 9, endColumn: 16))
        XCTAssertEqual(first.fields.map(\.label), ["Status", "Acceptance", "Blocked by"])
        XCTAssertEqual(first.field("Acceptance")?.items.map(\.text), ["Tight item with `CTO-WORK-002`.", "Second item."])
        XCTAssertEqual(first.field("Acceptance")?.items.first?.range.start, SourcePosition(line: 14, column: 3))
        XCTAssertEqual(first.blockers.map(\.id), ["CTO-WORK-002"])
        XCTAssertEqual(first.references.map(\.id), ["CTO-WORK-002", "CTO-WORK-002", "CTO-WORK-003"])
        XCTAssertEqual(first.references.map(\.inCodeSpan), [true, true, false])
        XCTAssertEqual(first.references.map(\.field), ["Acceptance", "Blocked by", "Blocked by"])
        XCTAssertEqual(first.references[0].range, SourceRange(line: 14, column: 20, endLine: 14, endColumn: 32))
        XCTAssertEqual(document.references.map(\.id), ["CTO-WORK-009", "CTO-WORK-002", "CTO-WORK-002", "CTO-WORK-003", "CTO-WORK-004"])
        XCTAssertEqual(document.references.first?.sectionID, nil)
        XCTAssertEqual(document.preamble, ["Intro mentions CTO-WORK-009."])
    }

    func testMalformedHeadingsStillDefineIssues() throws {
        // Without ` - `, a heading opens an issue when a field follows it (`## UTF-8: notes` is no issue).
        let document = try build(header + "## CTO-WORK-001: Colon\n\nStatus: open.\n\n## CTO-WORK-002\n\nStatus: open.\n\n## CTO-WORK-003 -  Double\n")
        XCTAssertEqual(document.sections.map(\.id), ["CTO-WORK-001", "CTO-WORK-002", "CTO-WORK-003"])
        XCTAssertEqual(document.sections.map(\.headingIsWellFormed), [false, false, false])
        XCTAssertEqual(document.sections.map(\.title), ["Colon", "", "Double"])
    }

    func testIDsNeedWordBoundaries() throws {
        let document = try build(header + "## CTO-WORK-001 - A\n\nXCTO-WORK-1 is one ID; CTO-WORK-12a and a-CTO-WORK-3 are none; (CTO-WORK-4).\n")
        XCTAssertEqual(document.references.map(\.id), ["XCTO-WORK-1", "CTO-WORK-4"])
    }

    func testUnknownLabelsAreFieldsOnlyWhenTheyLookLikeOnes() throws {
        let document = try build(header + "## CTO-WORK-001 - A\n\nAcceptence:\n\n- x\n\nNote: plain prose.\n\n**Owner:** jp\n\nEvidance: typo with text\n")
        let fields = document.sections[0].fields
        XCTAssertEqual(fields.map(\.rawLabel), ["Acceptence", "Owner", "Evidance"])
        XCTAssertEqual(fields.map(\.isKnown), [false, false, false])
    }

    func testDirectives() throws {
        let document = try build(header + "<!-- sot-lint-disable status-unknown, h1-single -->\n\n<!-- sot-lint-enable -->\n")
        XCTAssertEqual(document.directives.map(\.kind), [.disable, .enable])
        XCTAssertEqual(document.directives[0].rules, ["status-unknown", "h1-single"])
        XCTAssertEqual(document.directives[0].range.start, SourcePosition(line: 7, column: 1))
    }

    func testCRLFBOMAndTabsDoNotShiftPositions() throws {
        let text = "---\r\ntitle: T\r\nlifecycle_classification: sot\r\n---\r\n# T\r\n\r\n## CTO-WORK-001 - A\r\n\r\nStatus:\tblokced\r\n\r\nAcceptance:\r\n\r\n- \tsee `CTO-WORK-404`\r\n"
        let document = DocumentBuilder.build(SourceText(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
                                             profile: try ProfileLoader.defaultProfile())
        XCTAssertTrue(document.isSOT)
        let section = try XCTUnwrap(document.sections.first)
        XCTAssertEqual(section.idRange.start, SourcePosition(line: 7, column: 4))
        XCTAssertEqual(section.status?.range, SourceRange(line: 9, column: 9, endLine: 9, endColumn: 16))
        XCTAssertEqual(section.references.first?.range.start, SourcePosition(line: 13, column: 9))
    }

    func testClassification() throws {
        XCTAssertFalse(try build("---\ntitle: x\nlifecycle_classification: reference\n---\n# x\n").isSOT)
        let typo = try build("---\nlifecycle_classification: sotx\n---\n# x\n")
        XCTAssertFalse(typo.isSOT)
        XCTAssertTrue(typo.looksLikeSOT)
        XCTAssertFalse(try build("# Plain\n\nText.\n").looksLikeSOT)
        XCTAssertTrue(try build("# Plain\n\n## CTO-WORK-001 - A\n").looksLikeSOT)
    }

    func testEmptyFile() throws {
        let document = try build("")
        XCTAssertFalse(document.isSOT)
        XCTAssertTrue(document.sections.isEmpty)
    }

    func testUnclosedFrontMatterStillFindsIssueHeadings() throws {
        let document = try build("---\ntitle: x\n\n## CTO-WORK-001 - A\n")
        guard case .unclosed = document.frontMatter else { return XCTFail() }
        XCTAssertTrue(document.looksLikeSOT)
    }
}
