import XCTest
@testable import SOTSource
@testable import SOTEngine

/// The baseline's keys, matching and file: what a recorded finding is, and that reading it back gives it.
final class BaselineModelTests: XCTestCase {
    private func key(_ message: String, path: String = "docs/plan.md", issue: String? = "CTO-WORK-001") -> Baseline.Key {
        Baseline.key(rule: "status-unknown", path: path, issue: issue, message: message)
    }

    func testTheKeyIgnoresNumbersAndOtherFilesPathsButNotIDsOrWords() {
        XCTAssertEqual(key("last reviewed 183 days ago (2026-05-31)"), key("last reviewed 184 days ago (2026-05-31)"))
        XCTAssertEqual(key("also defined at ./docs/b.md:12"), key("also defined at docs/b.md:40"))
        XCTAssertNotEqual(key("`CTO-WORK-021` is blocked"), key("`CTO-WORK-022` is blocked"))
        XCTAssertNotEqual(key("status `opne`"), key("status `nope`"))
        XCTAssertNotEqual(key("m"), key("m", issue: nil))
        XCTAssertNotEqual(key("m"), key("m", path: "docs/other.md"))
        XCTAssertEqual(key("m").fingerprint.utf8.count, 32)
    }

    func testEachEntryCoversAsManyFindingsAsItsCount() {
        let baseline = Baseline([key("a"), key("a"), key("b")])
        let (recorded, unmatched) = baseline.match([key("a"), key("c"), key("a"), key("a")])
        XCTAssertEqual(recorded, [0, 2], "two `a` recorded: the third is new")
        XCTAssertEqual(unmatched, [key("b"): 1])
    }

    func testTheFileRoundTripsAndIsSorted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-baseline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let baseline = Baseline([key("z", path: "b.md"), key("a", path: "a \"quoted\"\n.md", issue: nil), key("z", path: "b.md")])
        let path = folder + "/" + Baseline.fileName
        try AtomicFile.write(baseline.encoded(), to: path, mode: 0o644)
        XCTAssertEqual(try Baseline.load(path, display: Baseline.fileName), baseline)
        let lines = String(decoding: baseline.encoded(), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[2].contains("\"path\": \"a \\\"quoted\\\"\\n.md\", \"issue\": null"), String(lines[2]))
        XCTAssertTrue(lines[3].hasSuffix("\"count\": 2}"), String(lines[3]))
        XCTAssertNil(try Baseline.load(folder + "/none.json", display: "none.json"))
    }

    func testTheWrittenFormIsReadDirectlyAndAnyOtherJSONToo() throws {
        let baseline = Baseline([key("a"), key("a"), key("b", path: "ü/é.md", issue: nil), key("c", path: "p.md")])
        XCTAssertEqual(Baseline.parseEncoded(baseline.encoded()), baseline.counts)
        XCTAssertEqual(Baseline.parseEncoded(Baseline().encoded()), [:])
        // Reformatted, reordered or escaped: not the written form, read as JSON with the same result.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-baseline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let entry = key("a")
        let edited = """
            {"version": 1, "kind": "baseline", "tool": "sot-lint", "findings": [
              {"count": 2, "fingerprint": "\(entry.fingerprint)", "issue": "CTO-WORK-001", "path": "docs\\/plan.md", "rule": "status-unknown"}]}
            """
        XCTAssertNil(Baseline.parseEncoded(Array(edited.utf8)))
        try AtomicFile.write(Array(edited.utf8), to: folder + "/b.json", mode: 0o644)
        XCTAssertEqual(try Baseline.load(folder + "/b.json", display: "b.json")?.counts, [entry: 2])
        // A damaged end of the written form is not taken for it.
        let written = baseline.encoded()
        XCTAssertNil(Baseline.parseEncoded(Array(written.dropLast(3))))
    }

    func testADamagedFileIsOneErrorNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-baseline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + Baseline.fileName
        for text in ["", "[]", "{\"tool\": \"other\", \"kind\": \"baseline\", \"version\": 1, \"findings\": []}",
                     "{\"tool\": \"sot-lint\", \"kind\": \"baseline\", \"version\": 1, \"findings\": [{\"rule\": \"r\", \"path\": \"p\", \"issue\": null, \"fingerprint\": \"xyz\", \"count\": 1}]}"] {
            try AtomicFile.write(Array(text.utf8), to: path, mode: 0o644)
            XCTAssertThrowsError(try Baseline.load(path, display: "shown.json"), text) { error in
                let line = (error as? SOTLintError)?.description ?? ""
                XCTAssertTrue(line.hasPrefix("shown.json: invalid configuration: "), line)
                XCTAssertFalse(line.contains("\n"))
            }
        }
    }

    func testMatchingIsLinearInTheFindings() {
        // 200,000 findings against as many entries: one dictionary step each (a scan per finding would not finish).
        let keys = (0..<200_000).map { Baseline.Key(rule: "r", path: "p\($0 % 1000).md", issue: nil, fingerprint: String($0)) }
        let baseline = Baseline(keys)
        let (recorded, unmatched) = baseline.match(keys.reversed())
        XCTAssertEqual(recorded.count, keys.count)
        XCTAssertTrue(unmatched.isEmpty)
    }
}
