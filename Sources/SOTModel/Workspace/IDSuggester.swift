import Foundation
import SOTSource

/// Answers "did you mean" among every ID a workspace defines.
public protocol IDSuggester: Sendable {
    /// The ID within one edit of `word` (case-insensitive): the nearest, and of those the first in byte
    /// order; nil when none is that close.
    func nearest(_ word: String) -> String?
}

/// A workspace's "did you mean" index, built the first time a rule needs it and shared by the workspaces
/// built from this one with the same IDs (`Workspace.replacing`).
package final class SuggesterCache: @unchecked Sendable {
    private let lock = NSLock()
    private var made: (any IDSuggester)?

    package init() {}

    /// The index, made by `make` the first time.
    package func suggester(_ make: () -> any IDSuggester) -> any IDSuggester {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let new = make()
        made = new
        return new
    }
}
