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

// Exit codes are part of the contract: 0 clean, 1 findings, 2 usage, configuration or I/O error.
do {
    tuneAllocator()
    warmUpWorkerThreads()
    // Completion scripts come from the tree that also offers `lint`'s options at the top.
    if CommandLine.arguments.dropFirst().contains(where: { $0.hasPrefix("--generate-completion-script") }) {
        do {
            _ = try CompletionRoot.parseAsRoot()
        } catch {
            if CompletionRoot.exitCode(for: error) == .success {
                Output.write(CompletionRoot.script(CompletionRoot.fullMessage(for: error)) + "\n")
                exit(0)
            }
            Output.error(CompletionRoot.message(for: error))
            exit(2)
        }
    }
    var command = try SOTLintCommand.parseAsRoot()
    try command.run()
} catch let error as SOTLintError {
    Output.error(error.description)
    exit(2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = SOTLintCommand.exitCode(for: error)
    if status == .success {
        Output.write(SOTLintCommand.fullMessage(for: error) + "\n")
        exit(0)
    }
    Output.error(SOTLintCommand.message(for: error))
    exit(2)
}
