#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import SOTSecrets

/// Installs and removes sot-lint's git hooks: `pre-commit` (lints the staged content) and `commit-msg`
/// (scans the message for secrets). A hook sot-lint did not write is never overwritten without `force`.
public struct GitHooks: Sendable {
    public static let marker = "# installed by sot-lint hook install"
    public static let names = ["pre-commit", "commit-msg"]

    /// The repository's hooks folder (`core.hooksPath` and worktrees respected).
    public let directory: String

    public init(repository: GitRepository) throws(SOTLintError) {
        let result = GitCommand.run(["rev-parse", "--git-path", "hooks"], in: repository.topLevel)
        guard result.status == 0, let line = String(decoding: result.output, as: UTF8.self).split(separator: "\n").first else {
            throw .git("\(repository.topLevel): cannot find the hooks folder")
        }
        directory = FilePath.absolute(String(line), base: repository.topLevel)
    }

    /// What `install` does with a hook that sot-lint did not write.
    public enum Existing: Sendable {
        /// Leave it and write nothing.
        case refuse
        /// Keep it as NAME.backup and replace it; `uninstall` puts it back.
        case replace
        /// Keep it as NAME.backup and run it first, then sot-lint; `uninstall` puts it back.
        case chain
    }

    /// The script of hook `name`, running `executable`, or `sot-lint` from PATH if that is gone; with
    /// `chained`, the hook kept as NAME.backup runs first and its failure stops the commit.
    public static func script(_ name: String, executable: String, chained: Bool = false) -> String {
        let command = name == "pre-commit" ? "--staged" : "\"$1\""
        let previous = chained ? """
        # Runs the hook that was here before (kept as \(name).backup) first.
        previous="$(dirname "$0")/\(name).backup"
        if [ -x "$previous" ]; then "$previous" "$@" || exit $?; fi

        """ : ""
        return """
        #!/bin/sh
        \(marker)
        # \(name == "pre-commit" ? "Lints what is being committed (the index), secrets included." : "Refuses a commit message that contains a secret.")
        \(previous)sot_lint='\(executable.replacingAll("'", with: "'\\''"))'
        [ -x "$sot_lint" ] || sot_lint=sot-lint
        exec "$sot_lint" \(command)

        """
    }

    /// Writes both hooks; returns their paths. A hook that is not sot-lint's is refused, replaced or
    /// chained as `existing` says; it is kept as NAME.backup, which must not exist already (nothing is
    /// written when some hook cannot be installed).
    public func install(executable: String, existing: Existing) throws(SOTLintError) -> [String] {
        var plan: [(path: String, name: String, foreign: [UInt8]?, chained: Bool)] = []
        for name in Self.names {
            let path = FilePath.join(directory, name)
            let current = try? FilePath.read(path)
            let foreign = current.flatMap { Self.isOurs($0) ? nil : $0 }
            if foreign != nil {
                guard existing != .refuse else {
                    throw .usage("\(path): a \(name) hook exists and was not installed by sot-lint; run `sot-lint hook install "
                                 + "--chain` to run it first, or `--force` to replace it (either way it is kept as \(name).backup)")
                }
                guard FilePath.kind(path + ".backup") == nil else {
                    throw .usage("\(path).backup exists already; move it away first (it would be overwritten)")
                }
            }
            // A chained hook stays chained whatever this install was asked (the hook it runs is still there).
            let wasChained = current.map { Self.isOurs($0) && ByteSearch.contains($0, Self.chainMarker) } ?? false
            let chained = wasChained || (existing == .chain && (foreign != nil || FilePath.kind(path + ".backup") != nil))
            plan.append((path, name, foreign, chained))
        }
        var written: [String] = []
        for item in plan {
            if let foreign = item.foreign { try AtomicFile.write(foreign, to: item.path + ".backup", mode: FilePath.permissions(item.path) ?? 0o755) }
            try AtomicFile.write(Array(Self.script(item.name, executable: executable, chained: item.chained).utf8), to: item.path, mode: 0o755)
            written.append(item.path)
        }
        return written
    }

    /// Removes the hooks sot-lint installed and puts back the ones they replaced (NAME.backup); returns
    /// what was removed, what was restored, and what was left alone.
    public func uninstall() -> (removed: [String], restored: [String], kept: [String]) {
        var removed: [String] = []
        var restored: [String] = []
        var kept: [String] = []
        for name in Self.names {
            let path = FilePath.join(directory, name)
            guard let existing = try? FilePath.read(path) else { continue }
            guard Self.isOurs(existing) else {
                kept.append(path)
                continue
            }
            if FilePath.kind(path + ".backup") != nil, rename(path + ".backup", path) == 0 {
                restored.append(path)
            } else if FilePath.remove(path) {
                removed.append(path)
            } else {
                kept.append(path)
            }
        }
        return (removed, restored, kept)
    }

    /// What only a chained hook's script holds: the path of the hook it runs first.
    private static let chainMarker = Array(".backup\"".utf8)

    package static func isOurs(_ bytes: [UInt8]) -> Bool {
        ByteSearch.contains(bytes, Array(marker.utf8))
    }
}
