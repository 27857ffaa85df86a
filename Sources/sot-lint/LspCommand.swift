import ArgumentParser
import Foundation
import SOTSource
import SOTServer
#if canImport(Glibc)
import Glibc
#endif

struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Language server on standard input and output (LSP 3.17).",
        discussion: """
        For editors: start it as the server command of an LSP client (docs/editors.md has Neovim, VS Code, \
        Helix and Zed set-ups). Diagnostics of open documents as you type, read from their unsaved buffers \
        with the same verdicts as `lint` (pushed, or pulled when the client pulls); definition, references, \
        hover, completion and rename of issue IDs; code actions (fixes, disable for a line, allow a secret, \
        fix all); document and workspace symbols. Positions in UTF-8, UTF-32 or UTF-16 as the client \
        prefers. Exit status 0 after a shutdown request, 1 otherwise.
        """)

    func run() throws {
        let server = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO, workingDirectory: FilePath.currentDirectory(),
                                    today: try Environment.today())
        throw ExitCode(server.run())
    }
}
