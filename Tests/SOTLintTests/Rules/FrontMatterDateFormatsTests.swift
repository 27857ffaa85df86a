import XCTest
@testable import SOTSource
@testable import SOTRules

/// The forms `frontmatter-date` reads, with its `formats` option.
final class FrontMatterDateFormatsTests: XCTestCase {
    func testDatesAndDatetimesAsTheOptionSays() {
        let day = CalendarDate("2025-06-03")
        for value in ["2025-06-03 22:19", "2025-06-03T22:19", "2025-06-03 22:19:05", "2025-06-03T22:19:05.123Z", "2025-06-03 00:00+02:00",
                      "2025-06-03T23:59:59-05:30"] {
            XCTAssertEqual(FrontMatterDateRule.day(of: value, date: false, datetime: true), day, value)
            XCTAssertNil(FrontMatterDateRule.day(of: value, date: true, datetime: false), value)
        }
        XCTAssertEqual(FrontMatterDateRule.day(of: "2025-06-03", date: true, datetime: false), day)
        XCTAssertEqual(FrontMatterDateRule.day(of: "2025-06-03", date: true, datetime: true), day)
        XCTAssertNil(FrontMatterDateRule.day(of: "2025-06-03", date: false, datetime: true), "datetime alone requires the time")
        for value in ["2025-06-03 24:00", "2025-06-03 22:60", "2025-06-03 22", "2025-06-03 22:19:", "2025-06-03 22:19:61", "2025-06-03 22:19 ",
                      "2025-06-03X22:19", "2025-06-31 10:00", "2025-06-03 22:19+2", "2025-06-03 22:19:05.", "2025-6-03 22:19"] {
            XCTAssertNil(FrontMatterDateRule.day(of: value, date: true, datetime: true), value)
        }
    }
}
