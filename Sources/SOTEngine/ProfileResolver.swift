import SOTSource
import SOTModel
import SOTRules
import SOTSecrets

/// The profile of a project under a configuration choice: the one place a configuration is read.
package enum ProfileResolver {
    package static func profile(at location: ProjectRoot.Location, config: ConfigChoice, workingDirectory: String,
                        rules: RuleSet = .builtIn) throws(SOTLintError) -> Profile {
        switch config {
        case .none:
            return try ProfileLoader.defaultProfile(rules: rules.declarations, detectors: SecretCatalog.builtInIDs)
        case .file(let path):
            let absolute = FilePath.absolute(path, base: workingDirectory)
            let bytes = try FilePath.read(absolute)
            return try ProfileLoader.load(configText: String(decoding: bytes, as: UTF8.self), configPath: path,
                                          configDirectory: FilePath.parent(absolute), rules: rules.declarations,
                                          detectors: SecretCatalog.builtInIDs)
        case .discover:
            guard let file = location.configFile else { return try ProfileLoader.defaultProfile(rules: rules.declarations, detectors: SecretCatalog.builtInIDs) }
            let bytes = try FilePath.read(file)
            return try ProfileLoader.load(configText: String(decoding: bytes, as: UTF8.self),
                                          configPath: FilePath.relative(file, to: workingDirectory), configDirectory: FilePath.parent(file),
                                          rules: rules.declarations, detectors: SecretCatalog.builtInIDs)
        }
    }
}

extension LintSession {
    /// The profile that applies in `folder` (default: the working directory) — what `sot-lint rules`
    /// and `explain` describe.
    public func profile(in folder: String? = nil) throws(SOTLintError) -> Profile {
        let start = FilePath.absolute(folder ?? ".", base: options.workingDirectory)
        return try ProfileResolver.profile(at: ProjectRoot.find(from: start), config: options.config,
                                           workingDirectory: options.workingDirectory, rules: options.rules)
    }
}
