import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine
@testable import SOTReport

/// The streaming encoder writes exactly the bytes of the tree encoder (`JSONValueEncoder` then
/// `JSONValue.rendered()`), for every model the reports encode and for every shape `Encoder` allows.
final class JSONStreamEncoderTests: XCTestCase {
    /// Both encoders' text of `value`, compared byte for byte.
    private func assertSameBytes<Value: Encodable>(_ value: Value, _ message: String = "", file: StaticString = #filePath,
                                                   line: UInt = #line) throws {
        let tree = Array(try JSONValueEncoder().encode(value).rendered().utf8)
        let stream = try JSONStreamEncoder().encode(value)
        XCTAssertEqual(String(decoding: stream, as: UTF8.self), String(decoding: tree, as: UTF8.self), message, file: file, line: line)
        XCTAssertEqual(stream, tree, message, file: file, line: line)
    }

    /// Text that needs every kind of escape, and text that looks as if it might.
    private static let awkwardTexts = [
        "", "plain", "quote \" and backslash \\", "\n\r\t", "\u{0}\u{1}\u{1F}\u{7F}\u{1B}[31m", "é ü ß 日本語 🙂👨‍👩‍👧",
        "line\u{2028}para\u{2029}end", "\u{2027}\u{202A}\u{20AC}â", "ends with a separator\u{2028}", "\u{2029}",
        "/ slash </script>", String(repeating: "long run ", count: 200) + "\"",
    ]

    private static func diagnostics() -> [Diagnostic] {
        let source = SourceText(path: "a.md", text: "---\ntitle: x\n---\n# Héllo 🙂\nStatus: blokced\n")
        let edits = [TextEdit(4..<9, in: source, with: "title"), TextEdit(30..<37, in: source, with: "blocked\n\"x\"\\\u{1}")]
        var list: [Diagnostic] = []
        for (index, text) in awkwardTexts.enumerated() {
            let range = SourceRange(line: index + 1, column: index, endLine: index + 2, endColumn: 1)
            let severity: Severity = [.error, .warning, .info][index % 3]
            list.append(Diagnostic(path: "dir/" + text + ".md", range: range, severity: severity, rule: "status-unknown", message: text))
            list.append(Diagnostic(path: "b.md", range: range, severity: severity, rule: "frontmatter-unknown-key", message: text,
                                   fix: Fix(text, index.isMultiple(of: 2) ? edits : [])))
        }
        return list
    }

    func testReportsEncodeTheSameAsTheTreeEncoder() throws {
        let list = Self.diagnostics()
        for diagnostics in [list, [], Array(list.prefix(1))] {
            let report = LintReport(diagnostics: diagnostics, fileCount: 3)
            try assertSameBytes(JSONReporter.Document(summary: .init(files: 3, errors: report.count(.error), warnings: report.count(.warning)),
                                                      diagnostics: diagnostics))
            let sarif = SARIFReporter(version: "1.2.3", rules: RuleSet.builtIn.rules.map(\.metadata))
            try assertSameBytes(sarif.log(report))
            try assertSameBytes(diagnostics)
        }
        for diagnostic in list { try assertSameBytes(diagnostic) }
    }

    func testEveryRuleExampleReportEncodesTheSame() throws {
        let sarif = SARIFReporter(version: "1.2.3", rules: RuleSet.builtIn.rules.map(\.metadata))
        for rule in RuleSet.builtIn.rules {
            for example in rule.metadata.examples {
                let report = try RuleHarness.lint(files: example.files.map { MemoryFile(path: $0.name, text: $0.cleanText) },
                                                  config: example.config, today: example.today,
                                                  base: example.baseFiles?.map { MemoryFile(path: $0.name, text: $0.cleanText) })
                let name = "\(rule.metadata.id) — \(example.summary)"
                try assertSameBytes(JSONReporter.Document(summary: .init(files: 1, errors: 0, warnings: 0), diagnostics: report.diagnostics), name)
                try assertSameBytes(sarif.log(report), name)
                for workspace in report.workspaces { try assertSameBytes(workspace, name) }
            }
        }
    }

    func testReporterTextIsTheStreamedEncoding() {
        let list = Self.diagnostics()
        let report = LintReport(diagnostics: list, fileCount: 2)
        let document = JSONReporter.Document(summary: .init(files: 2, errors: report.count(.error), warnings: report.count(.warning)),
                                             diagnostics: list)
        XCTAssertEqual(JSONReporter().render(report), (try? JSONValueEncoder().encode(document).rendered()).map { $0 + "\n" })
    }

