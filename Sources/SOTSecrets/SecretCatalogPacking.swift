import SOTSource

/// The catalog as one string: detectors separated by U+001D, fields by U+001F, list items by U+001E. The
/// compiled-in snapshot is this string (`SecretCatalogSnapshot`), written by EmbeddedSnapshotTests from the
/// YAML: a process unpacks it in well under a millisecond with no YAML parse, and the compiler reads one
/// string literal instead of type-checking and optimising hundreds of initializer calls (which took a
/// release build over 15 minutes and 9 GB at 500 detectors).
package enum SecretCatalogPacking {
    static let detectorSeparator: UInt8 = 0x1D
    static let listSeparator: UInt8 = 0x1E
    static let fieldSeparator: UInt8 = 0x1F

    /// The packed form of `detectors`; nil when a value holds one of the separators.
    package static func pack(_ detectors: [SecretDetector]) -> String? {
        let separators: Set<Character> = ["\u{1D}", "\u{1E}", "\u{1F}"]
        var records: [String] = []
        for detector in detectors {
            let lists = [detector.keywords, detector.allow, detector.positives, detector.negatives]
            let texts = [detector.id, detector.description, detector.regex.pattern] + lists.flatMap { $0 }
            guard !texts.contains(where: { $0.contains(where: separators.contains) }) else { return nil }
            let fields = [detector.id, detector.description, detector.keywords.joined(separator: "\u{1E}"), detector.regex.pattern,
                          detector.regex.ignoreCase ? "1" : "0", String(detector.group), String(detector.entropy),
                          detector.span.rawValue, detector.boundary ? "1" : "0", detector.generic ? "1" : "0",
                          detector.allow.joined(separator: "\u{1E}"), detector.positives.joined(separator: "\u{1E}"),
                          detector.negatives.joined(separator: "\u{1E}")]
            records.append(fields.joined(separator: "\u{1F}"))
        }
        return records.joined(separator: "\u{1D}")
    }

    /// The detectors of a packed catalog; patterns compile on first use and examples decode when read. One
    /// pass over the bytes, by hand: a process pays for this at every start.
    package static func unpack(_ packed: String) -> [SecretDetector] {
        var detectors: [SecretDetector] = []
        detectors.reserveCapacity(600)
        var bytes = Array(packed.utf8)[...]
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(13)
        while !bytes.isEmpty {
            var end = bytes.startIndex
            fields.removeAll(keepingCapacity: true)
            var fieldStart = end
            while end < bytes.endIndex, bytes[end] != detectorSeparator {
                if bytes[end] == fieldSeparator {
                    fields.append(bytes[fieldStart..<end])
                    fieldStart = end + 1
                }
                end += 1
            }
            fields.append(bytes[fieldStart..<end])
            if let detector = detector(fields) { detectors.append(detector) }
            bytes = end < bytes.endIndex ? bytes[(end + 1)...] : bytes[end...]
        }
        return detectors
    }

    private static func detector(_ fields: [ArraySlice<UInt8>]) -> SecretDetector? {
        guard fields.count == 13, let span = SecretDetector.Span(rawValue: text(fields[7])),
              let group = Int(text(fields[5])), let entropy = Double(text(fields[6])) else { return nil }
        return SecretDetector(
            id: text(fields[0]), description: text(fields[1]), keywords: list(fields[2]),
            regex: POSIXRegex(lazy: text(fields[3]), ignoreCase: fields[4].first == UInt8(ascii: "1")),
            group: group, entropy: entropy, span: span, boundary: fields[8].first == UInt8(ascii: "1"),
            generic: fields[9].first == UInt8(ascii: "1"), allow: list(fields[10]),
            examples: .packed(positives: fields[11], negatives: fields[12]))
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Items separated by U+001E.
    static func list(_ bytes: ArraySlice<UInt8>) -> [String] {
        guard !bytes.isEmpty else { return [] }
        var items: [String] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == listSeparator {
            items.append(text(bytes[start..<index]))
            start = index + 1
        }
        items.append(text(bytes[start..<bytes.endIndex]))
        return items
    }
}
