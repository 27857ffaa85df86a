import XCTest
@testable import SOTSource

/// Path arithmetic runs on bytes: the same answers as component-wise string work, for any spelling.
final class PathArithmeticTests: XCTestCase {
    func testRelative() {
        XCTAssertEqual(FilePath.relative("/a/b/c.md", to: "/a"), "b/c.md")
        XCTAssertEqual(FilePath.relative("/a", to: "/a"), ".")
        XCTAssertEqual(FilePath.relative("/ab/c.md", to: "/a"), "/ab/c.md", "a sibling with a longer name is not below")
        XCTAssertEqual(FilePath.relative("/a/c.md", to: "/"), "a/c.md")
        XCTAssertEqual(FilePath.relative("/x/c.md", to: "/a"), "/x/c.md")
        XCTAssertEqual(FilePath.relative("/é/ü/c.md", to: "/é"), "ü/c.md")
        // A combining accent is its own bytes: "e" + U+0301 is not below "/e" although it starts with it.
        XCTAssertEqual(FilePath.relative("/e\u{301}/c.md", to: "/e"), "/e\u{301}/c.md")
        XCTAssertEqual(FilePath.relative("/a/", to: "/a"), "", "the folder itself, spelt with a slash")
    }

    func testParent() {
        XCTAssertEqual(FilePath.parent("/a/b/c.md"), "/a/b")
        XCTAssertEqual(FilePath.parent("/c.md"), "/")
        XCTAssertEqual(FilePath.parent("c.md"), ".")
        XCTAssertEqual(FilePath.parent("é/ü.md"), "é")
    }

    func testGlobs() {
        let markdown = PathGlob("**/*.md")
        XCTAssertTrue(markdown.matches("a.md"))
        XCTAssertTrue(markdown.matches("docs/deep/a.md"))
        XCTAssertTrue(markdown.matches("docs/a.md/"))
        XCTAssertFalse(markdown.matches("docs/a.markdown"))
        XCTAssertFalse(markdown.matches(""))
        XCTAssertTrue(markdown.matches("docs//é.md"))
        let docs = PathGlob("./docs/**/plan-?.md")
        XCTAssertTrue(docs.matches("docs/plan-1.md"))
        XCTAssertTrue(docs.matches("docs/a/b/plan-x.md"))
        XCTAssertFalse(docs.matches("other/plan-1.md"))
        XCTAssertFalse(docs.matches("docs/plan-12.md"))
        XCTAssertTrue(PathGlob("notes/[ab]*.md").matches("notes/alpha.md"))
        XCTAssertFalse(PathGlob("notes/[ab]*.md").matches("notes/gamma.md"))
    }
}
