import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// The ID suggestion index must give exactly what the brute-force `Suggestion.nearest` gives with
/// `maxDistance: 1`, while looking at only a few candidates per query.
final class IDSuggestionIndexTests: XCTestCase {
    private func brute(_ word: String, _ candidates: [String]) -> String? {
        Suggestion.nearest(word, among: candidates, maxDistance: 1)
    }

    func testRuleExamples() {
        let known = ["CTO-WORK-001", "CTO-WORK-002", "CTO-WORK-020", "CTO-WORK-021"]
        let index = IDSuggestionIndex(candidates: known)
        for word in ["CTO-WORK-010", "CTO-WORK-3", "CTO-WORK-0021", "CTO-WROK-001", "cto-work-002", "OPS-WORK-1", "", "C"] {
            XCTAssertEqual(index.nearest(word), brute(word, known), word)
        }
        XCTAssertEqual(index.nearest("CTO-WROK-001"), "CTO-WORK-001", "a transposition is one edit")
    }

    func testRandomWordsAndEditsMatchBruteForce() {
        var random = SeededGenerator(seed: 21)
        // A small alphabet with case pairs, so that near misses, ties and case-insensitive twins are common.
        let alphabet: [Character] = ["a", "b", "A", "B", "-", "1", "é"]
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in alphabet.randomElement(using: &random) ?? "a" })
        }
        func edit(_ text: String) -> String {
            var characters = Array(text)
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: characters.insert(alphabet.randomElement(using: &random) ?? "a", at: position)
            case 1 where !characters.isEmpty: characters.remove(at: position)
            case 2 where !characters.isEmpty: characters[position] = alphabet.randomElement(using: &random) ?? "a"
            default:
                if position + 1 < characters.count { characters.swapAt(position, position + 1) }
            }
            return String(characters)
        }
        var suggested = 0
        for _ in 0..<300 {
            let candidates = (0..<Int.random(in: 0..<25, using: &random)).map { _ in word(Int.random(in: 0..<6, using: &random)) }
            let index = IDSuggestionIndex(candidates: candidates)
            for _ in 0..<20 {
                let base = candidates.randomElement(using: &random) ?? word(3)
                let queries = [base, edit(base), edit(edit(base)), word(Int.random(in: 0..<7, using: &random))]
                for query in queries {
                    let expected = brute(query, candidates)
                    XCTAssertEqual(index.nearest(query), expected, "\(query) among \(candidates)")
                    if expected != nil { suggested += 1 }
                }
            }
        }
        XCTAssertGreaterThan(suggested, 5_000, "most queries are within one edit of a candidate")
    }

    func testDistanceAtMostOneAgreesWithEditDistance() {
        var random = SeededGenerator(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c"]
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0..<5, using: &random)).map { _ in alphabet[Int.random(in: 0..<3, using: &random)] }
            let b = (0..<Int.random(in: 0..<5, using: &random)).map { _ in alphabet[Int.random(in: 0..<3, using: &random)] }
            let distance = Suggestion.editDistance(a, b)
            let fast = IDSuggestionIndex.distanceAtMostOne(a.map(\.value), b.map(\.value))
            XCTAssertEqual(fast, distance <= 1 ? distance : nil, "\(a) \(b)")
        }
    }

    func testQueriesVerifyFewCandidatesAmongManyIDs() {
        // 20,000 defined IDs: a brute-force search compares each query with all of them.
        let known = (0..<20_000).map { "CTO-WORK-\($0)" }
        let index = IDSuggestionIndex(candidates: known)
        XCTAssertEqual(index.nearest("CTO-WORK-1234"), "CTO-WORK-1234")
        XCTAssertEqual(index.nearest("CTO-WROK-1234"), "CTO-WORK-1234")
        XCTAssertNil(index.nearest("OPS-WORK-1234"))
        for query in ["OPS-WORK-1234", "CTO-WORK-19999", "CTO-WORK-77"] {
            XCTAssertLessThan(index.candidates(near: query).count, 200, query)
        }
        XCTAssertTrue(index.candidates(near: "UNRELATED-99").isEmpty)
    }
}
