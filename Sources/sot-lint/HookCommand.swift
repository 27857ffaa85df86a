import ArgumentParser
import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine
import SOTReport
import SOTFix
#if canImport(Glibc)
import Glibc
#endif

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove sot-lint's git hooks (pre-commit: --staged; commit-msg: secret scan).",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self])
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write .git/hooks/pre-commit and .git/hooks/commit-msg; an existing foreign hook is refused unless --force or --chain.")

    @Flag(name: .long, help: "Replace existing hooks that sot-lint did not write (they are kept as NAME.backup; uninstall puts them back).")
    var force = false

    @Flag(name: .long, help: "Keep existing hooks that sot-lint did not write and run them first (as NAME.backup; uninstall puts them back).")
    var chain = false

    func run() throws {
        if force, chain { throw ValidationError("--force and --chain exclude each other: --force replaces an existing hook, --chain runs it first") }
        let hooks = try GitHooks(repository: try GitRepository.find(from: FilePath.currentDirectory(), purpose: "hook install"))
        for path in try hooks.install(executable: Self.executable(), existing: force ? .replace : chain ? .chain : .refuse) {
            Output.write("installed \(path)\n")
        }
    }

    /// The running binary's real path, so the hook runs this sot-lint even when PATH does not have it.
    static func executable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "sot-lint" }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

struct HookUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the hooks sot-lint installed and put back the hooks they replaced; other hooks are left alone.")

    func run() throws {
        let hooks = try GitHooks(repository: try GitRepository.find(from: FilePath.currentDirectory(), purpose: "hook uninstall"))
        let result = hooks.uninstall()
        for path in result.removed { Output.write("removed \(path)\n") }
        for path in result.restored { Output.write("restored \(path) from \(path).backup (the hook sot-lint had replaced)\n") }
        for path in result.kept { Output.write("left \(path): not installed by sot-lint\n") }
    }
}
