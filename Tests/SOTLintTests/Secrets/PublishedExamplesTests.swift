import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTSecrets

/// The providers' published example values: data with a source each, never reported, and each one a value
/// a detector would report if it were not on the list.
final class PublishedExamplesTests: XCTestCase {
    func testTheCompiledListIsRulesPublishedExamplesYML() throws {
        let text = try RepositoryFile.text("rules/published-examples.yml")
        XCTAssertEqual(PublishedExamplesText.yaml + "\n", text, "run scripts/generate-embedded.sh")
        let entries = PublishedExamples.entries
        XCTAssertEqual(entries.count, text.components(separatedBy: "\n  - value: ").count - 1)
        for entry in entries {
            XCTAssertTrue(entry.source.hasPrefix("https://"), entry.value)
            XCTAssertGreaterThanOrEqual(entry.value.utf8.count, 20, "PublishedExamples.contains skips shorter values")
        }
    }

    func testPublishedExamplesAreNeverReportedAndTheirNeighboursAre() throws {
        let finder = SecretFinder(catalog: try SecretCatalog.builtIn.get(), allowances: [])
        func findings(_ line: String) -> Int { finder.scan(SourceText(path: "a.md", text: line), markdown: true).findings.count }
        for entry in PublishedExamples.entries {
            for line in ["token = \"\(entry.value)\"", "The docs use \(entry.value) here.", "`\(entry.value)`"] {
                XCTAssertEqual(findings(line), 0, line)
            }
            // Values without a placeholder word: one letter's case changed, a detector reports it.
            guard !entry.value.lowercased().contains("example") else { continue }
            var changed = Array(entry.value)
            let index = changed.indices.first { $0 >= changed.count / 2 && changed[$0].isLetter }!
            changed[index] = Character(changed[index].isUppercase ? changed[index].lowercased() : changed[index].uppercased())
            let line = "token = \"\(String(changed))\""
            XCTAssertEqual(findings(line), 1, line)
        }
    }
}
