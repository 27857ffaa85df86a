import SOTSource

/// Answers "did you mean" among every ID a workspace defines.
public protocol IDSuggester: Sendable {
    /// The ID within one edit of `word` (case-insensitive): the nearest, and of those the first in byte
    /// order; nil when none is that close.
    func nearest(_ word: String) -> String?
}
