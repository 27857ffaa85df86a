import Foundation
import XCTest

/// A test case with its own temporary folder, marked as a project root with `.sot-lint.yml`.
class TemporaryDirectoryTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "# root\n".write(to: directory.appendingPathComponent(".sot-lint.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to `name` below the folder, creating subfolders.
    func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs git in the folder; a failure fails the test.
    func git(_ arguments: String...) throws {
        XCTAssertEqual(try BinaryRunner.git(arguments, in: directory), 0, arguments.joined(separator: " "))
    }

    /// Stages everything and commits it as a test author.
    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", message)
    }

    /// What git prints, without the surrounding white space.
    func gitOutput(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A team rule file both the command line's and the editor's tests use: a blocked issue needs
/// `Current unblock:` (its examples are placeholders; `test-rules` is not run on it).
enum TeamRuleText {
    static let unblock = """
        id: team-unblock
        kind: require
        summary: A blocked issue says what unblocks it.
        when: {status: blocked}
        require: {field: Current unblock}
        examples:
          valid: [{text: "x"}]
          invalid: [{text: "y"}]

        """
}
