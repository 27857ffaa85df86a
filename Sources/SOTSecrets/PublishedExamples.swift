import SOTSource
import SOTModel

/// Values that providers publish as examples in their own documentation (rules/published-examples.yml,
/// compiled in): never reported, whichever detector matches them. Read on first use: a run that finds no
/// candidate secret never parses the list.
package enum PublishedExamples {
    package struct Entry: Sendable {
        package let value: String
        package let source: String
    }

    package static let entries: [Entry] = {
        // The compiled-in list parses (PublishedExamplesTests): an empty list here would only report more.
        guard let root = try? ConfigNode.parse(PublishedExamplesText.yaml), case .sequence(let items)? = root["examples"] else { return [] }
        return items.compactMap { item in
            guard case .scalar(let value)? = item["value"], case .scalar(let source)? = item["source"] else { return nil }
            return Entry(value: value, source: source)
        }
    }()

    private static let values: Set<[UInt8]> = Set(entries.map { Array($0.value.utf8) })
    private static let longest = entries.map(\.value.utf8.count).max() ?? 0

    /// The value, or the word it is part of (a JWT's signature, a key's body without its padding), is a
    /// published example.
    package static func contains(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every entry is at least 20 bytes long: shorter values skip the hashing.
        if range.count >= 20, range.count <= longest, values.contains(Array(bytes[range])) { return true }
        // The word around the value, looked at no further than the longest entry (a line of one endless word
        // costs each match a bounded look, not a walk to its ends).
        var start = range.lowerBound
        var end = range.upperBound
        while start > 0, range.upperBound - start <= longest, ContextWords.isWordByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, end - start <= longest, ContextWords.isWordByte(bytes[end]) || bytes[end] == 0x3D { end += 1 }
        return (start..<end) != range && end - start >= 20 && end - start <= longest && values.contains(Array(bytes[start..<end]))
    }
}
