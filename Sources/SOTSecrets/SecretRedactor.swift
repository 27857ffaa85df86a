import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The one point where every diagnostic passes before any reporter sees it. `secret-leak` findings are
/// built without the secret (a detector's name and id and the secret's fingerprint), so they pass
/// untouched; other rules quote document text (a status, a title, a label). Redaction removes exactly the secret's
/// bytes and nothing that merely resembles them:
/// - in a message or a fix of a finding in file F, every stretch covered by 8 or more consecutive bytes of a
///   secret detected in F, and every whole secret detected anywhere in the run, becomes `<redacted>` (a fix
///   that would write any of it is dropped instead);
/// - a path (of a finding or a related place) is masked only where it contains a whole detected secret.
/// So a path, a detector id, a fingerprint or another rule's message is never withheld because some
/// unrelated value elsewhere shares a word with it.
package struct SecretRedactor {
    package static let sliceLength = 8
    package static let marker = "<redacted>"
    /// Rules whose messages never quote document text: a secret finding names its detector and the secret's
    /// fingerprint. (`secret-allow-unused` quotes a directive's detector id as written: it is redacted.)
    private static let secretRules: Set<String> = [SecretLeakRule.metadata.id]

    /// For each path, the 8-byte slices of the secrets detected in that file (packed, see `window`).
    private let slicesByPath: [String: Set<UInt64>]
    /// Every whole secret of the run (8 bytes or longer), by its first 8 bytes.
    private let wholeByPrefix: [UInt64: [[UInt8]]]

    /// `secrets`: the secrets detected in each file, by the path its findings are reported under.
    package init(secrets: [String: [[UInt8]]]) {
        var slicesByPath: [String: Set<UInt64>] = [:]
        var wholeByPrefix: [UInt64: Set<[UInt8]>] = [:]
        for (path, values) in secrets {
            var slices = Set<UInt64>()
            for secret in values where secret.count >= Self.sliceLength {
                wholeByPrefix[Self.window(secret, at: 0), default: []].insert(secret)
                for start in 0...(secret.count - Self.sliceLength) { slices.insert(Self.window(secret, at: start)) }
            }
            if !slices.isEmpty { slicesByPath[path] = slices }
        }
        self.slicesByPath = slicesByPath
        self.wholeByPrefix = wholeByPrefix.mapValues { Array($0) }
    }

    package func redact(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !wholeByPrefix.isEmpty else { return diagnostics }
        var maskedPaths: [String: String] = [:]
        func masked(_ path: String) -> String {
            if let known = maskedPaths[path] { return known }
            let result = replacing(path, slices: nil)
            maskedPaths[path] = result
            return result
        }
        return diagnostics.map { diagnostic in
            let path = masked(diagnostic.path)
            let relatedPaths = diagnostic.related.map { masked($0.path) }
            if Self.secretRules.contains(diagnostic.rule) {
                guard path != diagnostic.path || relatedPaths != diagnostic.related.map(\.path) else { return diagnostic }
                var redacted = Diagnostic(path: path, range: diagnostic.range, severity: diagnostic.severity, rule: diagnostic.rule,
                                          message: diagnostic.message, fix: diagnostic.fix)
                redacted.related = zip(diagnostic.related, relatedPaths).map { RelatedLocation(path: $1, range: $0.range, message: $0.message) }
                return redacted
            }
            let slices = slicesByPath[diagnostic.path]
            let message = replacing(diagnostic.message, slices: slices)
            let fixQuotes = diagnostic.fix?.edits.contains { replacing($0.replacement, slices: slices) != $0.replacement } ?? false
            let related = zip(diagnostic.related, relatedPaths).map { place, placePath in
                RelatedLocation(path: placePath, range: place.range, message: replacing(place.message, slices: slices))
            }
            guard message != diagnostic.message || path != diagnostic.path || fixQuotes || related != diagnostic.related else {
                return diagnostic
            }
            // A fix that would write a secret is dropped.
            var redacted = Diagnostic(path: path, range: diagnostic.range, severity: diagnostic.severity, rule: diagnostic.rule,
                                      message: message, fix: fixQuotes ? nil : diagnostic.fix)
            redacted.related = related
            return redacted
        }
    }

    /// `text` with every stretch covered by a slice in `slices`, or by a whole secret, replaced by the marker.
    private func replacing(_ text: String, slices: Set<UInt64>?) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.sliceLength else { return text }
        var covered = [Bool](repeating: false, count: bytes.count)
        var any = false
        for start in 0...(bytes.count - Self.sliceLength) {
            let window = Self.window(bytes, at: start)
            if let slices, slices.contains(window) {
                for index in start..<(start + Self.sliceLength) { covered[index] = true }
                any = true
            }
            for secret in wholeByPrefix[window] ?? [] where start + secret.count <= bytes.count
                && bytes[start..<(start + secret.count)].elementsEqual(secret) {
                for index in start..<(start + secret.count) { covered[index] = true }
                any = true
            }
        }
        guard any else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if covered[index] {
                result += Self.marker.utf8
                while index < bytes.count, covered[index] { index += 1 }
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The 8 bytes at `start`, packed into one integer: a window is looked up without an allocation.
    private static func window(_ bytes: [UInt8], at start: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<sliceLength { value = value << 8 | UInt64(bytes[start + offset]) }
        return value
    }
}
