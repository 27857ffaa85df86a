import XCTest
@testable import SOTSource
@testable import SOTSecrets

/// What a pattern's top level says every match must contain, and that the scanner may skip a window
/// without it.
final class RequiredBytesTests: XCTestCase {
    private func required(_ pattern: String, ignoreCase: Bool = false) -> String {
        String(decoding: RequiredBytes(pattern: pattern, ignoreCase: ignoreCase).bytes, as: UTF8.self)
    }

    func testTheSmallestMandatoryAtomOfLiterals() {
        XCTAssertEqual(required("(token|auth)(s|[_.-]?value)?[\"']?]?[[:space:]]{0,8}[:=]{1,2}>?([0-9]{4})", ignoreCase: true), ":=")
        XCTAssertEqual(required("--(token|secret)[= ][\"']?([A-Za-z]{0,100})", ignoreCase: true), "-")
        XCTAssertEqual(required("ghp_[A-Za-z0-9]{36}"), "g")
        XCTAssertEqual(required("ghp_[A-Za-z0-9]{36}", ignoreCase: true), "_", "letters may fold to other characters")
        XCTAssertEqual(required("x{2}y{1,}"), "x")
        XCTAssertEqual(required("[]:]"), "]:")
        XCTAssertEqual(required("[:-]"), ":-")
        XCTAssertEqual(required("[-:]"), "-:")
    }

    func testNothingIsRequiredWhereTheReadingIsInDoubt() {
        for pattern in ["a|b", "x?", "x*", "x{0,3}", "[^:]", "[a-c]", "[--/]", "[]-a]", "[[:space:]]", "[\\:]", "\\.",
                        "(a|b)", "(a)?", "(b(a|c))*", ".", "^$", "é", "[é]", "*a", "a{", "a{,2}", "[ab", "(a", "\\", "[1-9]", "[0-8]"] {
            XCTAssertEqual(required(pattern), "", pattern)
        }
    }

    func testGroupsThatMustOccurAndDigitsCount() {
        XCTAssertEqual(required("(a)"), "a")
        XCTAssertEqual(required("x(ab(c|d)e)"), "x", "the first of the smallest")
        XCTAssertEqual(required("([0-9]{4}|z)[0-9]"), "0123456789")
        XCTAssertEqual(required("[=0-9]+"), "=0123456789")
        // Every atom must be in a window, not just the smallest: `=` and a digit.
        let required = RequiredBytes(pattern: "(token|pass)[[:space:]]{0,8}[:=]{1,2}([A-Za-z_]{0,100}[0-9][A-Za-z0-9_]{0,250})", ignoreCase: true)
        for (text, may) in [("Decision record has `decision_status=pass_budget_replay`.", false), ("pass=abc1", true),
                            ("pass 1 and nothing assigned", false), ("", false)] {
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { required.mayMatch(in: $0, 0..<$0.count) }, may, text)
        }
    }

    func testAWindowWithoutTheBytesCannotMatch() {
        let required = RequiredBytes(pattern: "auth[[:space:]]{0,8}[:=]{1,2}[A-Za-z0-9]{8,}", ignoreCase: true)
        let disclaimer = Array("Local planning SOT only. Not a Core Protocol. Not active Core authority.".utf8)
        let assignment = Array("BASIC_AUTH = Zx8qL2vR9tY4".utf8)
        XCTAssertFalse(disclaimer.withUnsafeBufferPointer { required.mayMatch(in: $0, 0..<$0.count) })
        XCTAssertTrue(assignment.withUnsafeBufferPointer { required.mayMatch(in: $0, 0..<$0.count) })
        XCTAssertFalse(assignment.withUnsafeBufferPointer { required.mayMatch(in: $0, 0..<10) })
    }

    func testEveryMatchOfEveryCatalogExampleHoldsItsRequiredBytes() throws {
        let catalog = try SecretCatalog.builtIn.get()
        var requiring = 0
        for detector in catalog.detectors where !detector.required.bytes.isEmpty {
            requiring += 1
            for example in detector.positives + detector.negatives {
                let bytes = Array(example.utf8)
                detector.regex.forEachMatch(in: bytes, range: 0..<bytes.count) { groups in
                    if let whole = groups[0] {
                        XCTAssertTrue(bytes[whole].contains { detector.required.bytes.contains($0) }, "\(detector.id): \(example)")
                        XCTAssertTrue(bytes.withUnsafeBufferPointer { detector.required.mayMatch(in: $0, whole) }, "\(detector.id): \(example)")
                    }
                    return true
                }
            }
        }
        XCTAssertGreaterThan(requiring, 60)
        let generic = try XCTUnwrap(catalog.detector(id: "generic-secret-assignment-unquoted"))
        XCTAssertEqual(String(decoding: generic.required.bytes, as: UTF8.self), ":=")
    }
}
