/// Errors that stop a run (exit code 2). Each names the file and the cause in one line.
public enum SOTLintError: Error, Sendable, Equatable, CustomStringConvertible {
    case pathNotFound(path: String)
    case unreadableFile(path: String, reason: String)
    case unwritableFile(path: String, reason: String)
    case invalidConfiguration(path: String, reason: String)
    case usage(String)
    /// A git question that cannot be answered: not a repository, an unknown revision, a shallow clone.
    case git(String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): return "\(path): no such file or directory"
        case .unreadableFile(let path, let reason): return "\(path): cannot read: \(reason)"
        case .unwritableFile(let path, let reason): return "\(path): cannot write: \(reason)"
        case .invalidConfiguration(let path, let reason): return "\(path): invalid configuration: \(reason)"
        case .usage(let message), .git(let message): return message
        }
    }
}
