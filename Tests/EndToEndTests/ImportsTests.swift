import Foundation
import XCTest

/// References across repositories: `imports:` (other repositories' model files) and `external:` ID
/// patterns, on fixtures/commands/imports and on broken imports.
final class ImportsTests: TemporaryDirectoryTestCase {
    private var fixture: URL { BinaryRunner.packageRoot.appendingPathComponent("fixtures/commands/imports") }

    private func findings(_ run: BinaryRun) throws -> [(rule: String, line: Int, message: String)] {
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (report["diagnostics"] as? [[String: Any]] ?? []).map {
            (($0["rule"] as? String) ?? "", ($0["line"] as? Int) ?? 0, ($0["message"] as? String) ?? "")
        }
    }

    func testImportedIssuesResolveCountAndCollideAndExternalIDsAreNotUnresolved() throws {
        let run = try BinaryRunner.run(["--format", "json", "."], in: fixture)
        XCTAssertEqual(run.status, 1, run.stderr)
        let found = try findings(run)
        XCTAssertEqual(found.map(\.rule), ["blocked-on-resolved", "reference-external", "issue-id-duplicate"])
        XCTAssertTrue(found[0].message.contains("(models/operations.model.json#plans/ops-case-platform-issues.md:16)"), found[0].message)
        XCTAssertEqual(found[1].line, 50)
        XCTAssertTrue(found[2].message.contains("also at models/operations.model.json#plans/ops-case-platform-issues.md:32"), found[2].message)
        // Nothing in the imported model is linted, and no reference is unresolved.
        XCTAssertFalse(found.contains { $0.rule == "reference-unresolved" })
        for (arguments, file) in [(["ready"], "expected-ready.txt"), (["ready", "--blocked"], "expected-blocked.txt")] {
            let queue = try BinaryRunner.run(arguments, in: fixture)
            XCTAssertEqual(queue.stdout, try String(contentsOf: fixture.appendingPathComponent(file), encoding: .utf8), arguments.joined(separator: " "))
        }
        // The model lists its own issues, and the imported ones in brief.
        let model = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["model"], in: fixture).stdout.utf8)) as? [String: Any])
        XCTAssertEqual((model["issues"] as? [[String: Any]])?.compactMap { $0["id"] as? String },
                       ["CTO-WORK-601", "CTO-WORK-602", "CTO-WORK-603", "CTO-WORK-604"])
        XCTAssertEqual((model["imported"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["OPS-WORK-700", "OPS-WORK-701", "CTO-WORK-604"])
        // The graph draws imported and external nodes as such.
        let graph = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["graph", "--format", "json"], in: fixture).stdout.utf8)) as? [String: Any])
        var kinds: [String: String] = [:]
        for node in graph["nodes"] as? [[String: Any]] ?? [] { kinds[node["id"] as? String ?? ""] = node["kind"] as? String }
        XCTAssertEqual(kinds["OPS-WORK-700"], "imported")
        XCTAssertEqual(kinds["PAY-WORK-117"], "external")
        XCTAssertEqual(kinds["CTO-WORK-601"], "issue")
    }

    func testWithoutTheExternalPatternTheReferenceIsUnresolved() throws {
        try write(".sot-lint.yml", "imports: [\"models/*.model.json\"]\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("models"), withIntermediateDirectories: true)
        for name in ["cto-case-cross-repo-issues.md", "models/operations.model.json"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let found = try findings(try BinaryRunner.run(["--format", "json", "."], in: directory))
        XCTAssertEqual(found.filter { $0.rule == "reference-unresolved" }.map(\.line), [50])
    }

    func testAnImportedPrefixMakesAProseMentionAReference() throws {
        // The workspace defines PLAT- issues only; the import defines OPS-WORK- issues.
        try write(".sot-lint.yml", "imports: [\"models/*.model.json\"]\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("models"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("models/operations.model.json"),
                                         to: directory.appendingPathComponent("models/operations.model.json"))
        try write("plan.md", """
            ---
            title: Plan
            status: active
            lifecycle_classification: sot
            owner: jp
            created: 2026-03-04
            last_reviewed: 2026-06-03
            core_promotion_status: not-promoted
            route: cto
            ---

            # Plan

            Local planning SOT only. Not a Core Protocol. Not active Core authority.

            ## PLAT-1 - Encode The Export

            Status: open.

            After OPS-WORK-700 and OPS-WORK-999, in UTF-8 with SHA-256; not NOPE-WORK-3.

            Acceptance:

            - Works.

            """)
        let found = try findings(try BinaryRunner.run(["--format", "json", "."], in: directory))
        XCTAssertEqual(found.filter { $0.rule == "reference-unresolved" }.map(\.line), [20])
        XCTAssertTrue(found.contains { $0.rule == "reference-unresolved" && $0.message.hasPrefix("`OPS-WORK-999` is not defined") }, "\(found)")
    }

    func testABrokenImportIsOneLineAndExitTwo() throws {
        try write("plan.md", "# Plan\n")
        try write("old.model.json", "{\"version\": 7, \"issues\": []}\n")
        try write("notes.model.json", "[1, 2]\n")
        let cases = [
            ("imports: [\"missing.model.json\"]\n", "import `missing.model.json`: no such file"),
            ("imports: [\"models/*.json\"]\n", "import `models/*.json`: matches no file"),
            ("imports: [\"old.model.json\"]\n", "a model of version 7; this sot-lint reads version 1"),
            ("imports: [\"notes.model.json\"]\n", "not a JSON object"),
            ("external: [\"PAY-[\"]\n", "an `external` pattern is not a valid regular expression"),
        ]
        for (config, expected) in cases {
            try write(".sot-lint.yml", config)
            for arguments in [["."], ["model"], ["ready"], ["graph"]] {
                let run = try BinaryRunner.run(arguments, in: directory)
                XCTAssertEqual(run.status, 2, "\(config) \(arguments)")
                XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
                XCTAssertTrue(run.stderr.contains(".sot-lint.yml") && run.stderr.contains(expected), "\(arguments): \(run.stderr)")
                XCTAssertEqual(run.stdout, "", "nothing half-written")
            }
        }
    }
}
