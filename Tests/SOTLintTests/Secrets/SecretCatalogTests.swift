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
        let file = "rules/secrets.yml"
        XCTAssertEqual(SecretCatalogText.yaml + "\n", try RepositoryFile.text(file), "run scripts/generate-embedded.sh")
    }

    func testEveryPatternCompilesAndNamesAnExistingGroup() throws {
        // The built-in catalog compiles lazily; here every pattern is compiled and checked up front.
        let checked = try SecretCatalog(yaml: SecretCatalogText.yaml, origin: "rules/secrets.yml", compileNow: true)
        XCTAssertEqual(checked.detectors.count, try builtIn().detectors.count)
    }

    func testCatalogCoversTheRequiredProviders() throws {
        let catalog = try builtIn()
        XCTAssertGreaterThanOrEqual(catalog.detectors.count, 60)
        XCTAssertEqual(Set(catalog.detectors.map(\.id)).count, catalog.detectors.count)
        for detector in catalog.detectors {
            XCTAssertGreaterThanOrEqual(detector.positives.count, 2, detector.id)
            XCTAssertGreaterThanOrEqual(detector.negatives.count, 2, detector.id)
            XCTAssertTrue(detector.id.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }, detector.id)
        }
    }

    func testEveryDetectorExample() throws {
        let catalog = try builtIn()
        let scanner = SecretScanner(catalog: catalog)
        for (index, detector) in catalog.detectors.enumerated() {
            for positive in detector.positives {
                let found = scanner.scan(Array(positive.utf8), markdown: true).filter { $0.detector == index }
                XCTAssertEqual(found.count, 1, "\(detector.id) should find one secret in: \(positive)")
            }
            for negative in detector.negatives {
                let found = scanner.scan(Array(negative.utf8), markdown: true).filter { $0.detector == index }
                XCTAssertEqual(found.count, 0, "\(detector.id) should find nothing in: \(negative)")
            }
        }
    }

    func testEveryQuantifierIsBounded() throws {
        for detector in try builtIn().detectors {
            var inBracket = false
            var escaped = false
            for character in detector.regex.pattern {
                if escaped { escaped = false; continue }
                switch character {
                case "\\": escaped = true
                case "[": inBracket = true
                case "]": inBracket = false
                case "*", "+": XCTAssertTrue(inBracket, "\(detector.id) has an unbounded `\(character)`")
                default: break
                }
            }
        }
    }

    func testAdversarialMegabyteLineIsScannedInLinearWork() throws {
        let catalog = try builtIn()
        let scanner = SecretScanner(catalog: catalog)
        let filler = Array("aZ0+/9xQ=_-".utf8)
        for (index, detector) in catalog.detectors.enumerated() {
            let keyword = Array((detector.keywords.first ?? "`").utf8)
            var line = [UInt8]()
            line.reserveCapacity(1_000_100)
            var step = 0
            while line.count < 1_000_000 {
                line += keyword
                line += filler.prefix(1 + step % filler.count)
                step += 1
            }
            let windowBytes = line.withUnsafeBufferPointer { scanner.windows(in: $0, markdown: true)[index] }
                .reduce(0) { $0 + $1.count }
            XCTAssertLessThanOrEqual(windowBytes, line.count, "\(detector.id) scans a byte more than once")
            _ = scanner.scan(line, markdown: true)
        }
    }
}
