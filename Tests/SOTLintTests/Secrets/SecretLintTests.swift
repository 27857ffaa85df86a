import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The secret scan inside a whole lint: every place in a file, every kind of file, allowances.
final class SecretLintTests: XCTestCase {
    static let token = "ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8"

    func testSecretsAreFoundEverywhereInADocument() throws {
        let token = Self.token
        let text = ExampleText.header.replacingAll("route: cto", with: "route: cto\ngithub_token: \(token)") + """
        <!-- old: \(token) -->

        See [the run](https://ci.acme.test/?t=\(token)) and [ref].

        [ref]: https://acme.test/\(token)

        ```sh
        gh auth login --with-token <<< \(token)
        ```
        """
        let workspace = try TemporaryWorkspace(files: [("plan.md", text)])
        let secrets = try workspace.lint().diagnostics.filter { $0.rule == "secret-leak" }
        XCTAssertEqual(secrets.map(\.range.start), [
            SourcePosition(line: 10, column: 15), SourcePosition(line: 16, column: 11), SourcePosition(line: 18, column: 39),
            SourcePosition(line: 20, column: 26), SourcePosition(line: 23, column: 32),
        ])
        XCTAssertEqual(secrets.first?.range.end, SourcePosition(line: 10, column: 55))
        XCTAssertTrue(secrets.allSatisfy { $0.message.hasPrefix("GitHub personal access token (classic) (github-pat-classic, fingerprint ") })
        XCTAssertFalse(secrets.contains { $0.message.contains(token.prefix(8)) })
    }

