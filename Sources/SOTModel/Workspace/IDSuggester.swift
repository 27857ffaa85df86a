import Foundation
import SOTSource

/// Answers "did you mean" among every ID a workspace defines.
public protocol IDSuggester: Sendable {
    /// The ID within one edit of `word` (case-insensitive): the nearest, and of those the first in byte
    /// order; nil when none is that close.
    func nearest(_ word: String) -> String?
}

/// A value made the first time it is asked for, then shared (a workspace's "did you mean" index, its ID
/// prefixes), also by the workspaces built from one with the same IDs (`Workspace.replacing`).
package final class MadeOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    package init() {}

    /// The value, made by `make` the first time.
    package func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let new = make()
        made = new
        return new
    }
}
