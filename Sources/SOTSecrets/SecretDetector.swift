import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// One entry of the secret catalog (rules/secrets.yml): how to find one kind of secret. A class, so that
/// the scanner's inner loops share it instead of copying a dozen fields per file.
public final class SecretDetector: Sendable {
    /// Where the pattern is run around a keyword hit.
    public enum Span: String, Sendable {
        /// The hit's line, at most 2,048 bytes either side of the hit.
        case line
        /// 512 bytes before the hit to 20,000 after it, across lines (private key blocks).
        case block
        /// Each line inside a fenced code block of a Markdown file; needs no keyword.
        case fence
        /// The content of each code span (`…`) of a Markdown file's body, as its parse finds them; needs no
        /// keyword. A content shorter than the pattern's shortest match or whose entropy is far below the
        /// detector's floor is skipped without running the pattern.
        case codespan
        /// Provider context: a keyword names the provider (`algolia`), the hit's line also says what the value
        /// is (`key`, `token`, `secret`, `password`, …), and a word after the hit, on the same line and at most
        /// 256 bytes on, is wholly matched by the pattern (the shape of the provider's keys: 32 hex digits, a
        /// UUID, …). For keys that carry no prefix of their own.
        case context
    }

    public let id: String
    /// What the detector finds, for messages and docs (decoded when read, for the compiled-in catalog).
    public var description: String {
        switch descriptionText {
        case .given(let text): return text
        case .packed(let packed): return packed.text
        }
    }
    private let descriptionText: Text
    public let keywords: [String]
    public let regex: POSIXRegex
    /// Which group of the pattern is the secret (0: the whole match).
    public let group: Int
    /// Minimum Shannon entropy (bits per byte) of the secret.
    public let entropy: Double
    public let span: Span
    /// Reject a match touching a letter or digit on either side.
    public let boundary: Bool
    /// Generic detectors also skip environment-variable names, git SHAs, UUIDs, digests and paths.
    public let generic: Bool
    /// Lower-case substrings that mark a match of this detector as a placeholder.
    public let allow: [String]
    /// Examples it must find, and must not: read by the tests, the docs and `explain`, never by a scan.
    public var positives: [String] { examples.decoded.positives }
    public var negatives: [String] { examples.decoded.negatives }
    private let examples: Examples

    /// The examples as given, or still packed (`SecretCatalogPacking`) until someone reads them: a process
    /// that only scans never decodes the catalog's thousands of example lines.
    package enum Examples: Sendable {
        case given(positives: [String], negatives: [String])
        case packed(positives: PackedText, negatives: PackedText)

        var decoded: (positives: [String], negatives: [String]) {
            switch self {
            case .given(let positives, let negatives): return (positives, negatives)
            case .packed(let positives, let negatives): return (positives.list, negatives.list)
            }
        }
    }

    /// A text as given, or still packed.
    package enum Text: Sendable {
        case given(String)
        case packed(PackedText)
    }
    /// Bytes every match contains: windows without them are skipped. Read off the pattern on first use.
    package var required: RequiredBytes { regex.required }

    public convenience init(id: String, description: String, keywords: [String], regex: POSIXRegex, group: Int, entropy: Double,
                            span: Span, boundary: Bool, generic: Bool, allow: [String], positives: [String], negatives: [String]) {
        self.init(id: id, description: .given(description), keywords: keywords, regex: regex, group: group, entropy: entropy, span: span,
                  boundary: boundary, generic: generic, allow: allow, examples: .given(positives: positives, negatives: negatives))
    }

    package init(id: String, description: Text, keywords: [String], regex: POSIXRegex, group: Int, entropy: Double,
                 span: Span, boundary: Bool, generic: Bool, allow: [String], examples: Examples) {
        self.id = id
        self.descriptionText = description
        self.keywords = keywords
        self.regex = regex
        self.group = group
        self.entropy = entropy
        self.span = span
        self.boundary = boundary
        self.generic = generic
        self.allow = allow
        self.examples = examples
    }
}
