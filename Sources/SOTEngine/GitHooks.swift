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

    /// The script of hook `name`, running `executable`, or `sot-lint` from PATH if that is gone.
    public static func script(_ name: String, executable: String) -> String {
        let command = name == "pre-commit" ? "--staged" : "\"$1\""
        return """
        #!/bin/sh
        \(marker)
        # \(name == "pre-commit" ? "Lints what is being committed (the index), secrets included." : "Refuses a commit message that contains a secret.")
        sot_lint='\(executable.replacingAll("'", with: "'\\''"))'
        [ -x "$sot_lint" ] || sot_lint=sot-lint
        exec "$sot_lint" \(command)

        """
    }

    /// Writes both hooks; returns their paths. Refuses a hook that is not sot-lint's unless `force`,
    /// in which case the old one is kept as NAME.backup.
    public func install(executable: String, force: Bool) throws(SOTLintError) -> [String] {
        var written: [String] = []
        for name in Self.names {
            let path = FilePath.join(directory, name)
            if let existing = try? FilePath.read(path), !Self.isOurs(existing) {
                guard force else {
                    throw .usage("\(path): a \(name) hook exists and was not installed by sot-lint; "
                                 + "run `sot-lint hook install --force` to replace it (it is kept as \(name).backup)")
                }
                try AtomicFile.write(existing, to: path + ".backup", mode: 0o755)
            }
            try AtomicFile.write(Array(Self.script(name, executable: executable).utf8), to: path, mode: 0o755)
            written.append(path)
        }
        return written
    }

    /// Removes the hooks sot-lint installed; returns what was removed and what was left alone.
    public func uninstall() -> (removed: [String], kept: [String]) {
        var removed: [String] = []
        var kept: [String] = []
        for name in Self.names {
            let path = FilePath.join(directory, name)
            guard let existing = try? FilePath.read(path) else { continue }
            if Self.isOurs(existing), FilePath.remove(path) { removed.append(path) } else { kept.append(path) }
        }
        return (removed, kept)
    }

    package static func isOurs(_ bytes: [UInt8]) -> Bool {
        ByteSearch.contains(bytes, Array(marker.utf8))
    }
}
