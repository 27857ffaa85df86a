import XCTest
@testable import SOTSource

/// The ID table numbers IDs exactly as a dictionary filled in the same order would, whatever their
/// length, bytes or count (it grows past its first capacity).
final class IDTableTests: XCTestCase {
    func testAgreesWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "A", "CTO-WORK-", "0", "9", "-", "ü", "🙂", "\u{0}", "0123456789abcdef", "x"]
        for round in 0..<50 {
            var table = IDTable(capacity: round % 3 == 0 ? 0 : 40)
            var expected: [String: Int] = [:]
            var order: [String] = []
            for _ in 0..<Int.random(in: 0..<400, using: &generator) {
                let id = (0..<Int.random(in: 0..<4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let (number, isNew) = table.insert(id)
                if let known = expected[id] {
                    XCTAssertEqual(number, known, id)
                    XCTAssertFalse(isNew, id)
                } else {
                    XCTAssertEqual(number, order.count, id)
                    XCTAssertTrue(isNew, id)
                    expected[id] = order.count
                    order.append(id)
                }
            }
            XCTAssertEqual(table.names, order)
            XCTAssertEqual(table.count, order.count)
            for id in order { XCTAssertEqual(table.number(of: id), expected[id], id) }
            for probe in ["never", "CTO-WORK-00", "🙂🙂🙂🙂🙂", "\u{0}\u{0}"] where expected[probe] == nil {
                XCTAssertNil(table.number(of: probe), probe)
            }
        }
    }
}
