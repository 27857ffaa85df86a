import Foundation
import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// A folder full of secrets, linted in every output format: no secret, nor any 8-character slice of one,
/// may appear in anything sot-lint prints.
final class SecretsNeverEchoTests: XCTestCase {
    func testNoSecretOrSliceOfOneIsPrinted() throws {
        let catalog = try SecretCatalog.builtIn.get()
        let scanner = SecretScanner(catalog: catalog)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# root\n".write(to: directory.appendingPathComponent(".sot-lint.yml"), atomically: true, encoding: .utf8)
        var secrets: [[UInt8]] = []
        for (index, detector) in catalog.detectors.enumerated() {
            for (number, positive) in detector.positives.enumerated() {
                let bytes = Array(positive.utf8)
                // Markdown documents and other text files; what the tool detects depends on the kind of file.
                let ext = [".md", ".env", ".yml", ".txt"][number % 4]
                secrets += scanner.scan(bytes, markdown: ext == ".md").map { Array(bytes[$0.range]) }
                try Data(bytes).write(to: directory.appendingPathComponent("\(detector.id)-\(number)\(ext)"))
            }
            // An SOT document that quotes a secret as its status: the status message must be withheld.
            if let first = detector.positives.first, !first.contains("\n"),
               let match = scanner.scan(Array(first.utf8), markdown: true).first(where: { $0.detector == index }) {
                let secret = String(decoding: Array(first.utf8)[match.range], as: UTF8.self)
                let status = ExampleText.sot("## CTO-WORK-001 - Leak\n\nStatus: \(secret)\n\nAcceptance:\n\n- \(first)\n")
                try status.write(to: directory.appendingPathComponent("sot-\(detector.id).md"), atomically: true, encoding: .utf8)
            }
        }
        XCTAssertGreaterThanOrEqual(secrets.count, catalog.detectors.count)
        let docs = Array((RuleDocumentation.markdown() + RuleDocumentation.secretsMarkdown()).utf8)
        var documentation = Set<[UInt8]>()
        for start in 0...(docs.count - 8) { documentation.insert(Array(docs[start..<(start + 8)])) }
        let written = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: written) }
        let formats = [["--format", "text"], ["--format", "json"], ["--format", "text", "--color", "always"], ["--quiet"],
                       ["--format", "sarif"], ["--format", "github"], ["--format", "junit"],
                       ["--format", "sarif", "--output", written.path]]
        for arguments in formats {
            let run = try BinaryRunner.run(arguments, in: directory)
            XCTAssertEqual(run.status, 1, run.stderr)
            let file = arguments.contains("--output") ? try String(contentsOf: written, encoding: .utf8) : ""
            let output = Array((run.stdout + run.stderr + file).utf8)
            XCTAssertTrue(output.count > 1000)
            // Every 8-byte window of the output, once; then each slice of each secret is one lookup.
            var windows = Set<[UInt8]>()
            for start in 0...(output.count - 8) { windows.insert(Array(output[start..<(start + 8)])) }
            for secret in secrets where secret.count >= 8 {
                for start in 0...(secret.count - 8) {
                    let slice = Array(secret[start..<(start + 8)])
                    // A private-key block's match includes header prose ("signing key"): text the tool's own
                    // rule descriptions (in SARIF) also contain is no secret material.
                    guard !documentation.contains(slice) else { continue }
                    XCTAssertFalse(windows.contains(slice),
                                   "\(arguments): output contains a slice of a secret: \(String(decoding: slice, as: UTF8.self))")
                }
            }
        }
    }

    func testAnUnrelatedValueNeverHidesAPathADetectorOrAFingerprint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-redaction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# root\n".write(to: directory.appendingPathComponent(".sot-lint.yml"), atomically: true, encoding: .utf8)
        // A detected value that shares 14 characters with another file's path and words with ordinary prose.
        try "DB_PASSWORD=\"rotation-guide-Xq7#pL9z\"\n".write(to: directory.appendingPathComponent("notes.env"), atomically: true, encoding: .utf8)
        let plan = ExampleText.sot("## CTO-WORK-001 - Rotation guide\n\nStatus: blokced.\n\nAcceptance:\n\n- Rotate.\n")
        try plan.write(to: directory.appendingPathComponent("docs/rotation-guide-x.md"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["--format", "json", "--no-cache"], in: directory)
        let findings = BinaryRunner.diagnostics(run.stdout)
        XCTAssertEqual(Set(findings.compactMap { $0["path"] as? String }), ["docs/rotation-guide-x.md", "notes.env"], run.stdout)
        let secret = try XCTUnwrap(findings.first { $0["rule"] as? String == "secret-leak" })
        let message = try XCTUnwrap(secret["message"] as? String)
        XCTAssertTrue(message.contains("(generic-secret-assignment-quoted, fingerprint "), message)
        XCTAssertFalse(run.stdout.contains("rotation-guide-Xq7"), "the secret itself never appears")
        XCTAssertFalse(run.stdout.contains("<redacted"), run.stdout)
    }
}
