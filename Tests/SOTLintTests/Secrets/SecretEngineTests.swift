import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The scanning engine on a small catalog of its own, so these tests do not depend on rules/secrets.yml.
final class SecretEngineTests: XCTestCase {
    static let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    private func catalog() throws -> SecretCatalog {
        try SecretCatalog(yaml: """
        version: 1
        detectors:
          - id: github-pat-classic
            description: GitHub personal access token (classic)
            keywords: [ghp_]
            pattern: 'ghp_[A-Za-z0-9]{36}'
            entropy: 3.5
          - id: private-key
            description: Private key block
            keywords: ['-----begin']
            pattern: '-----BEGIN[ A-Z]{0,20} PRIVATE KEY-----[^-]{20,8000}-----END[ A-Z]{0,20} PRIVATE KEY-----'
            span: block
          - id: url-password
            description: Password in a URL
            keywords: ['://']
            pattern: '[a-z][a-z0-9+.-]{0,20}://[^:/@ ]{1,64}:([^:/@ ]{1,128})@'
            group: 1
            entropy: 2.5
            boundary: false
            generic: true
          - id: fence-entropy
            description: High-entropy string in a code block
            pattern: '[A-Za-z0-9+/=_-]{24,200}'
            span: fence
            entropy: 4.3
            generic: true
        """, origin: "test catalog")
    }

    private func scan(_ text: String, markdown: Bool = true) throws -> [(String, String)] {
        let catalog = try catalog()
        let bytes = Array(text.utf8)
        return SecretScanner(catalog: catalog).scan(bytes, markdown: markdown).map {
            (catalog.detectors[$0.detector].id, String(decoding: bytes[$0.range], as: UTF8.self))
        }
    }

    func testKeywordFinderFindsOverlappingKeywordsIgnoringCase() {
        let finder = KeywordFinder(keywords: ["he", "she", "hers", "ghp_"])
        let bytes = Array("uSHErs GHP_x".utf8)
        let hits = bytes.withUnsafeBufferPointer { finder.hits(in: $0) }.map { "\($0.offset):\($0.keyword)" }
        XCTAssertEqual(hits.sorted(), ["1:1", "2:0", "2:2", "7:3"])
    }

    func testKeywordFinderLowerCasesFourBytesAtOnceExactly() {
        // Every byte value in every lane, beside neighbours that could carry into it.
        for byte in 0...255 {
            for neighbour in [0x00, 0x40, 0x41, 0x5A, 0x5B, 0x7F, 0x80, 0xC1, 0xDA, 0xFF] {
                for lane in 0..<4 {
                    var bytes = [UInt8](repeating: UInt8(neighbour), count: 4)
                    bytes[lane] = UInt8(byte)
                    let word = bytes.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
                    let expected = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                        .enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
                    XCTAssertEqual(KeywordFinder.lowerCased(word), expected, "\(bytes)")
                }
            }
        }
    }

