import SOTSource
import SOTSyntax
import SOTModel

/// A key of `IDSuggestionIndex`: the hash of a scalar sequence and its length (the length keeps keys of
/// a sequence and of the deletions of a longer one apart beyond what the hash does).
package struct DeletionKey: Hashable, Sendable {
    package let hash: UInt64
    package let length: Int
}