    /// Every reporter hands over the bytes of exactly the text it renders, in the pieces it chooses.
    func testWrittenBytesAreTheRenderedText() {
        let list = Self.diagnostics()
        let reporters: [any Reporter] = [JSONReporter(), SARIFReporter(version: "1.2.3", rules: RuleSet.builtIn.rules.map(\.metadata)),
                                         TextReporter(color: false), TextReporter(color: true), GitHubReporter(), JUnitReporter()]
        for diagnostics in [list, [], Array(list.prefix(1))] {
            let report = LintReport(diagnostics: diagnostics, fileCount: 2)
            for reporter in reporters {
                var bytes: [UInt8] = []
                reporter.write(report) { bytes.append(contentsOf: $0) }
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), reporter.render(report), "\(type(of: reporter))")
            }
        }
    }

    func testScalarsAndOptionals() throws {
        let doubles: [Double] = [0, -0.0, 1, 1.5, -2.25, 1e-7, 1e21, 123_456_789.125, .infinity, -.infinity, .nan, .leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude]
        try assertSameBytes(doubles)
        try assertSameBytes([Int.min, -10, -1, 0, 9, 10, 99, 100, 1_000_000, Int.max])
        try assertSameBytes([Int64.min, 0, Int64.max])
        try assertSameBytes([UInt64.max, 0])
        try assertSameBytes([true, false])
        try assertSameBytes(Self.awkwardTexts)
        try assertSameBytes([1, nil, 3] as [Int?])
        try assertSameBytes(["a", nil] as [String?])
        try assertSameBytes(Optional<Int>.none)
        try assertSameBytes("top level \"string\"")
        try assertSameBytes(42)
        try assertSameBytes(Severity.warning)
        try assertSameBytes(Mixed.sample)
        try assertSameBytes([Mixed.sample, Mixed.sample])
        try assertSameBytes([[Mixed.sample], [], [Mixed.sample, Mixed.sample]])
    }

    func testEmptyAndNestedContainers() throws {
        try assertSameBytes([Int]())
        try assertSameBytes([String: Int]())
        try assertSameBytes(Empty())
        try assertSameBytes([Empty(), Empty()])
        try assertSameBytes(["only": Empty()])
        try assertSameBytes([[[Int]]]([[[]], [[1, 2], []], []]))
        try assertSameBytes(["z \"key\"": [1], "a\nb": [], "é": [2, 3]])
        try assertSameBytes(NestedContainers(depth: 0))
        try assertSameBytes([NestedContainers(depth: 3)])
        try assertSameBytes(["deep": ["deeper": NestedContainers(depth: 2)]])
        try assertSameBytes(Nothing())
        try assertSameBytes(["nothing": Nothing()])
        try assertSameBytes([Nothing()])
        try assertSameBytes(Wrapped(inner: Mixed.sample))
        try assertSameBytes([Wrapped(inner: [1, 2])])
    }

    func testSuperEncodersWriteIntoTheSameContainer() throws {
        try assertSameBytes(Derived())
        try assertSameBytes([Derived(), Derived()])
        try assertSameBytes(SuperElements())
        try assertSameBytes(SameContainerTwice())
    }

    /// Writes a stream cannot make in order: the value is encoded again from its model, same text.
    func testOutOfOrderWritesFallBackToTheSameText() throws {
        try assertSameBytes(LateNestedWrite())
        try assertSameBytes(["first": [LateNestedWrite()], "second": [LateNestedWrite()]])
        try assertSameBytes(["a": 1, "b": 2].mapValues { _ in ReplacedValue() })
        try assertSameBytes([ReplacedValue(), ReplacedValue()])
        try assertSameBytes([CountAfterClose()])
    }

    func testCodingPathsNameMembersAndElements() throws {
        let log = PathProbe.Log()
        try assertSameBytes(["probe": PathProbe(log: log, depth: 1)])
        log.paths.removeAll()
        _ = try JSONStreamEncoder().encode(["probe": PathProbe(log: log, depth: 1)])
        XCTAssertEqual(log.paths, [
            "encoder probe", "object probe", "encoder probe/children/Index 0", "object probe/children/Index 0",
            "list probe/list", "encoder probe/list/Index 0", "object probe/list/Index 0",
        ])
    }

    /// Random trees of every container at every depth, against the tree encoder.
    func testRandomTrees() throws {
        var generator = SeededGenerator(seed: 0x5EED_1500)
        for _ in 0..<300 {
            try assertSameBytes(RandomTree.make(depth: 0, using: &generator))
        }
    }

    func testEscapesFollowTheJSONRules() throws {
        let others: [Unicode.Scalar] = ["\u{80}", "\u{FF}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E200}", "\u{1F642}"]
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) + others {
            let expected: String
            switch scalar {
            case "\"": expected = "\\\""
            case "\\": expected = "\\\\"
            case "\n": expected = "\\n"
            case "\r": expected = "\\r"
            case "\t": expected = "\\t"
            case "\u{2028}": expected = "\\u2028"
            case "\u{2029}": expected = "\\u2029"
            default:
                let hex = String(scalar.value, radix: 16)
                expected = scalar.value < 0x20 || scalar.value == 0x7F ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex : String(scalar)
            }
            // At every place in a word of the eight-byte scan, and in the byte-by-byte tail.
            for before in 0..<10 {
                let prefix = String(repeating: "a", count: before)
                let suffix = String(repeating: "b", count: 9 - before)
                let text = prefix + String(scalar) + suffix
                XCTAssertEqual(try JSONStreamEncoder().encode(text), Array(("\"" + prefix + expected + suffix + "\"").utf8),
                               "U+\(String(scalar.value, radix: 16)) after \(before) bytes")
            }
        }
    }
}
