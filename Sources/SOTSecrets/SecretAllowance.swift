import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// What the secret scan of one file produced: findings (already redacted by construction), allow
/// directives that did nothing, config fingerprints that were used, and the secrets themselves for the
/// run's redactor (kept in memory only).
public struct SecretScanResult: Sendable {
    public internal(set) var findings: [Finding] = []
    public internal(set) var unusedDirectives: [Finding] = []
    /// The `secrets.allow` entries that allowed a finding: fingerprints, and value patterns as `value:PATTERN`
    /// (`SecretAllowance.fact`).
    public internal(set) var usedFingerprints: Set<String> = []
    /// The secrets themselves, for the run's redactor only; never printed.
    package var secrets: [[UInt8]] = []
}

/// Scans one file and applies its allow directives and the project's allowed fingerprints.
public struct SecretFinder: Sendable {
    package let catalog: SecretCatalog
    package let allowances: [SecretAllowance]
    /// `secrets.detectors`: detectors turned off, given their own severity or entropy floor.
    package let settings: [String: SecretDetectorSettings]

    public init(catalog: SecretCatalog, allowances: [SecretAllowance], settings: [String: SecretDetectorSettings] = [:]) {
        self.catalog = catalog
        self.allowances = allowances
        self.settings = settings
    }

    /// `code`: a Markdown file's code regions from its parse, when the caller parsed it.
    public func scan(_ source: SourceText, markdown: Bool, code: MarkdownCodeRegions? = nil) -> SecretScanResult {
        var result = SecretScanResult()
        let scan = SecretScanner(catalog: catalog, settings: settings).scanWithDirectives(source.bytes, markdown: markdown, code: code)
        let matches = distinct(scan.matches)
        var directives: [SecretAllowDirective] = []
        if !scan.directives.isEmpty {
            var reader = SecretAllowDirectiveReader(source: source)
            directives = scan.directives.map { reader.directive(at: $0) }
        }
        var usedDirectives = Set<Int>()
        // The first directive with a reason per line and detector, so that each match looks one up
        // instead of scanning every directive of the file.
        var directiveIndex: [SecretDirectiveKey: Int] = [:]
        for (index, directive) in directives.enumerated() where directive.hasReason {
            let key = SecretDirectiveKey(line: directive.line, detector: directive.detector)
            if directiveIndex[key] == nil { directiveIndex[key] = index }
        }
        let allowedFingerprints = Set(allowances.compactMap(\.fingerprint))
        // Value patterns, compiled once per file, anchored: the whole secret must match.
        let patterns: [(regex: POSIXRegex, allowance: SecretAllowance)] = allowances.compactMap { allowance in
            guard let value = allowance.value, let regex = try? POSIXRegex("^(" + value + ")$") else { return nil }
            return (regex, allowance)
        }
        for match in matches {
            let detector = catalog.detectors[match.detector]
            let secret = source.bytes[match.range]
            result.secrets.append(Array(secret))
            let fingerprint = SecretFingerprint.of(detector: detector.id, secret: secret)
            let line = source.line(ofByte: match.range.lowerBound)
            if let index = directiveIndex[SecretDirectiveKey(line: line - 1, detector: detector.id)] {
                usedDirectives.insert(index)
                continue
            }
            if allowedFingerprints.contains(fingerprint) {
                result.usedFingerprints.insert(fingerprint)
                continue
            }
            if let allowed = patterns.first(where: { pattern in
                (pattern.allowance.detector == nil || pattern.allowance.detector == detector.id) && pattern.regex.hasMatch(in: Array(secret))
            }) {
                result.usedFingerprints.insert(allowed.allowance.fact)
                continue
            }
            var finding = Finding(path: source.path, range: source.range(match.range),
                                  message: "\(detector.description) (\(detector.id), fingerprint \(fingerprint)); "
                                  + "revoke it and remove it from history")
            finding.severity = settings.isEmpty ? nil : settings[detector.id]?.severity
            result.findings.append(finding)
        }
        for (index, directive) in directives.enumerated() where !usedDirectives.contains(index) {
            let range = source.range(directive.range)
            let message: String
            if !directive.hasReason {
                message = "`\(SecretAllowDirective.marker) \(directive.detector)` needs a reason after the detector id; it allows nothing without one"
            } else if catalog.detector(id: directive.detector) == nil {
                message = "`\(SecretAllowDirective.marker)` names detector `\(directive.detector)`, which does not exist"
                    + Suggestion.didYouMean(directive.detector, among: catalog.detectors.map(\.id))
            } else {
                message = "`\(SecretAllowDirective.marker) \(directive.detector)` allows nothing: the next line has no such secret; remove it"
            }
            result.unusedDirectives.append(Finding(path: source.path, range: range, message: message))
        }
        return result
    }

    /// One finding per secret: where detectors overlap, a provider format wins over a generic detector,
    /// and otherwise the detector listed first.
    ///
    /// Matches arrive sorted by start. Kept ranges are then disjoint and sorted too, and every kept range
    /// starts at or before the match at hand; so the only one that can overlap it is the last one (an
    /// earlier one overlapping it would contain its start, and so would overlap the last). Testing the last
    /// alone keeps this linear in the number of secrets.
    private func distinct(_ matches: [SecretMatch]) -> [SecretMatch] {
        var kept: [SecretMatch] = []
        for match in matches {
            guard let last = kept.last, last.range.overlaps(match.range) else {
                kept.append(match)
                continue
            }
            let current = catalog.detectors[last.detector]
            let candidate = catalog.detectors[match.detector]
            if current.generic, !candidate.generic { kept[kept.count - 1] = match }
        }
        return kept
    }
}

extension SecretFinder {
    /// The built-in catalog's scan of `file`, computed once however many rules read it.
    package static func shared(_ file: ContentFile, allowances: [SecretAllowance],
                               settings: [String: SecretDetectorSettings] = [:]) -> SecretScanResult {
        file.shared("secrets") {
            guard case .success(let catalog) = SecretCatalog.builtIn else { return SecretScanResult() }
            return SecretFinder(catalog: catalog, allowances: allowances, settings: settings).scan(file.source, markdown: file.markdown, code: file.code)
        }
    }
}