    func testEveryTextFileIsScannedAndBinaryFilesAreSkipped() throws {
        let workspace = try TemporaryWorkspace(files: [
            ("deploy/.env", "GITHUB_TOKEN=\(Self.token)\n"),
            ("src/app.py", "TOKEN = \"\(Self.token)\"\n"),
        ])
        try workspace.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00] + Array(Self.token.utf8))
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map(\.path).map { String($0.dropFirst(workspace.path.count + 1)) },
                       ["deploy/.env", "src/app.py"])
        XCTAssertEqual(report.fileCount, 4, ".sot-lint.yml, .env, app.py and the binary logo")
    }

    func testANamedTextFileGetsTheSecretScanOnlyNeverSOTRules() throws {
        let text = "# harness notes: lifecycle_classification\n\n## CTO-WORK-001 - Not a document\n\nTOKEN=\(Self.token)\n"
        let workspace = try TemporaryWorkspace(files: [("notes.txt", text), ("plan.md", text)])
        XCTAssertEqual(try workspace.lint(["notes.txt"]).diagnostics.map(\.rule), ["secret-leak"])
        XCTAssertEqual(Set(try workspace.lint(["plan.md"]).diagnostics.map(\.rule)), ["frontmatter-missing", "secret-leak"])
    }

    func testCodeSpansAreAMarkdownThing() throws {
        let line = "Set `X-Internal-Key` to `7UbeKKl7vKumiAQ9XF0VZUKwpJ9HZUmKx8OdEamX` for the smoke tests.\n"
        let workspace = try TemporaryWorkspace(files: [("notes.md", line), ("run.sh", line)])
        let report = try workspace.lint()
        XCTAssertEqual(report.diagnostics.map { String($0.path.dropFirst(workspace.path.count + 1)) }, ["notes.md"])
        XCTAssertTrue(report.diagnostics.first?.message.contains("markdown-code-span-high-entropy") ?? false)
    }

    func testALargeFileIsScannedInPiecesWithoutLosingOrDoublingFindings() throws {
        // Over the parallel threshold, with tokens near every possible cut.
        var text = ""
        var expected = 0
        while text.utf8.count < SecretScanner.parallelThreshold * 2 {
            text += "plain line of prose without anything secret in it at all, padded out\n"
            if text.utf8.count % 97 == 0 || text.utf8.count > SecretScanner.parallelThreshold * 2 - 200 {
                text += "TOKEN=\(Self.token)\n"
                expected += 1
            }
        }
        let workspace = try TemporaryWorkspace(files: [("big.txt", text)])
        let findings = try workspace.lint().diagnostics.filter { $0.rule == "secret-leak" }
        XCTAssertGreaterThan(expected, 100)
        XCTAssertEqual(findings.count, expected)
        XCTAssertEqual(Set(findings.map(\.range.start.line)).count, expected)
    }

    func testConfigAllowancesAndTheirUnusedReport() throws {
        let fingerprint = SecretFingerprint.of(detector: "github-pat-classic", secret: Array(Self.token.utf8))
        let config = """
        secrets:
          allow:
            - {fingerprint: \(fingerprint), reason: "revoked; kept in the parser fixture"}
            - {fingerprint: 000000000000, reason: "long gone"}
        """
        let workspace = try TemporaryWorkspace(files: [("a.env", "GITHUB_TOKEN=\(Self.token)\n"), ("b.md", "# B\n")], config: config)
        let whole = try workspace.lint()
        XCTAssertEqual(whole.diagnostics.map(\.rule), ["secret-allow-unused"])
        XCTAssertEqual(whole.diagnostics.first?.path, workspace.path + "/.sot-lint.yml")
        XCTAssertEqual(whole.diagnostics.first?.range.start, SourcePosition(line: 4, column: 21))
        XCTAssertEqual(try workspace.lint(["b.md"]).diagnostics, [], "a partial run cannot tell an unused allowance")
    }

    func testAllowanceNeedsAReasonInConfig() {
        XCTAssertThrowsError(try ProfileLoader.load(configText: "secrets:\n  allow:\n    - {fingerprint: 0123456789ab}\n", configPath: "c.yml")) {
            XCTAssertTrue("\($0)".contains("needs a `reason`"), "\($0)")
        }
        XCTAssertThrowsError(try ProfileLoader.load(configText: "secrets:\n  allow:\n    - {fingerprint: xyz, reason: r}\n", configPath: "c.yml"))
    }

    func testSecretExclude() throws {
        let workspace = try TemporaryWorkspace(files: [("fixtures/a.env", "GITHUB_TOKEN=\(Self.token)\n")],
                                               config: "secrets:\n  exclude: [\"fixtures/**\"]\n")
        XCTAssertEqual(try workspace.lint().diagnostics, [])
    }

    func testDisableDirectivesDoNotSilenceSecrets() throws {
        let text = "# Notes\n\n<!-- sot-lint-disable secret-leak -->\n\nToken \(Self.token) here.\n"
        let workspace = try TemporaryWorkspace(files: [("notes.md", text)])
        XCTAssertEqual(try workspace.lint().diagnostics.map(\.rule), ["suppression-unused", "secret-leak"])
    }

    func testDetectorSettingsTurnOffSetSeverityAndRaiseTheEntropyFloor() throws {
        // In prose, so that no generic assignment detector takes the token when its own detector is off.
        let files = [("a.txt", "Leaked \(Self.token) in CI.\nAWS_KEY=AKIAIHBWVCFHNRF7OLIL\n")]
        let plain = try TemporaryWorkspace(files: files).lint().diagnostics
        XCTAssertEqual(plain.map(\.severity), [.error, .error])
        let tuned = try TemporaryWorkspace(files: files, config: """
        secrets:
          detectors:
            github-pat-classic: warning
            aws-access-key-id: {severity: info}
        """).lint().diagnostics
        XCTAssertEqual(tuned.map(\.severity), [.warning, .info])
        XCTAssertEqual(tuned.map(\.message), plain.map(\.message))
        let off = try TemporaryWorkspace(files: files, config: "secrets:\n  detectors:\n    github-pat-classic: off\n").lint().diagnostics
        XCTAssertEqual(off.map(\.message), [plain[1].message])
        // The token's entropy is about 4.9 bits per byte: a floor of 5 drops it, 4.5 keeps it.
        let strict = try TemporaryWorkspace(files: files, config: "secrets:\n  detectors:\n    github-pat-classic: {entropy: 5}\n")
        XCTAssertEqual(try strict.lint().diagnostics.count, 1)
        let loose = try TemporaryWorkspace(files: files, config: "secrets:\n  detectors:\n    github-pat-classic: {entropy: 4.5}\n")
        XCTAssertEqual(try loose.lint().diagnostics.count, 2)
    }

    func testDetectorSettingsAreCheckedStrictly() {
        let cases = [
            ("secrets:\n  detectors:\n    github-pat-clasic: off\n", "unknown detector `github-pat-clasic` in `secrets.detectors`; did you mean `github-pat-classic`?"),
            ("secrets:\n  detectors:\n    jwt: loud\n", "`secrets.detectors.jwt` needs a severity: error, warning, info, off"),
            ("secrets:\n  detectors:\n    jwt: {entropy: high}\n", "`secrets.detectors.jwt.entropy` must be a number of bits per byte from 0 to 8"),
            ("secrets:\n  detectors:\n    jwt: {entropy: 9}\n", "`secrets.detectors.jwt.entropy` must be a number of bits per byte from 0 to 8"),
            ("secrets:\n  detectors:\n    jwt: {severty: off}\n", "unknown key `secrets.detectors.jwt.severty`; did you mean `severity`?"),
            ("secrets:\n  detectors: [jwt]\n", "`secrets.detectors` must map detector ids to a severity, `off`, or {severity, entropy}"),
            ("secrets:\n  detector: {jwt: off}\n", "unknown key `secrets.detector`; did you mean `detectors`?"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ProfileLoader.load(configText: text, configPath: "c.yml"), text) {
                XCTAssertEqual("\($0)", "c.yml: invalid configuration: " + message)
            }
        }
    }
}
