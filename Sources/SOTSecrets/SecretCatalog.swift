import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The secret detectors with their keyword finder, loaded once from the compiled-in catalog.
public struct SecretCatalog: Sendable {
    public let detectors: [SecretDetector]
    package let keywords: KeywordFinder
    /// The detectors that listed keyword `k` are `keywordDetectors[keywordDetectorStart[k]..<keywordDetectorStart[k + 1]]`
    /// (flat, so that a hit reads two numbers, not an array that must be retained).
    package let keywordDetectorStart: [Int32]
    package let keywordDetectors: [Int32]
    /// Each detector's span, in catalog order.
    package let spans: [SecretDetector.Span]
    /// Detectors run on every fenced code line of Markdown files.
    package let fenceDetectors: [Int]
    /// Detectors run on the code spans of Markdown files.
    package let codeSpanDetectors: [Int]
    /// Each detector's entropy floor, in catalog order (made once, not per file).
    package let entropyFloors: [Double]
    /// Detector id -> index.
    package let indexByID: [String: Int]
    /// The keyword the scanner itself needs, found in the same pass: the allow directive.
    package let allowMarkerKeyword: Int

    /// The catalog of rules/secrets.yml, compiled in as Swift values (`SecretCatalogSnapshot`, kept equal
    /// to the YAML by EmbeddedSnapshotTests): loading it parses and decodes nothing, and patterns compile
    /// on first use (SecretCatalogTests compiles every one). With nothing to read it cannot fail; it stays
    /// a `Result` for the callers that match on it.
    public static let builtIn: Result<SecretCatalog, SOTLintError> =
        .success(SecretCatalog(detectors: SecretCatalogSnapshot.detectors))

    /// The built-in detectors' ids, for the profile's `secrets.detectors`.
    public static let builtInIDs: [String] = SecretCatalogSnapshot.detectors.map { $0.id }

    /// `compileNow: false` defers each pattern's compilation (and its checks) to its first search.
    public init(yaml: String, origin: String, compileNow: Bool = true) throws(SOTLintError) {
        let root: ConfigNode
        do {
            root = try ConfigNode.parse(yaml)
        } catch {
            throw .invalidConfiguration(path: origin, reason: error.message)
        }
        try self.init(node: root, origin: origin, compileNow: compileNow)
    }

    /// The catalog from its parsed YAML tree.
    private init(node root: ConfigNode, origin: String, compileNow: Bool) throws(SOTLintError) {
        guard case .sequence(let entries)? = root["detectors"] else {
            throw .invalidConfiguration(path: origin, reason: "`detectors` must be a list")
        }
        var detectors: [SecretDetector] = []
        for entry in entries {
            let detector = try SecretDetectorDecoder(node: entry, origin: origin, compileNow: compileNow).decode()
            guard !detectors.contains(where: { $0.id == detector.id }) else {
                throw .invalidConfiguration(path: origin, reason: "detector `\(detector.id)` is defined twice")
            }
            detectors.append(detector)
        }
        self.init(detectors: detectors)
    }

