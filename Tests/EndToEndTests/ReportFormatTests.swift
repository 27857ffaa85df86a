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

/// SARIF (validated against the 2.1.0 schema), GitHub annotations, JUnit XML and `--output`.
final class ReportFormatTests: TemporaryDirectoryTestCase {
    private var schema: URL {
        BinaryRunner.packageRoot.appendingPathComponent("Tests/Vendor/sarif-schema-2.1.0.json")
    }

    /// Runs python3 with `script` and `arguments`; returns its exit status and output.
    private func python(_ script: String, _ arguments: [String]) throws -> BinaryRun {
        try BinaryRunner.run(["-c", script] + arguments, in: directory, executable: "/usr/bin/env", prepend: ["python3"])
    }

    private func validateSARIF(in folder: URL, extra: [String] = []) throws {
        let output = directory.appendingPathComponent("report-\(UUID().uuidString).sarif")
        let run = try BinaryRunner.run(["--format", "sarif", "--output", output.path] + extra, in: folder)
        XCTAssertNotEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, "", "--output writes the report to the file only")
        let check = try python("""
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
        jsonschema.validate(report, schema)
        print(len(report["runs"][0]["results"]))
        """, [schema.path, output.path])
        XCTAssertEqual(check.status, 0, "\(folder.lastPathComponent): \(check.stdout)\(check.stderr)")
    }

    func testSARIFIsValidForEveryFixtureAndForSecrets() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: schema.path), "the SARIF schema is vendored in Tests/Vendor")
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("fixtures")
        try validateSARIF(in: fixtures.appendingPathComponent("seed"))
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("invalid").path).sorted() {
            let folder = fixtures.appendingPathComponent("invalid/\(name)")
            guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent("base").path) else { continue }
            try validateSARIF(in: folder)
        }
        try write("leak.env", "GITHUB_TOKEN=ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8\n")
        try write("dir with space/ü.md", "# Ü\n\nKey: `ghp_R4nd0mV4lu3sAr3H3r3xQ9zLmN2pK7wY1tB8`\n")
        try validateSARIF(in: directory)
    }

    func testSARIFCarriesRuleMetadataAndExactRegions() throws {
        try write("plan.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: blokced.\n\nAcceptance:\n\n- Works.\n"))
        let run = try BinaryRunner.run(["--format", "sarif", "plan.md"], in: directory)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(report["runs"] as? [[String: Any]])
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, RuleSet.builtIn.rules.count)
        let result = try XCTUnwrap((runs[0]["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(result["ruleId"] as? String, "status-unknown")
        XCTAssertEqual((rules[result["ruleIndex"] as? Int ?? -1])["id"] as? String, "status-unknown")
        let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "plan.md")
        XCTAssertEqual(location["region"] as? [String: Int], ["startLine": 17, "startColumn": 9, "endLine": 17, "endColumn": 16])
        XCTAssertNil(location["contextRegion"], "no snippets")
        XCTAssertEqual(runs[0]["columnKind"] as? String, "unicodeCodePoints")
    }

    func testSARIFAndAnnotationPathsAreRepositoryRelativeAndFingerprintsSurviveLineMoves() throws {
        let body = "## CTO-WORK-001 - First\n\nStatus: blokced.\n\nAcceptance:\n\n- Works with `CTO-WORK-404` and `CTO-WORK-405`.\n"
        try write("docs/plan.md", ExampleText.sot(body))
        func results() throws -> [(uri: String, line: Int, fingerprint: String)] {
            let run = try BinaryRunner.run(["--format", "sarif", "."], in: directory)
            let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let results = try XCTUnwrap((report["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            return try results.map { result in
                let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                let uri = try XCTUnwrap((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
                let line = try XCTUnwrap((location["region"] as? [String: Int])?["startLine"])
                let fingerprint = try XCTUnwrap((result["partialFingerprints"] as? [String: String])?["sotLintFinding/v1"])
                return (uri, line, fingerprint)
            }
        }
        let before = try results()
        XCTAssertEqual(before.count, 3, "\(before)")
        XCTAssertEqual(Set(before.map(\.uri)), ["docs/plan.md"], "no ./ before the path")
        XCTAssertEqual(Set(before.map(\.fingerprint)).count, 3, "each finding its own fingerprint")
        // Ten lines inserted above the issue: every finding moves, no fingerprint does.
        try write("docs/plan.md", ExampleText.sot(String(repeating: "Context line.\n\n", count: 5) + body))
        let after = try results()
        XCTAssertEqual(after.map(\.line), before.map { $0.line + 10 })
        XCTAssertEqual(after.map(\.fingerprint), before.map(\.fingerprint))
        let annotations = try BinaryRunner.run(["--format", "github", "."], in: directory)
        XCTAssertTrue(annotations.stdout.hasPrefix("::error file=docs/plan.md,line="), annotations.stdout)
    }

    func testSARIFCycleFindingsPointAtTheOtherMembers() throws {
        func issue(_ id: Int, blockedBy next: Int) -> String {
            "## CTO-WORK-00\(id) - Issue\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\nBlocked by:\n\n- `CTO-WORK-00\(next)` first.\n\n"
        }
        try write("a.md", ExampleText.sot(issue(1, blockedBy: 2)))
        try write("b.md", ExampleText.companion(title: "B", issue(2, blockedBy: 3) + issue(3, blockedBy: 1)))
        let run = try BinaryRunner.run(["--format", "sarif", "."], in: directory)
        try validateSARIF(in: directory)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap((report["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let cycle = try XCTUnwrap(results.first { $0["ruleId"] as? String == "blocked-by-cycle" && ($0["message"] as? [String: Any])?["text"]
            .map { "\($0)".contains("CTO-WORK-001 → CTO-WORK-002") } == true })
        let related = try XCTUnwrap(cycle["relatedLocations"] as? [[String: Any]])
        let places = related.compactMap { ($0["physicalLocation"] as? [String: Any]).flatMap { location -> String? in
            let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let line = (location["region"] as? [String: Int])?["startLine"] ?? 0
            return "\(uri):\(line)"
        } }
        XCTAssertEqual(places.count, 2, "the two other members: \(related)")
        XCTAssertTrue(places.allSatisfy { $0.hasPrefix("b.md:") }, "\(places)")
        XCTAssertEqual(related.compactMap { ($0["message"] as? [String: Any])?["text"] as? String },
                       ["CTO-WORK-002", "CTO-WORK-003"])
        // The JSON contract is unchanged: no related places there.
        let json = try BinaryRunner.run(["--format", "json", "."], in: directory)
        XCTAssertFalse(json.stdout.contains("related"), json.stdout)
    }

    func testGitHubAnnotationsAreEscaped() {
        let diagnostic = Diagnostic(path: "a,b:c.md", range: SourceRange(line: 2, column: 3, endLine: 2, endColumn: 9),
                                    severity: .warning, rule: "status-unknown", message: "100% wrong\nsecond line")
        XCTAssertEqual(GitHubReporter().render(LintReport(diagnostics: [diagnostic], fileCount: 1)),
                       "::warning file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,title=status-unknown::100%25 wrong%0Asecond line\n")
    }

    func testJUnitIsWellFormedXML() throws {
        try write("plan.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: <blokced> & \"co\".\n\nAcceptance:\n\n- Works.\n"))
        let output = directory.appendingPathComponent("junit.xml")
        XCTAssertEqual(try BinaryRunner.run(["--format", "junit", "--output", output.path], in: directory).status, 1)
        let check = try python("""
        import sys, xml.dom.minidom
        document = xml.dom.minidom.parse(sys.argv[1])
        suites = document.getElementsByTagName("testsuite")
        print(len(suites), sum(len(s.getElementsByTagName("testcase")) for s in suites))
        """, [output.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stdout, "1 1\n", "one suite for the file, one case per finding; quotes, <, > and & escaped")
        let clean = try BinaryRunner.run(["--format", "junit", "--no-config", ".sot-lint.yml"], in: directory)
        XCTAssertTrue(clean.stdout.contains("tests=\"1\" failures=\"0\""), clean.stdout)
    }

    func testReportsWrittenIntoTheCheckoutAreNeverFindings() throws {
        try write("plan.md", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n\nEvidance:\n\n- Logs.\n"))
        let first = try BinaryRunner.run(["--format", "json", "."], in: directory)
        let expected = BinaryRunner.diagnostics(first.stdout).count
        XCTAssertGreaterThan(expected, 0)
        for (format, name) in [("sarif", "report.sarif"), ("json", "report.json"), ("junit", "report.xml"), ("github", "annotations.txt")] {
            XCTAssertEqual(try BinaryRunner.run(["--format", format, "--output", name, "."], in: directory).status, 0)
            let again = try BinaryRunner.run(["--format", "json", "."], in: directory)
            let paths = BinaryRunner.diagnostics(again.stdout).compactMap { $0["path"] as? String }
            XCTAssertEqual(paths.count, expected, "\(format): \(paths)")
            XCTAssertFalse(paths.contains(name), "\(format) report linted: \(again.stdout)")
            XCTAssertEqual(try BinaryRunner.run(["--format", "json", name], in: directory).stdout.contains("\"diagnostics\": []"), true, name)
        }
    }

    func testOutputFileIsReplacedAtomicallyAndErrorsAreOneLine() throws {
        try write("plan.md", ExampleText.sot(""))
        let output = directory.appendingPathComponent("report.json")
        try "old".write(to: output, atomically: true, encoding: .utf8)
        XCTAssertEqual(try BinaryRunner.run(["--format", "json", "--output", output.path, "plan.md"], in: directory).status, 0)
        XCTAssertTrue(try String(contentsOf: output, encoding: .utf8).hasPrefix("{\"version\": 1,"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp") }
        XCTAssertEqual(leftovers, [])
        let bad = try BinaryRunner.run(["--output", "/nonexistent/dir/report.txt", "plan.md"], in: directory)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "sot-lint: /nonexistent/dir/report.txt: cannot write: No such file or directory\n")
    }
}