    func testKeywordFinderAgreesWithANaiveSearch() {
        // Every length (1, 2, 3, 4+), shared prefixes, bytes whose bit 5 folds them onto others (`@` and the
        // backtick, `_` and DEL), non-ASCII, keywords at the very end of the bytes.
        let keywords = ["he", "she", "hers", "his", "ghp_", "_", "a", "aa", "aaa", "://", "key", "monkey", "k", "-----begin", "é",
                        "`", "@x", "q~", "sk_", "sk_live_", "\u{7F}"]
        let finder = KeywordFinder(keywords: keywords)
        let patterns = keywords.map { Array($0.utf8) }
        let alphabet = Array("hesirsHESaA_k:/yYe-KbginMONé\n\u{0}`@xXq~lLvV".utf8) + [0xFF, 0x80, 0x7F, 0x40, 0xC9]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<120, using: &generator)).map { _ in
                alphabet[Int.random(in: alphabet.indices, using: &generator)]
            }
            let folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var expected: [String] = []
            for end in 0...bytes.count {
                for (index, pattern) in patterns.enumerated() where pattern.count <= end && Array(folded[(end - pattern.count)..<end]) == pattern {
                    expected.append("\(end - pattern.count):\(index)")
                }
            }
            let hits = bytes.withUnsafeBufferPointer { finder.hits(in: $0) }
            let starts = hits.map(\.offset)
            XCTAssertEqual(starts, starts.sorted(), "hits come in order of their start")
            XCTAssertEqual(hits.map { "\($0.offset):\($0.keyword)" }.sorted(), expected.sorted(), "\(bytes)")
        }
    }

    func testEntropy() {
        XCTAssertEqual(Entropy.bitsPerByte(Array("aabb".utf8)), 1.0, accuracy: 1e-9)
        XCTAssertEqual(Entropy.bitsPerByte(Array("abcd".utf8)), 2.0, accuracy: 1e-9)
        XCTAssertEqual(Entropy.bitsPerByte([UInt8]()), 0)
    }

    func testFingerprintIsSHA256OfDetectorAndSecret() {
        XCTAssertEqual(SecretFingerprint.of(detector: "github-pat-classic", secret: Array(Self.token.utf8)), "68984f519fbc", "computed independently with python3 hashlib")
    }

    func testFindsASecretAtTheVeryStartOfTheFile() throws {
        XCTAssertEqual(try scan("\(Self.token) is the first thing here").map(\.1), [Self.token])
    }

    func testFindsTokensWithExactRanges() throws {
        let found = try scan("export GITHUB_TOKEN=\(Self.token)\n")
        XCTAssertEqual(found.map(\.0), ["github-pat-classic"])
        XCTAssertEqual(found.map(\.1), [Self.token])
    }

    func testBoundaryAndPlaceholders() throws {
        XCTAssertTrue(try scan("x\(Self.token)").isEmpty, "glued to a letter")
        XCTAssertTrue(try scan("ghp_EXAMPLEabcdefghijklmnopqrstuvwxyz012345").isEmpty)
        XCTAssertTrue(try scan("ghp_" + String(repeating: "x", count: 36)).isEmpty)
        XCTAssertTrue(try scan("postgres://app:${DB_PASSWORD}@db/app").isEmpty)
        XCTAssertTrue(try scan("postgres://app:<password>@db/app").isEmpty)
        XCTAssertTrue(try scan("postgres://app:$PASSWORD@db/app").isEmpty)
        XCTAssertEqual(try scan("postgres://app:Zx8qL2vR9tY4@db.internal:5432/app").map(\.1), ["Zx8qL2vR9tY4"])
    }

    func testPlaceholderFilterForGenericDetectors() throws {
        let generic = try catalog().detectors[2]
        for value in ["API_TOKEN", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "123e4567-e89b-12d3-a456-426614174000",
                      "sha256:" + String(repeating: "ab", count: 32), "/etc/secret", "{{ token }}", "%TOKEN%", "********", "two words"] {
            XCTAssertTrue(PlaceholderFilter.isPlaceholder(ArraySlice(Array(value.utf8)), detector: generic), value)
        }
        XCTAssertFalse(PlaceholderFilter.isPlaceholder(ArraySlice(Array("Zx8qL2vR9tY4".utf8)), detector: generic))
    }

    func testPrivateKeyBlockAcrossLines() throws {
        let body = (0..<6).map { _ in "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" }.joined(separator: "\n")
        let text = "key:\n-----BEGIN RSA PRIVATE KEY-----\n\(body)\n-----END RSA PRIVATE KEY-----\n"
        XCTAssertEqual(try scan(text).map(\.0), ["private-key"])
    }

    func testFencedCodeOnlyInMarkdown() throws {
        let text = "Prose aB3dE5gH7jK9mN1pQ3sT5vX7zC9 stays.\n\n```sh\ncurl -H 'X-Key: aB3dE5gH7jK9mN1pQ3sT5vX7zC9bD2f'\n```\n"
        XCTAssertEqual(try scan(text).map(\.1), ["aB3dE5gH7jK9mN1pQ3sT5vX7zC9bD2f"])
        XCTAssertTrue(try scan(text, markdown: false).isEmpty)
    }

    func testAdversarialLineIsScannedOnceNotOncePerHit() throws {
        let catalog = try catalog()
        // Keywords every few bytes: hits share one window, so the pattern's work stays linear.
        var line = [UInt8]()
        while line.count < 1_000_000 { line += Array("ghp_ab:// -----begin ".utf8) }
        let (hits, windowBytes) = line.withUnsafeBufferPointer { buffer -> (Int, [Int]) in
            let windows = SecretScanner(catalog: catalog).windows(in: buffer, markdown: true)
            return (catalog.keywords.hits(in: buffer).count, windows.map { $0.reduce(0) { $0 + $1.count } })
        }
        XCTAssertGreaterThan(hits, 140_000)
        for (detector, bytes) in windowBytes.enumerated() {
            XCTAssertLessThanOrEqual(bytes, line.count, "detector \(detector) scans each byte at most once")
        }
        XCTAssertTrue(SecretScanner(catalog: catalog).scan(line, markdown: true).isEmpty)
    }

    func testValueAllowancesMatchTheWholeSecretForTheirDetector() throws {
        let catalog = try catalog()
        let text = "a: \(Self.token)\nc: postgres://app:Zx8qL2vR9tY4@db.internal/app\n"
        func findings(_ allowances: [SecretAllowance]) -> (lines: [Int], used: Set<String>) {
            let result = SecretFinder(catalog: catalog, allowances: allowances).scan(SourceText(path: "f.txt", text: text), markdown: false)
            return (result.findings.map(\.range.start.line), result.usedFingerprints)
        }
        let github = SecretAllowance(value: "ghp_[A-Za-z0-9]{36}", detector: "github-pat-classic", reason: "fixture tokens")
        XCTAssertEqual(findings([github]).lines, [2])
        XCTAssertEqual(findings([github]).used, ["value:ghp_[A-Za-z0-9]{36}"])
        XCTAssertEqual(findings([SecretAllowance(value: "ghp_[A-Za-z0-9]{36}", detector: "url-password", reason: "r")]).lines, [1, 2],
                       "limited to another detector")
        XCTAssertEqual(findings([SecretAllowance(value: "ghp_", detector: nil, reason: "r")]).lines, [1, 2], "the whole secret must match")
        XCTAssertEqual(findings([SecretAllowance(value: "Zx8q.*", detector: nil, reason: "r")]).lines, [1])
    }

    func testFinderAppliesDirectivesAndFingerprints() throws {
        let catalog = try catalog()
        let text = """
        <!-- sot-lint-allow-secret github-pat-classic revoked key kept for the parser test -->
        a: \(Self.token)
        # sot-lint-allow-secret github-pat-classic
        b: \(Self.token)
        c: postgres://app:Zx8qL2vR9tY4@db.internal/app
        // sot-lint-allow-secret github-pat-clasic typo in the id
        d: nothing
        """
        let fingerprint = SecretFingerprint.of(detector: "url-password", secret: Array("Zx8qL2vR9tY4".utf8))
        let finder = SecretFinder(catalog: catalog, allowances: [SecretAllowance(fingerprint: fingerprint, reason: "local only")])
        let result = finder.scan(SourceText(path: "f.txt", text: text), markdown: false)
        XCTAssertEqual(result.findings.map(\.range.start), [SourcePosition(line: 4, column: 4)])
        XCTAssertEqual(result.findings.first?.message,
                       "GitHub personal access token (classic) (github-pat-classic, fingerprint 68984f519fbc); revoke it and remove it from history")
        XCTAssertEqual(result.usedFingerprints, [fingerprint])
        XCTAssertEqual(result.unusedDirectives.map(\.range.start.line), [3, 6])
        XCTAssertTrue(result.unusedDirectives[0].message.contains("needs a reason"))
        XCTAssertTrue(result.unusedDirectives[1].message.contains("did you mean `github-pat-classic`?"))
        XCTAssertEqual(result.secrets.count, 3)
    }

    func testRedactorRemovesExactlyTheSecretsBytes() {
        let token = Array(Self.token.utf8)
        let redactor = SecretRedactor(secrets: ["a.md": [token]])
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        func diagnostic(_ path: String, _ rule: String, _ message: String) -> Diagnostic {
            Diagnostic(path: path, range: range, severity: .error, rule: rule, message: message)
        }
        let quoting = diagnostic("a.md", "status-unknown", "status `\(Self.token.prefix(12))` is not in the vocabulary")
        let clean = diagnostic("a.md", "status-unknown", "status `blokced`")
        let result = redactor.redact([quoting, clean])
        XCTAssertEqual(result[0].message, "status `<redacted>` is not in the vocabulary", "only the quoted stretch goes")
        XCTAssertEqual(result[1], clean)
        // A slice of a.md's secret in another file's message is another file's text: left alone; the whole
        // secret is removed wherever it appears.
        let elsewhere = diagnostic("b.md", "status-unknown", "status `\(Self.token.prefix(12))` and `\(Self.token)` here")
        XCTAssertEqual(redactor.redact([elsewhere])[0].message, "status `\(Self.token.prefix(12))` and `<redacted>` here")
    }

    func testRedactorNeverWithholdsPathsIdsOrFingerprintsForAnUnrelatedValue() {
        // A false positive made of common words: its slices are everywhere in ordinary text.
        let common = Array("password-for-the-deployment".utf8)
        let redactor = SecretRedactor(secrets: ["notes.md": [common], "x.env": [Array(Self.token.utf8)]])
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        let secretFinding = Diagnostic(path: "docs/password-for-the-deployment-guide.md", range: range, severity: .error, rule: "secret-leak",
                                       message: "Generic password-for-the-deployment assignment (generic-secret-assignment-quoted, fingerprint 0123456789ab); revoke it")
        let otherRule = Diagnostic(path: "docs/password-for-the-deployment-guide.md", range: range, severity: .warning, rule: "field-label-unknown",
                                   message: "field label `Password-for-the-deployment:` is not known")
        let result = redactor.redact([secretFinding, otherRule])
        XCTAssertEqual(result[0].message, secretFinding.message, "a secret finding names its detector and fingerprint, never the secret")
        XCTAssertEqual(result[0].path, "docs/<redacted>-guide.md", "the path holds the whole detected value: that part is masked")
        XCTAssertEqual(result[1].message, otherRule.message, "another file's text is not that file's secret")
        // A path that merely shares 8 characters with a secret is never masked.
        let near = Diagnostic(path: "password-notes.md", range: range, severity: .warning, rule: "status-unknown", message: "m")
        XCTAssertEqual(redactor.redact([near])[0], near)
    }

    func testAnAllowDirectiveQuotingASecretIsRedacted() {
        // A token pasted where the detector id belongs: the unused-directive message quotes it.
        let redactor = SecretRedactor(secrets: ["a.md": [Array(Self.token.utf8)]])
        let range = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2)
        let unused = Diagnostic(path: "a.md", range: range, severity: .warning, rule: "secret-allow-unused",
                                message: "`sot-lint-allow-secret` names detector `\(Self.token)`, which does not exist")
        XCTAssertEqual(redactor.redact([unused])[0].message, "`sot-lint-allow-secret` names detector `<redacted>`, which does not exist")
    }

    func testRedactorDropsAFixThatWouldWriteTheSecret() {
        let redactor = SecretRedactor(secrets: ["a.md": [Array(Self.token.utf8)]])
        let source = SourceText(path: "a.md", bytes: Array("# T\n".utf8))
        let fix = Fix("set title", [TextEdit(0..<1, in: source, with: "title: \(Self.token.prefix(10))")])
        let quoting = Diagnostic(path: "a.md", range: SourceRange(line: 1, column: 1, endLine: 1, endColumn: 2), severity: .warning,
                                 rule: "frontmatter-title-mismatch", message: "title differs", fix: fix)
        let result = redactor.redact([quoting])
        XCTAssertNil(result[0].fix)
        XCTAssertEqual(result[0].message, "title differs")
    }
}
