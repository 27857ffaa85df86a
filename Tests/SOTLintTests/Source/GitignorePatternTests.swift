import Foundation
import XCTest

@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

final class GitignorePatternTests: XCTestCase {
    private func pattern(
        _ line: String, file: StaticString = #filePath, line number: UInt = #line
    ) throws -> GitignorePattern {
        try XCTUnwrap(GitignorePattern(line), "\(line) should parse", file: file, line: number)
    }

    func testBlankLinesAndCommentsAreNotPatterns() {
        XCTAssertNil(GitignorePattern(""))
        XCTAssertNil(GitignorePattern("   "))
        XCTAssertNil(GitignorePattern("# a comment"))
        XCTAssertNil(GitignorePattern("#"))
        XCTAssertNil(GitignorePattern("!"))
    }

    func testEscapedHashAndBangAreLiterals() throws {
        let hash = try pattern("\\#notes.md")
        XCTAssertFalse(hash.isNegated)
        XCTAssertTrue(hash.matches("#notes.md", isDirectory: false))
        XCTAssertFalse(hash.matches("notes.md", isDirectory: false))

        let bang = try pattern("\\!important.md")
        XCTAssertFalse(bang.isNegated)
        XCTAssertTrue(bang.matches("!important.md", isDirectory: false))
        XCTAssertFalse(bang.matches("important.md", isDirectory: false))
    }

    func testNegation() throws {
        let negated = try pattern("!keep.md")
        XCTAssertTrue(negated.isNegated)
        XCTAssertTrue(negated.matches("keep.md", isDirectory: false))
    }

    func testTrailingSpacesAreTrimmedUnlessEscaped() throws {
        let trimmed = try pattern("notes.md   ")
        XCTAssertTrue(trimmed.matches("notes.md", isDirectory: false))
        XCTAssertFalse(trimmed.matches("notes.md   ", isDirectory: false))

        let escaped = try pattern("notes\\ ")
        XCTAssertTrue(escaped.matches("notes ", isDirectory: false))
        XCTAssertFalse(escaped.matches("notes", isDirectory: false))

        let escapedThenSpaces = try pattern("notes\\   ")
        XCTAssertTrue(escapedThenSpaces.matches("notes ", isDirectory: false))
        XCTAssertFalse(escapedThenSpaces.matches("notes   ", isDirectory: false))
    }

    func testCarriageReturnIsDropped() throws {
        XCTAssertTrue(try pattern("build\r").matches("build", isDirectory: false))
    }

    func testTrailingSlashMatchesDirectoriesOnly() throws {
        let build = try pattern("build/")
        XCTAssertTrue(build.isDirectoryOnly)
        XCTAssertTrue(build.matches("build", isDirectory: true))
        XCTAssertTrue(build.matches("src/build", isDirectory: true))
        XCTAssertFalse(build.matches("build", isDirectory: false))
    }

    func testPatternWithoutSlashMatchesAtAnyDepth() throws {
        let name = try pattern("notes.md")
        XCTAssertTrue(name.matchesBasename)
        XCTAssertTrue(name.matches("notes.md", isDirectory: false))
        XCTAssertTrue(name.matches("a/b/notes.md", isDirectory: false))
        XCTAssertFalse(name.matches("a/notes.md.bak", isDirectory: false))
    }

    func testLeadingOrMiddleSlashAnchors() throws {
        let leading = try pattern("/notes.md")
        XCTAssertFalse(leading.matchesBasename)
        XCTAssertTrue(leading.matches("notes.md", isDirectory: false))
        XCTAssertFalse(leading.matches("a/notes.md", isDirectory: false))

        let middle = try pattern("doc/frotz")
        XCTAssertTrue(middle.matches("doc/frotz", isDirectory: false))
        XCTAssertFalse(middle.matches("a/doc/frotz", isDirectory: false))
    }

    func testStarAndQuestionMarkDoNotCrossSlashes() throws {
        let star = try pattern("doc/*.md")
        XCTAssertTrue(star.matches("doc/a.md", isDirectory: false))
        XCTAssertTrue(star.matches("doc/.md", isDirectory: false))
        XCTAssertFalse(star.matches("doc/x/a.md", isDirectory: false))

        let question = try pattern("a?c")
        XCTAssertTrue(question.matches("abc", isDirectory: false))
        XCTAssertFalse(question.matches("ac", isDirectory: false))
        XCTAssertFalse(question.matches("a/c", isDirectory: false))

        let hidden = try pattern("*.swp")
        XCTAssertTrue(hidden.matches(".file.swp", isDirectory: false))
    }