    public init(detectors: [SecretDetector]) {
        self.detectors = detectors
        var keywords: [String] = []
        var byKeyword: [[Int32]] = []
        var known: [String: Int] = [:]
        // Fenced code and code spans are where the Markdown parse puts them: their detectors need no keyword.
        for (index, detector) in detectors.enumerated() where detector.span != .fence && detector.span != .codespan {
            for keyword in detector.keywords {
                if let existing = known[keyword] {
                    byKeyword[existing].append(Int32(index))
                } else {
                    known[keyword] = keywords.count
                    keywords.append(keyword)
                    byKeyword.append([Int32(index)])
                }
            }
        }
        allowMarkerKeyword = keywords.count
        keywords.append(SecretAllowDirective.marker)
        byKeyword.append([])
        self.keywords = KeywordFinder(keywords: keywords)
        var starts: [Int32] = [0]
        for list in byKeyword { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        keywordDetectorStart = starts
        keywordDetectors = byKeyword.flatMap { $0 }
        spans = detectors.map { $0.span }
        fenceDetectors = detectors.indices.filter { detectors[$0].span == .fence }
        codeSpanDetectors = detectors.indices.filter { detectors[$0].span == .codespan }
        entropyFloors = detectors.map { $0.entropy }
        indexByID = Dictionary(detectors.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public func detector(id: String) -> SecretDetector? {
        indexByID[id].map { detectors[$0] }
    }
}

/// Reads one detector entry, naming the detector and key at fault in every error.
private struct SecretDetectorDecoder {
    package let node: ConfigNode
    package let origin: String
    package let compileNow: Bool
    package static let keys = ["id", "description", "keywords", "pattern", "group", "ignore_case", "entropy", "span",
                       "boundary", "generic", "allow", "positives", "negatives"]

    package func fail(_ id: String, _ reason: String) -> SOTLintError {
        .invalidConfiguration(path: origin, reason: "detector `\(id)`: \(reason)")
    }

    package func decode() throws(SOTLintError) -> SecretDetector {
        guard case .mapping(let pairs) = node, case .scalar(let id)? = node["id"] else {
            throw .invalidConfiguration(path: origin, reason: "every detector needs an `id`")
        }
        if let unknown = pairs.first(where: { !Self.keys.contains($0.key) }) {
            throw fail(id, "unknown key `\(unknown.key)`")
        }
        guard case .scalar(let pattern)? = node["pattern"], case .scalar(let description)? = node["description"] else {
            throw fail(id, "needs `description` and `pattern`")
        }
        let ignoreCase = try flag("ignore_case", id, default: false)
        let regex: POSIXRegex
        let group = try number("group", id, default: 0)
        if compileNow {
            do {
                regex = try POSIXRegex(pattern, ignoreCase: ignoreCase)
            } catch {
                throw fail(id, "pattern does not compile: \(error.message)")
            }
            guard group >= 0, group <= regex.groupCount else { throw fail(id, "`group` \(group) is not a group of the pattern") }
        } else {
            regex = POSIXRegex(lazy: pattern, ignoreCase: ignoreCase)
        }
        let spanText = try text("span", id) ?? "line"
        guard let span = SecretDetector.Span(rawValue: spanText) else { throw fail(id, "`span` must be line, block, fence, codespan or context") }
        let keywords = try list("keywords", id).map { $0.lowercased() }
        if span != .fence, span != .codespan, keywords.isEmpty { throw fail(id, "needs at least one keyword") }
        guard let entropy = Double(try text("entropy", id) ?? "0"), entropy >= 0 else { throw fail(id, "`entropy` must be a number") }
        return SecretDetector(
            id: id, description: description, keywords: keywords, regex: regex, group: group, entropy: entropy,
            span: span, boundary: try flag("boundary", id, default: true), generic: try flag("generic", id, default: false),
            allow: try list("allow", id).map { $0.lowercased() }, positives: try list("positives", id),
            negatives: try list("negatives", id))
    }

    private func text(_ key: String, _ id: String) throws(SOTLintError) -> String? {
        switch node[key] {
        case nil, .null?: return nil
        case .scalar(let value)?: return value
        default: throw fail(id, "`\(key)` must be a single value")
        }
    }

    private func flag(_ key: String, _ id: String, default value: Bool) throws(SOTLintError) -> Bool {
        guard let raw = try text(key, id) else { return value }
        guard raw == "true" || raw == "false" else { throw fail(id, "`\(key)` must be true or false") }
        return raw == "true"
    }

    private func number(_ key: String, _ id: String, default value: Int) throws(SOTLintError) -> Int {
        guard let raw = try text(key, id) else { return value }
        guard let number = Int(raw) else { throw fail(id, "`\(key)` must be a whole number") }
        return number
    }

    private func list(_ key: String, _ id: String) throws(SOTLintError) -> [String] {
        switch node[key] {
        case nil, .null?: return []
        case .sequence(let items)?:
            var values: [String] = []
            for item in items {
                guard case .scalar(let value) = item else { throw fail(id, "`\(key)` must be a list of text values") }
                values.append(value)
            }
            return values
        default: throw fail(id, "`\(key)` must be a list")
        }
    }
}
