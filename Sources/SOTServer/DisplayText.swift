import SOTSecrets

/// Text the server shows that comes from documents rather than from findings (titles, status lines in
/// hovers, completion details, symbol names): scanned with the built-in secret detectors and each secret
/// replaced by `<redacted>`, as the engine redacts findings. A title that quotes a token never reaches the
/// editor's hover or outline.
enum DisplayText {
    private static let scanner: SecretScanner? = {
        guard case .success(let catalog) = SecretCatalog.builtIn else { return nil }
        return SecretScanner(catalog: catalog)
    }()

    static func redacted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, let scanner else { return text }
        let ranges = scanner.scan(bytes, markdown: true).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        guard !ranges.isEmpty else { return text }
        var result: [UInt8] = []
        var cursor = 0
        for range in ranges where range.upperBound > cursor {
            result += bytes[cursor..<max(cursor, range.lowerBound)]
            result += Array("<redacted>".utf8)
            cursor = range.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }
}
