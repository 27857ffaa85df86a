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

    /// The detectors of a packed catalog; patterns compile on first use, descriptions and examples decode
    /// when read (they stay ranges of `packed`, whose bytes are the binary's own for the compiled-in
    /// literal: nothing is copied). One pass over the bytes, by hand: a process pays for this at every start.
    package static func unpack(_ packed: String) -> [SecretDetector] {
        var text = packed
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { buffer in
            var detectors: [SecretDetector] = []
            detectors.reserveCapacity(600)
            var fields: [Range<Int>] = []
            fields.reserveCapacity(13)
            var start = 0
            while start < buffer.count {
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                var end = start
                while end < buffer.count, buffer[end] != detectorSeparator {
                    if buffer[end] == fieldSeparator {
                        fields.append(fieldStart..<end)
                        fieldStart = end + 1
                    }
                    end += 1
                }
                fields.append(fieldStart..<end)
                if let detector = detector(fields, in: buffer, of: text) { detectors.append(detector) }
                start = end + 1
            }
            return detectors
        } ?? []
    }

    private static func detector(_ fields: [Range<Int>], in buffer: UnsafeBufferPointer<UInt8>, of packed: String) -> SecretDetector? {
        func text(_ field: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[fields[field]]), as: UTF8.self) }
        func list(_ field: Int) -> [String] { SecretCatalogPacking.list(UnsafeBufferPointer(rebasing: buffer[fields[field]])) }
        func flag(_ field: Int) -> Bool { buffer[fields[field]].first == UInt8(ascii: "1") }
        guard fields.count == 13, let span = SecretDetector.Span(rawValue: text(7)), let group = Int(text(5)),
              let entropy = Double(text(6)) else { return nil }
        return SecretDetector(
            id: text(0), description: .packed(PackedText(source: packed, range: fields[1])), keywords: list(2),
            regex: POSIXRegex(lazy: text(3), ignoreCase: flag(4)), group: group, entropy: entropy, span: span, boundary: flag(8),
            generic: flag(9), allow: list(10),
            examples: .packed(positives: PackedText(source: packed, range: fields[11]), negatives: PackedText(source: packed, range: fields[12])))
    }

    /// Items separated by U+001E. By hand, not `split`: this runs at every start (architecture.md, Start-up).
    static func list(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !bytes.isEmpty else { return [] }
        var items: [String] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == listSeparator {
            items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            start = index + 1
        }
        items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
        return items
    }
}

/// Text still packed: a range of the bytes of `source` (the packed catalog), decoded when read.
package struct PackedText: Sendable {
    let source: String
    let range: Range<Int>

    var text: String {
        source.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
            ?? String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    var list: [String] {
        source.utf8.withContiguousStorageIfAvailable { SecretCatalogPacking.list(UnsafeBufferPointer(rebasing: $0[range])) }
            ?? Array(source.utf8)[range].withUnsafeBufferPointer { SecretCatalogPacking.list($0) }
    }
}
