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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class FileDiscoveryTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("FileDiscoveryTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        root = directory.path
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    /// Creates each file (with its parent folders) below the temporary root; values are contents.
    private func write(_ files: [String: String]) throws {
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    /// The files found below `subdirectory` of the root, relative to the root.
    private func discover(_ subdirectory: String = "", accept: (String) -> Bool = { _ in true }) throws -> [String] {
        let directory = subdirectory.isEmpty ? root : root + "/" + subdirectory
        let found = try FileDiscovery(ignoreRoot: root).files(under: directory, accept: accept)
        return found.map { String($0.dropFirst(root.count + 1)) }
    }

    func testLookupAgreesWithFindInAnyOrder() throws {
        // Nested markers of both kinds, a .git file (a worktree's), an ignored folder with its own
        // configuration, and folders with no marker up to the temporary root.
        try write(["a/b/c/x.md": "", "a/b/.sot-lint.yml": "", "a/b/c/d/e/y.md": "", "g/.git/HEAD": "", "g/h/.sot-lint.yml": "",
                   "g/h/i/z.md": "", "g/j/k/w.md": "", "plain/deep/er/v.md": "", "wt/.git": "gitdir: elsewhere\n", "wt/s/u.md": "",
                   ".gitignore": "hidden/\n", "hidden/.sot-lint.yml": "", "hidden/in/t.md": ""])
        let folders = ["a/b/c/d/e", "a/b/c", "a/b", "a", "g/h/i", "g/h", "g/j/k", "g/j", "g", "plain/deep/er", "plain/deep", "plain",
                       "wt/s", "wt", "hidden/in", "hidden", ""]
            .map { $0.isEmpty ? root : root + "/" + $0 }
        let walk = try FileDiscovery(ignoreRoot: root).walk(under: root) { _ in true }
        XCTAssertEqual(walk.marked.sorted(), [root + "/a/b", root + "/g", root + "/g/h", root + "/wt"], "the listings that name a marker")
        XCTAssertFalse(walk.folders.contains(root + "/hidden"), "an ignored folder is not listed")
        var random = SeededGenerator(seed: 7)
        for round in 0..<6 {
            // Half the rounds know the walk's listings and look only at the marked folders and the others.
            var lookup = ProjectRoot.Lookup()
            if round % 2 == 1 { lookup.learn(walk) }
            for folder in folders.shuffled(using: &random) + folders.shuffled(using: &random) {
                XCTAssertEqual(lookup.location(of: folder), ProjectRoot.find(from: folder), folder)
            }
        }
        var lookup = ProjectRoot.Lookup()
        lookup.learn(walk)
        XCTAssertEqual(lookup.location(of: root + "/a/b/c/d/e").root, root + "/a/b")
        XCTAssertEqual(lookup.location(of: root + "/g/j/k").root, root + "/g")
        XCTAssertEqual(lookup.location(of: root + "/hidden/in").root, root + "/hidden", "a folder the walk did not list is looked at")
    }

    func testRootGitignore() throws {
        try write([
            ".gitignore": "# build output\n*.log\nbuild/\n",
            "a.md": "", "debug.log": "", "build/out.md": "", "src/b.md": "", "src/trace.log": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "a.md", "src/b.md"])
    }

    func testNestedGitignoreAppliesBelowItsDirectoryAndOverridesParent() throws {
        try write([
            ".gitignore": "*.tmp\n",
            "sub/.gitignore": "local.md\n!keep.tmp\n/anchored.md\n",
            "local.md": "", "keep.tmp": "", "anchored.md": "",
            "sub/local.md": "", "sub/keep.tmp": "", "sub/other.tmp": "", "sub/anchored.md": "",
            "sub/deeper/local.md": "", "sub/deeper/anchored.md": "",
        ])
        XCTAssertEqual(
            try discover(),
            [".gitignore", "anchored.md", "local.md", "sub/.gitignore", "sub/deeper/anchored.md", "sub/keep.tmp"])
    }

    func testNegationReincludesAndLastMatchWins() throws {
        try write([
            ".gitignore": "*.md\n!README.md\n!late.md\nlate.md\n",
            "README.md": "", "docs/README.md": "", "a.md": "", "late.md": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "README.md", "docs/README.md"])
    }

    func testFileCannotBeReincludedWhenParentDirectoryIsExcluded() throws {
        try write([
            ".gitignore": "build/\n!build/keep.md\ncache/*\n!cache/keep.md\n",
            "build/keep.md": "", "build/other.md": "", "cache/keep.md": "", "cache/other.md": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "cache/keep.md"])
    }

    func testDirectoryOnlyPattern() throws {
        try write([".gitignore": "out/\n", "out/a.md": "", "src/out/b.md": "", "src/out.md": "", "lib/out": ""])
        XCTAssertEqual(try discover(), [".gitignore", "lib/out", "src/out.md"])
    }

    func testAnchoredVersusUnanchored() throws {
        try write([
            ".gitignore": "/top.md\nname.md\ndoc/x.md\n",
            "top.md": "", "sub/top.md": "", "name.md": "", "sub/deep/name.md": "",
            "doc/x.md": "", "sub/doc/x.md": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "sub/doc/x.md", "sub/top.md"])
    }

    func testDoubleStarInAllThreePositions() throws {
        try write([
            ".gitignore": "**/gen/*.md\nlogs/**\n!logs/keep.md\na/**/z.md\n",
            "gen/a.md": "", "x/gen/b.md": "", "x/y/gen/c.md": "", "gen/sub/d.md": "",
            "logs/a.md": "", "logs/x/b.md": "", "logs/keep.md": "",
            "a/z.md": "", "a/b/z.md": "", "a/b/c/z.md": "", "a/zz.md": "", "b/a/z.md": "",
        ])
        XCTAssertEqual(
            try discover(),
            [".gitignore", "a/zz.md", "b/a/z.md", "gen/sub/d.md", "logs/keep.md"])
    }

    func testCharacterClasses() throws {
        try write([
            ".gitignore": "file[0-9].md\n[!a-c]*.txt\n",
            "file1.md": "", "filex.md": "", "a.txt": "", "d.txt": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "a.txt", "filex.md"])
    }

    func testEscapedHashAndBang() throws {
        try write([
            ".gitignore": "#a.md\n\\#b.md\n\\!c.md\n",
            "#a.md": "", "#b.md": "", "!c.md": "", "a.md": "",
        ])
        XCTAssertEqual(try discover(), ["#a.md", ".gitignore", "a.md"])
    }

    func testTrailingSpaces() throws {
        try write([".gitignore": "space.md   \nkeep\\ \n", "space.md": "", "keep ": "", "keep": ""])
        XCTAssertEqual(try discover(), [".gitignore", "keep"])
    }

    func testGitFoldersAreSkippedEvenWhenNotIgnored() throws {
        try write([".git/config.md": "", ".git/info/x.md": "", "sub/.git/y.md": "", "sub/z.md": "", "a.md": ""])
        XCTAssertEqual(try discover(), ["a.md", "sub/z.md"])
    }

    func testInfoExcludeHasLowerPrecedenceThanGitignore() throws {
        try write([
            ".git/info/exclude": "*.tmp\nsecret.md\n",
            ".gitignore": "!keep.tmp\n",
            "keep.tmp": "", "other.tmp": "", "secret.md": "", "sub/secret.md": "", "a.md": "",
        ])
        XCTAssertEqual(try discover(), [".gitignore", "a.md", "keep.tmp"])
    }

    func testSymlinkedDirectoriesAreNotFollowed() throws {
        try write(["a.md": "", "sub/b.md": ""])
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)
        try manager.createSymbolicLink(atPath: root + "/linked", withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: root + "/dangling.md", withDestinationPath: "missing.md")
        XCTAssertEqual(try discover(), ["a.md", "link.md", "sub/b.md"])
    }

    func testALinkedFileIsListedOnce() throws {
        try write(["a.md": "", "sub/b.md": ""])
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("FileDiscoveryTests-out-\(UUID().uuidString).md").path
        try "".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: root + "/sub/up.md", withDestinationPath: "../sub/b.md")
        try manager.createSymbolicLink(atPath: root + "/out1.md", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: root + "/out2.md", withDestinationPath: outside)
        let walk = try FileDiscovery(ignoreRoot: root).walk(under: root) { _ in true }
        XCTAssertEqual(walk.files.map { String($0.dropFirst(root.count + 1)) }, ["a.md", "link.md", "out1.md", "out2.md", "sub/b.md", "sub/up.md"])
        XCTAssertEqual(walk.links.count, 4)
        // Links to files the walk found are left out; of two links to one file outside, the first stays.
        XCTAssertEqual(walk.distinctFiles.map { String($0.dropFirst(root.count + 1)) }, ["a.md", "out1.md", "sub/b.md"])
    }

    func testPathsAreJoinedWithTheDirectoryAsGiven() throws {
        try write(["a.md": "", "docs/x.md": ""])
        let manager = FileManager.default
        let previous = manager.currentDirectoryPath
        XCTAssertTrue(manager.changeCurrentDirectoryPath(root))
        defer { _ = manager.changeCurrentDirectoryPath(previous) }
        let discovery = FileDiscovery(ignoreRoot: ".")
        XCTAssertEqual(try discovery.files(under: ".", accept: { _ in true }), ["./a.md", "./docs/x.md"])
        XCTAssertEqual(try discovery.files(under: "docs", accept: { _ in true }), ["docs/x.md"])
        XCTAssertEqual(try discovery.files(under: "docs/", accept: { _ in true }), ["docs/x.md"])
        XCTAssertEqual(try discovery.files(under: root + "/docs", accept: { _ in true }), [root + "/docs/x.md"])
        XCTAssertEqual(
            try discovery.files(under: root + "/", accept: { _ in true }), [root + "/a.md", root + "/docs/x.md"])
    }

    func testOutputIsSortedByteWise() throws {
        try write(["b.md": "", "a/b.md": "", "a.md": "", "A.md": "", "a-b.md": "", "é.md": "", "z.md": "", "a0.md": "",
                   "sixteen-letters-.md": "", "sixteen-letters-/x.md": "", "sixteen-letters-0.md": "", "sixteen-letters--.md": ""])
        XCTAssertEqual(try discover(), ["A.md", "a-b.md", "a.md", "a/b.md", "a0.md", "b.md", "sixteen-letters--.md", "sixteen-letters-.md",
                                        "sixteen-letters-/x.md", "sixteen-letters-0.md", "z.md", "é.md"])
    }

    func testAcceptReceivesFileNames() throws {
        try write(["a.md": "", "b.swift": "", "docs/c.md": "", "docs/d.txt": ""])
        var seen: [String] = []
        let found = try discover { name in
            seen.append(name)
            return name.hasSuffix(".md")
        }
        XCTAssertEqual(found, ["a.md", "docs/c.md"])
        XCTAssertEqual(seen.sorted(), ["a.md", "b.swift", "c.md", "d.txt"])
    }

    func testIgnoreFilesBetweenRootAndDirectoryApply() throws {
        try write([
            ".gitignore": "*.log\n",
            "sub/.gitignore": "x.md\n",
            "sub/inner/x.md": "", "sub/inner/y.md": "", "sub/inner/z.log": "",
        ])
        XCTAssertEqual(try discover("sub/inner"), ["sub/inner/y.md"])
    }

    func testIgnoredDirectoryYieldsNoFiles() throws {
        try write([".gitignore": "build/\n", "build/a.md": "", "build/sub/b.md": ""])
        XCTAssertEqual(try discover("build"), [])
        XCTAssertEqual(try discover("build/sub"), [])
    }

    func testIsIgnored() throws {
        try write([
            ".gitignore": "*.log\nbuild/\n!build/keep.md\n",
            "sub/.gitignore": "!important.log\n",
        ])
        let discovery = FileDiscovery(ignoreRoot: root)
        XCTAssertTrue(discovery.isIgnored(root + "/a.log", isDirectory: false))
        XCTAssertFalse(discovery.isIgnored(root + "/a.md", isDirectory: false))
        XCTAssertTrue(discovery.isIgnored(root + "/build/keep.md", isDirectory: false))
        XCTAssertTrue(discovery.isIgnored(root + "/build", isDirectory: true))
        XCTAssertFalse(discovery.isIgnored(root + "/build", isDirectory: false))
        XCTAssertFalse(discovery.isIgnored(root + "/sub/important.log", isDirectory: false))
        XCTAssertTrue(discovery.isIgnored(root + "/sub/other.log", isDirectory: false))
        XCTAssertTrue(discovery.isIgnored(root + "/.git/config", isDirectory: false))
        XCTAssertFalse(discovery.isIgnored("/elsewhere/a.log", isDirectory: false))
    }

    func testMissingDirectoryThrows() {
        let missing = root + "/missing"
        XCTAssertThrowsError(try FileDiscovery(ignoreRoot: root).files(under: missing, accept: { _ in true })) {
            XCTAssertEqual(
                $0 as? DiscoveryError,
                .unreadableDirectory(path: missing, reason: "No such file or directory"))
        }
    }

    func testUnreadableDirectoryThrows() throws {
        try write(["a.md": "", "locked/b.md": ""])
        let locked = root + "/locked"
        XCTAssertEqual(chmod(locked, 0), 0)
        defer { _ = chmod(locked, 0o755) }
        // Permissions do not stop root from reading, so there is nothing to observe there.
        if getuid() == 0 { return }
        XCTAssertThrowsError(try FileDiscovery(ignoreRoot: root).files(under: root, accept: { _ in true })) {
            XCTAssertEqual($0 as? DiscoveryError, .unreadableDirectory(path: locked, reason: "Permission denied"))
        }
    }

    func testManyFilesAreFound() throws {
        var files: [String: String] = [".gitignore": "*.skip\n"]
        for directory in 0..<20 {
            for file in 0..<50 {
                files["d\(directory)/f\(file).md"] = ""
                files["d\(directory)/f\(file).skip"] = ""
            }
        }
        try write(files)
        let found = try discover()
        XCTAssertEqual(found.count, 1_001)
        XCTAssertEqual(found.first, ".gitignore")
        XCTAssertEqual(found.last, "d9/f9.md")
    }
}
