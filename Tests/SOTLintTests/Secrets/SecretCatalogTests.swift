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

/// Runs every detector's own examples from rules/secrets.yml: each positive yields exactly one finding of
/// its detector, each negative none.
final class SecretCatalogTests: XCTestCase {
    private func builtIn() throws -> SecretCatalog {
        try SecretCatalog.builtIn.get()
    }

    func testCompiledCatalogEqualsRulesSecretsYML() throws {
        // rules/secrets.yml, then each family file of rules/secrets/ in name order without its `detectors:` line.
        var text = try RepositoryFile.text("rules/secrets.yml")
        let folder = RepositoryFile.root.appendingPathComponent("rules/secrets").path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".yml") }).sorted() {
            let family = try RepositoryFile.text("rules/secrets/" + name)
            text += family.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "detectors:" }
                .joined(separator: "\n")
        }
        XCTAssertEqual(SecretCatalogText.yaml + "\n", text, "run scripts/generate-embedded.sh")
    }

    func testEveryPatternCompilesAndNamesAnExistingGroup() throws {
        // The built-in catalog compiles lazily; here every pattern is compiled and checked up front.
        let checked = try SecretCatalog(yaml: SecretCatalogText.yaml, origin: "rules/secrets.yml", compileNow: true)
        XCTAssertEqual(checked.detectors.count, try builtIn().detectors.count)
    }

    func testCatalogCoversTheRequiredProviders() throws {
        let catalog = try builtIn()
        XCTAssertGreaterThanOrEqual(catalog.detectors.count, 250)
        XCTAssertEqual(Set(catalog.detectors.map(\.id)).count, catalog.detectors.count)
        for detector in catalog.detectors {
            XCTAssertGreaterThanOrEqual(detector.positives.count, 2, detector.id)
            XCTAssertGreaterThanOrEqual(detector.negatives.count, 2, detector.id)
            XCTAssertTrue(detector.id.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }, detector.id)
        }
    }

    func testEveryDetectorExampleInEveryPlacement() throws {
        let catalog = try builtIn()
        let failures = SecretExampleCheck.failures(catalog: catalog, detectors: Array(catalog.detectors.indices))
        XCTAssertEqual(failures, [], failures.prefix(40).joined(separator: "\n"))
    }

    func testPlacementsOfAnExample() {
        let placed = SecretExampleCheck.placements(of: "key `a` here")
        XCTAssertEqual(placed.map(\.name), ["as written", "fenced block", "HTML comment", "code span", "sentence"])
        XCTAssertEqual(placed[3].text, "The log showed `` key `a` here `` yesterday.\n")
        XCTAssertEqual(SecretExampleCheck.placements(of: "a\nb").count, 3)
    }

    /// Windows never overlap, so a pattern's work is linear in the line; the 1 MB line's time per detector is
    /// measured in a release build by `sot-lint-bench --check-catalog` (a debug build scans at a few MB/s).
    func testAdversarialLineIsScannedInLinearWork() throws {
        // Each detector alone (its own catalog): the scan's time is that detector's, as release builds are
        // timed by `sot-lint-bench --check-catalog`; the full catalog per line would repeat every other's work.
        for detector in try builtIn().detectors {
            let scanner = SecretScanner(catalog: SecretCatalog(detectors: [detector]))
            let index = 0
            let line = SecretExampleCheck.adversarialLine(for: detector, length: 16_000)
            let windowBytes = line.withUnsafeBufferPointer { scanner.windows(in: $0, markdown: true)[index] }
                .reduce(0) { $0 + $1.count }
            XCTAssertLessThanOrEqual(windowBytes, line.count, "\(detector.id) scans a byte more than once")
            _ = scanner.scan(line, markdown: true)
        }
    }
}
