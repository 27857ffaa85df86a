import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The one point where every diagnostic passes before any reporter sees it. Secret findings are built
/// without the secret, but other rules quote document text (a status, a title, a label); any message that
/// contains 8 or more consecutive characters of a secret found in the run is replaced as a whole.
package struct SecretRedactor {
    package static let sliceLength = 8
    private let slices: Set<[UInt8]>

    package init(secrets: [[UInt8]]) {
        var slices = Set<[UInt8]>()
        for secret in secrets where secret.count >= Self.sliceLength {
            for start in 0...(secret.count - Self.sliceLength) {
                slices.insert(Array(secret[start..<(start + Self.sliceLength)]))
            }
        }
        self.slices = slices
    }

    package func redact(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !slices.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            let fixQuotes = diagnostic.fix?.edits.contains { quotesSecret($0.replacement) } ?? false
            let relatedQuotes = diagnostic.related.contains { quotesSecret($0.path) || quotesSecret($0.message) }
            guard quotesSecret(diagnostic.message) || quotesSecret(diagnostic.path) || fixQuotes || relatedQuotes else { return diagnostic }
            let message = quotesSecret(diagnostic.message)
                ? "[\(diagnostic.rule)] message withheld: it would quote a detected secret" : diagnostic.message
            // A fix that would write a secret is dropped with the text that quoted it.
            var redacted = Diagnostic(path: quotesSecret(diagnostic.path) ? "<redacted path>" : diagnostic.path,
                                      range: diagnostic.range, severity: diagnostic.severity, rule: diagnostic.rule,
                                      message: message, fix: fixQuotes || quotesSecret(diagnostic.message) ? nil : diagnostic.fix)
            // Related places that would quote a secret are dropped.
            redacted.related = diagnostic.related.filter { !quotesSecret($0.path) && !quotesSecret($0.message) }
            return redacted
        }
    }

    private func quotesSecret(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.sliceLength else { return false }
        for start in 0...(bytes.count - Self.sliceLength) where slices.contains(Array(bytes[start..<(start + Self.sliceLength)])) {
            return true
        }
        return false
    }
}