    func testLeadingDoubleStar() throws {
        let leading = try pattern("**/gen")
        XCTAssertTrue(leading.matches("gen", isDirectory: true))
        XCTAssertTrue(leading.matches("a/gen", isDirectory: true))
        XCTAssertTrue(leading.matches("a/b/gen", isDirectory: false))
        XCTAssertFalse(leading.matches("a/gen/b", isDirectory: false))
        XCTAssertFalse(leading.matches("agen", isDirectory: false))
    }

    func testTrailingDoubleStar() throws {
        let trailing = try pattern("logs/**")
        XCTAssertTrue(trailing.matches("logs/a", isDirectory: false))
        XCTAssertTrue(trailing.matches("logs/a/b/c", isDirectory: false))
        XCTAssertFalse(trailing.matches("logs", isDirectory: true))
        XCTAssertFalse(trailing.matches("x/logs/a", isDirectory: false))
    }

    func testMiddleDoubleStar() throws {
        let middle = try pattern("a/**/b")
        XCTAssertTrue(middle.matches("a/b", isDirectory: false))
        XCTAssertTrue(middle.matches("a/x/b", isDirectory: false))
        XCTAssertTrue(middle.matches("a/x/y/b", isDirectory: false))
        XCTAssertFalse(middle.matches("a/xb", isDirectory: false))
        XCTAssertFalse(middle.matches("x/a/b", isDirectory: false))
        XCTAssertFalse(middle.matches("a/b/c", isDirectory: false))
    }

    func testDoubleStarInsideAComponentIsAStar() throws {
        let inside = try pattern("a**z")
        XCTAssertTrue(inside.matches("abcz", isDirectory: false))
        XCTAssertTrue(inside.matches("dir/az", isDirectory: false))
        XCTAssertFalse(try pattern("x/a**z").matches("x/a/z", isDirectory: false))
    }

    func testCharacterClasses() throws {
        let range = try pattern("file[0-9].md")
        XCTAssertTrue(range.matches("file7.md", isDirectory: false))
        XCTAssertFalse(range.matches("filex.md", isDirectory: false))

        let negated = try pattern("[!a-c]*")
        XCTAssertTrue(negated.matches("dog", isDirectory: false))
        XCTAssertFalse(negated.matches("cat", isDirectory: false))

        let caret = try pattern("[^a]")
        XCTAssertTrue(caret.matches("b", isDirectory: false))
        XCTAssertFalse(caret.matches("a", isDirectory: false))

        let bracketFirst = try pattern("[]x]")
        XCTAssertTrue(bracketFirst.matches("]", isDirectory: false))
        XCTAssertTrue(bracketFirst.matches("x", isDirectory: false))

        let dashLast = try pattern("[a-]")
        XCTAssertTrue(dashLast.matches("-", isDirectory: false))
        XCTAssertFalse(dashLast.matches("b", isDirectory: false))

        let posix = try pattern("v[[:digit:]][[:upper:]]")
        XCTAssertTrue(posix.matches("v1A", isDirectory: false))
        XCTAssertFalse(posix.matches("v1a", isDirectory: false))

        let hex = try pattern("[[:xdigit:]]")
        XCTAssertTrue(hex.matches("F", isDirectory: false))
        XCTAssertTrue(hex.matches("9", isDirectory: false))
        XCTAssertFalse(hex.matches("g", isDirectory: false))
    }

    func testMalformedPatternsNeverMatch() throws {
        XCTAssertFalse(try pattern("[abc").matches("[abc", isDirectory: false))
        XCTAssertFalse(try pattern("[abc").matches("a", isDirectory: false))
        XCTAssertFalse(try pattern("[[:nope:]]").matches("n", isDirectory: false))
    }

    func testBackslashEscapesWildcards() throws {
        let escaped = try pattern("\\*.md")
        XCTAssertTrue(escaped.matches("*.md", isDirectory: false))
        XCTAssertFalse(escaped.matches("a.md", isDirectory: false))
    }

    func testPathologicalStarsFinishPromptly() throws {
        let stars = try pattern("a*a*a*a*a*a*a*a*b")
        let anchored = try pattern("**/a*a*a*a*a*a*a*a*b")
        let subject = String(repeating: "a", count: 200)
        let deep = Array(repeating: "a", count: 60).joined(separator: "/")
        let manyDoubleStars = try pattern("a/**/**/**/**/**/**/**/**/b")

        let started = Date()
        XCTAssertFalse(stars.matches(subject, isDirectory: false))
        XCTAssertFalse(anchored.matches("x/" + subject, isDirectory: false))
        XCTAssertTrue(stars.matches(subject + "b", isDirectory: false))
        XCTAssertFalse(manyDoubleStars.matches(deep, isDirectory: false))
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)
    }
}
