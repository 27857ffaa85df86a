import Dispatch
import Foundation

/// Reads a git repository through the `git` command: the top level, revisions, trees and blobs.
/// Blobs are read in one `git cat-file --batch` process, not one process per file.
public struct GitRepository: Sendable {
    /// Absolute path of the working tree's top level.
    public let topLevel: String

    /// The repository containing `directory`, or an error saying that there is none.
    public static func find(from directory: String, purpose: String) throws(SOTLintError) -> GitRepository {
        let result = GitCommand.run(["rev-parse", "--show-toplevel"], in: directory)
        guard result.status == 0, let line = String(data: result.output, encoding: .utf8)?.split(separator: "\n").first else {
            throw .git("\(directory): not a git repository (\(purpose) needs one)")
        }
        return GitRepository(topLevel: String(line))
    }

    /// The commit `revision` names, or an error that tells an unknown revision from a shallow clone.
    public func commit(_ revision: String) throws(SOTLintError) -> String {
        let result = GitCommand.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: topLevel)
        if result.status == 0, let line = String(data: result.output, encoding: .utf8)?.split(separator: "\n").first {
            return String(line)
        }
        let shallow = GitCommand.run(["rev-parse", "--is-shallow-repository"], in: topLevel)
        if String(data: shallow.output, encoding: .utf8)?.hasPrefix("true") == true {
            throw .git("\(revision): not in this shallow clone; fetch it first (git fetch --unshallow, or fetch-depth: 0 in CI)")
        }
        throw .git("\(revision): unknown revision in \(topLevel)")
    }

    /// The commit HEAD names, or nil in a repository with no commits yet.
    public func headCommit() throws(SOTLintError) -> String? {
        let result = GitCommand.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: topLevel)
        guard result.status == 0, let line = String(data: result.output, encoding: .utf8)?.split(separator: "\n").first else {
            return nil
        }
        return String(line)
    }

    /// The files that differ between `commit` and the working tree — committed since, staged, changed or
    /// new and not ignored — as absolute paths (renames count as their new path).
    public func changedFiles(since commit: String) throws(SOTLintError) -> Set<String> {
        var changed = Set<String>()
        for arguments in [["diff", "--name-only", "-z", "--no-renames", commit, "--"], ["ls-files", "-z", "--others", "--exclude-standard"]] {
            let result = GitCommand.run(arguments, in: topLevel)
            guard result.status == 0 else { throw .git("\(topLevel): cannot list the files changed since \(commit)") }
            for path in result.output.split(separator: 0) { changed.insert(FilePath.join(topLevel, String(decoding: path, as: UTF8.self))) }
        }
        return changed
    }

    /// The files the staged changes (`staged`) or the working tree (with new files that are not ignored)
    /// change against `commit`, relative to the top level (renames count as a deletion and an addition).
    public func changedPaths(since commit: String, staged: Bool) throws(SOTLintError) -> [String] {
        let listings = staged ? [["diff", "--cached", "--name-only", "-z", "--no-renames", commit, "--"]]
            : [["diff", "--name-only", "-z", "--no-renames", commit, "--"], ["ls-files", "-z", "--others", "--exclude-standard"]]
        var paths: [String] = []
        for arguments in listings {
            let result = GitCommand.run(arguments, in: topLevel)
            guard result.status == 0 else { throw .git("\(topLevel): cannot list the files changed since \(commit)") }
            for path in result.output.split(separator: 0) { paths.append(String(decoding: path, as: UTF8.self)) }
        }
        return paths
    }

    /// A file one commit changed against one of its parents: its path relative to the top level and its
    /// blob on each side (nil where the file does not exist).
    public struct FileChange: Sendable, Equatable {
        public let path: String
        public let before: String?
        public let after: String?
    }

    /// A commit and what it changed against each of its parents, in parent order (none for a root commit,
    /// or one at the edge of a shallow clone).
    public struct CommitChanges: Sendable {
        public let commit: String
        public internal(set) var parents: [[FileChange]]
    }

    /// The commits reachable from `head` and not from `base`, parents before children, each with the files
    /// it changed against each of its parents. Two git processes whatever the number of commits.
    public func commits(from base: String, to head: String) throws(SOTLintError) -> [CommitChanges] {
        let list = GitCommand.run(["rev-list", "--reverse", "--topo-order", "--parents", "\(base)..\(head)", "--"], in: topLevel)
        guard list.status == 0 else { throw .git("\(topLevel): cannot list the commits from \(base) to \(head)") }
        let lines = list.output.split(separator: 0x0A)
        guard !lines.isEmpty else { return [] }
        var commits: [CommitChanges] = []
        var position: [String: Int] = [:]
        for line in lines {
            let ids = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            position[ids[0]] = commits.count
            commits.append(CommitChanges(commit: ids[0], parents: Array(repeating: [], count: ids.count - 1)))
        }
        // Each line names a commit and its parents; with `-m --always` git prints the commit's id before the
        // diff against each parent, in parent order, even an empty one.
        let input = Data(lines.map { String(decoding: $0, as: UTF8.self) + "\n" }.joined().utf8)
        let diff = GitCommand.run(["diff-tree", "--stdin", "-r", "-z", "-m", "--always", "--no-renames"], in: topLevel, input: input)
        guard diff.status == 0 else { throw .git("\(topLevel): cannot read what the commits from \(base) to \(head) changed") }
        var current: Int?
        var parent = -1
        var seen: [Int] = Array(repeating: 0, count: commits.count)
        var tokens = diff.output.split(separator: 0, omittingEmptySubsequences: false)[...]
        while let token = tokens.popFirst() {
            guard let first = token.first else { continue }
            if first != UInt8(ascii: ":") {
                let id = String(decoding: token.filter { $0 != 0x0A }, as: UTF8.self)
                current = position[id]
                if let current {
                    parent = seen[current]
                    seen[current] += 1
                }
                continue
            }
            // ":<mode> <mode> <blob> <blob> <status>" then the path.
            guard let path = tokens.popFirst(), let current, parent < commits[current].parents.count else { continue }
            let fields = token.dropFirst().split(separator: 0x20)
            guard fields.count == 5 else { continue }
            let before = String(decoding: fields[2], as: UTF8.self)
            let after = String(decoding: fields[3], as: UTF8.self)
            commits[current].parents[parent].append(FileChange(path: String(decoding: path, as: UTF8.self),
                                                               before: Self.isNull(before) ? nil : before,
                                                               after: Self.isNull(after) ? nil : after))
        }
        return commits
    }

    private static func isNull(_ id: String) -> Bool {
        id.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
    }

    /// Every regular file of the index (stage 0): path relative to the top level, and blob id.
    /// Submodules and symbolic links are not files to lint.
    public func indexFiles() throws(SOTLintError) -> [(path: String, blob: String)] {
        let result = GitCommand.run(["ls-files", "-s", "-z"], in: topLevel)
        guard result.status == 0 else { throw .git("\(topLevel): cannot read the index") }
        var files: [(path: String, blob: String)] = []
        for record in result.output.split(separator: 0) {
            // "<mode> <id> <stage>\t<path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let header = record[record.startIndex..<tab].split(separator: 0x20)
            guard header.count == 3, header[0].starts(with: "100".utf8), header[2].elementsEqual("0".utf8) else { continue }
            files.append((String(decoding: record[(tab + 1)...], as: UTF8.self), String(decoding: header[1], as: UTF8.self)))
        }
        return files
    }

    /// Every file of `commit`'s tree: path relative to the top level, and blob id.
    public func files(at commit: String) throws(SOTLintError) -> [(path: String, blob: String)] {
        let result = GitCommand.run(["ls-tree", "-r", "-z", "--full-tree", commit], in: topLevel)
        guard result.status == 0 else { throw .git("\(commit): cannot list its files") }
        var files: [(path: String, blob: String)] = []
        for record in result.output.split(separator: 0) {
            // "<mode> <type> <id>\t<path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let header = record[record.startIndex..<tab].split(separator: 0x20)
            guard header.count == 3, header[1].elementsEqual("blob".utf8) else { continue }
            files.append((String(decoding: record[(tab + 1)...], as: UTF8.self), String(decoding: header[2], as: UTF8.self)))
        }
        return files
    }

    /// The contents of blobs, by id, read through one `git cat-file --batch`.
    public func blobs(_ ids: [String]) throws(SOTLintError) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let input = Data(ids.map { $0 + "\n" }.joined().utf8)
        let result = GitCommand.run(["cat-file", "--batch"], in: topLevel, input: input)
        guard result.status == 0 else { throw .git("cannot read blobs from \(topLevel)") }
        var contents: [String: [UInt8]] = [:]
        let bytes = [UInt8](result.output)
        var index = 0
        for id in ids {
            // "<id> blob <size>\n<content>\n" or "<id> missing\n"
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { break }
            let header = bytes[index..<newline].split(separator: 0x20)
            index = newline + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  index + size <= bytes.count else { continue }
            contents[id] = Array(bytes[index..<(index + size)])
            index += size + 1
        }
        return contents
    }
}

/// Runs git with stdin fed and stdout read concurrently, so large outputs cannot deadlock.
package enum GitCommand {
    package struct Result {
        package let status: Int32
        package let output: Data
    }

    package static func run(_ arguments: [String], in directory: String, input: Data? = nil) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            return Result(status: -1, output: Data())
        }
        let writer = stdin.fileHandleForWriting
        let feed = input ?? Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: feed)
            try? writer.close()
            done.signal()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: data)
    }
}
