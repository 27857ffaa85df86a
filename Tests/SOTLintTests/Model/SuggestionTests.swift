import XCTest
@testable import SOTSource
@testable import SOTSyntax
@testable import SOTModel
@testable import SOTRules
@testable import SOTSecrets
@testable import SOTEngine
@testable import SOTReport
@testable import SOTFix

/// `Suggestion.nearest` skips candidates out of reach and stops edit distances early; its answers must be
/// those of the plain search it replaced, for every query.
final class SuggestionTests: XCTestCase {
    /// The plain search of before: every candidate's full edit distance, then the prefix rule and the limit.
    private func plain(_ word: String, among candidates: [String], maxDistance: Int?) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestion.editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        if target.count >= 3, let longer = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }), maxDistance == nil {
            return longer
        }
        let limit = maxDistance ?? max(1, min(3, (max(target.count, best.candidate.count) + 2) / 4))
        return best.distance <= limit ? best.candidate : nil
    }

    func testRandomQueriesMatchThePlainSearch() {
        var random = SeededGenerator(seed: 11)
        let alphabet: [Character] = ["a", "b", "c", "A", "_", "é"]
        func word() -> String {
            String((0..<Int.random(in: 0..<12, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
        }
        for _ in 0..<4_000 {
            let candidates = (0..<Int.random(in: 0..<8, using: &random)).map { _ in word() }
            let query = Bool.random(using: &random) ? word() : String((candidates.randomElement(using: &random) ?? "").shuffled(using: &random))
            for maxDistance in [nil, 0, 1, 2] {
                XCTAssertEqual(Suggestion.nearest(query, among: candidates, maxDistance: maxDistance),
                               plain(query, among: candidates, maxDistance: maxDistance), "\(query) \(candidates) \(String(describing: maxDistance))")
            }
        }
    }

    func testBoundedDistanceIsExactWithinTheBound() {
        var random = SeededGenerator(seed: 13)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c"]
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0..<9, using: &random)).map { _ in alphabet[Int.random(in: 0..<3, using: &random)] }
            let b = (0..<Int.random(in: 0..<9, using: &random)).map { _ in alphabet[Int.random(in: 0..<3, using: &random)] }
            let exact = Suggestion.editDistance(a, b)
            for bound in 0...3 {
                let bounded = Suggestion.editDistance(a, b, bound: bound)
                if exact <= bound {
                    XCTAssertEqual(bounded, exact, "\(a) \(b) bound \(bound)")
                } else {
                    XCTAssertGreaterThan(bounded, bound, "\(a) \(b) bound \(bound)")
                }
            }
        }
    }

    func testFiveMegabyteWordIsNotComparedWithShortCandidates() {
        // Without the length filter this edit distance is 5 million by 13 cells per candidate.
        let word = String(repeating: "x", count: 5_000_000)
        XCTAssertNil(Suggestion.nearest(word, among: ["blocked", "in-progress", "done"]))
    }
}
