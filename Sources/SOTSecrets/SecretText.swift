/// Text shown from documents rather than from findings (an issue title in a hover or in the model export,
/// a field item, a front-matter value): scanned with the built-in secret detectors, each secret replaced by
/// `<redacted>`, as the engine redacts findings.
public enum SecretText {
    private static let scanner: SecretScanner? = {
        guard case .success(let catalog) = SecretCatalog.builtIn else { return nil }
        return SecretScanner(catalog: catalog)
    }()

    public static let placeholder = "<redacted>"

    public static func redacted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, let scanner else { return text }
        let ranges = scanner.scan(bytes, markdown: true).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        guard !ranges.isEmpty else { return text }
        var result: [UInt8] = []
        var cursor = 0
        for range in ranges where range.upperBound > cursor {
            result += bytes[cursor..<max(cursor, range.lowerBound)]
            result += Array(placeholder.utf8)
            cursor = range.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }
}
