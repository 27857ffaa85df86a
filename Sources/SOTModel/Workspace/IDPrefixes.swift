import SOTSource

/// The prefixes of a set of issue IDs (`CTO-WORK` of `CTO-WORK-021`, `PLAT` of `PLAT-12`, `BACK` of
/// `BACK-222.1`): a mention in prose whose prefix is among them names a team's issue, one whose prefix is
/// not is a word such as `UTF-8` or `SHA-256` (`ids.prose`). Built once per workspace; a lookup is one hash.
public struct IDPrefixes: Sendable {
    private var table: IDTable

    public init<IDs: Sequence<String>>(ids: IDs) {
        table = IDTable(capacity: ids.underestimatedCount)
        for id in ids { _ = table.insert(Self.prefix(of: id)) }
    }

    /// True when some ID of the set has the prefix of `id`.
    public func contains(prefixOf id: String) -> Bool {
        table.number(of: Self.prefix(of: id)) != nil
    }

    /// The ID without its number: the text before its trailing digits and dots, and before the `-` ahead of
    /// them (`CTO-WORK-021` → `CTO-WORK`, `BACK-222.1` → `BACK`, `T123` → `T`).
    public static func prefix(of id: String) -> String {
        let utf8 = id.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2E else { break }
            end = before
        }
        if end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x2D { end = utf8.index(before: end) }
        return String(id[..<end])
    }
}
