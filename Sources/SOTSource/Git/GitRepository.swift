import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        Set(try changedPaths(since: commit, staged: false).map { FilePath.join(topLevel, $0) })
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

    /// A commit, its parents, and the files it changed against its first parent (none for a root commit, or
    /// one at the edge of a shallow clone).
    public struct CommitChanges: Sendable {
        public let commit: String
        public let parents: [String]
        public internal(set) var changes: [FileChange]
    }

    /// The commits reachable from `head` and not from `base`, parents before children, each with the files
    /// matching `pathspecs` it changed against its first parent. Two git processes whatever the number of
    /// commits; a merge is compared with its first parent only (what it brought from the others is their
    /// commits' own change), so the output grows with what the commits changed.
    public func commits(from base: String, to head: String, pathspecs: [String]) throws(SOTLintError) -> [CommitChanges] {
        let list = GitCommand.run(["rev-list", "--reverse", "--topo-order", "--parents", "\(base)..\(head)", "--"], in: topLevel)
        guard list.status == 0 else { throw .git("\(topLevel): cannot list the commits from \(base) to \(head)") }
        var commits: [CommitChanges] = []
        var position: [String: Int] = [:]
        var pairs: [String] = []
        for line in list.output.split(separator: 0x0A) {
            let ids = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            position[ids[0]] = commits.count
            commits.append(CommitChanges(commit: ids[0], parents: Array(ids.dropFirst()), changes: []))
            // "<commit> <first parent>": git prints the commit's id, then its diff against that parent.
            if ids.count > 1 { pairs.append(ids[0] + " " + ids[1] + "\n") }
        }
        guard !pairs.isEmpty else { return commits }
        let diff = GitCommand.run(["diff-tree", "--stdin", "-r", "-z", "--no-renames", "--"] + pathspecs, in: topLevel,
                                  input: Data(pairs.joined().utf8))
        guard diff.status == 0 else { throw .git("\(topLevel): cannot read what the commits from \(base) to \(head) changed") }
        var current: Int?
        var tokens = diff.output.split(separator: 0, omittingEmptySubsequences: false)[...]
        while let token = tokens.popFirst() {
            guard let first = token.first else { continue }
            if first != UInt8(ascii: ":") {
                current = position[String(decoding: token.filter { $0 != 0x0A }, as: UTF8.self)]
                continue
            }
            // ":<mode> <mode> <blob> <blob> <status>" then the path.
            guard let path = tokens.popFirst(), let current else { continue }
            let fields = token.dropFirst().split(separator: 0x20)
            guard fields.count == 5 else { continue }
            let before = String(decoding: fields[2], as: UTF8.self)
            let after = String(decoding: fields[3], as: UTF8.self)
            commits[current].changes.append(FileChange(path: String(decoding: path, as: UTF8.self),
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

    /// The contents of blobs, by id (or by any object name git reads, such as `<commit>:<path>`), read
    /// through one `git cat-file --batch`; a name that is not there is left out.
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

/// Runs git with stdin fed and stdout read concurrently, so large outputs cannot deadlock. Spawned with
/// `posix_spawnp` and reaped with `waitpid`: Foundation's `Process` polls for the child's exit in 50 ms
/// steps, which cost a save, a commit hook or a `--base` run that much per git command.
package enum GitCommand {
    package struct Result {
        package let status: Int32
        package let output: Data
    }

    /// A write to a pipe git has closed fails with EPIPE instead of ending the process.
    private static let ignoresBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    package static func run(_ arguments: [String], in directory: String, input: Data? = nil) -> Result {
        var output: [UInt8] = []
        let status = stream(arguments, in: directory, input: input) { chunk in
            output.append(contentsOf: chunk)
            return true
        }
        return Result(status: status, output: Data(output))
    }

    /// Runs git and hands its standard output to `body` chunk by chunk as it comes, so that an output of
    /// any size (a whole history's patches) is never held at once; `body` returning false stops reading
    /// (git then ends on a broken pipe). Returns git's exit code, -1 when it could not run or was killed.
    /// `errorFile`: where git's standard error goes (default: nowhere).
    package static func stream(_ arguments: [String], in directory: String, input: Data? = nil, errorFile: String = "/dev/null",
                               _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int32 {
        _ = ignoresBrokenPipes
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return -1 }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            return -1
        }
        // Close-on-exec: a git started meanwhile by another thread does not hold these pipes open.
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the child's standard input and output.
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        let argv = ["git", "-C", directory] + arguments
        let environ = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(environ) { environPointers in
                posix_spawnp(&pid, "git", &actions, nil, argvPointers, environPointers)
            }
        }
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            return -1
        }
        let writer = toChild[1]
        let feed = [UInt8](input ?? Data())
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            feed.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = write(writer, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        break
                    }
                    offset += written
                }
            }
            close(writer)
            done.signal()
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var stopped = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { break }
            if !chunk.withUnsafeBufferPointer({ body(UnsafeBufferPointer(rebasing: $0[0..<count])) }) {
                stopped = true
                break
            }
        }
        close(fromChild[0])
        done.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        // Exited normally: its exit code; killed by a signal (or stopped by `body`): -1.
        let exited = status & 0x7F == 0
        return exited && !stopped ? (status >> 8) & 0xFF : -1
    }

    /// Runs `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
