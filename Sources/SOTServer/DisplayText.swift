import SOTSecrets

/// Text the server shows that comes from documents rather than from findings (titles, status lines in
/// hovers, completion details, symbol names): redacted as the model export redacts it (`SecretText`), so a
/// title that quotes a token never reaches the editor's hover or outline.
enum DisplayText {
    static func redacted(_ text: String) -> String {
        SecretText.redacted(text)
    }
}
