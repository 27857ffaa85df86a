import Foundation
import XCTest

/// `sot-lint model`, `ready` and `show`: the hand-checked fixtures of fixtures/commands, the JSON Schema
/// on every fixture, and one verdict: the ready queue, `blocked-on-resolved` and the model agree.
final class ModelCommandTests: TemporaryDirectoryTestCase {
    private var fixtures: URL { BinaryRunner.packageRoot.appendingPathComponent("fixtures") }
    private var schema: URL { BinaryRunner.packageRoot.appendingPathComponent("schemas/model.schema.json") }

    private func expected(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The JSON text without the tool's version (it changes with every release, the contract does not).
    private func withoutToolVersion(_ json: String) -> String {
        json.replacingOccurrences(of: #""tool": \{"name": "sot-lint", "version": "[^"]*"\}"#, with: #""tool": {}"#, options: .regularExpression)
    }

    func testTheCommandsGiveTheHandCheckedOutputs() throws {
        let queue = fixtures.appendingPathComponent("commands/ready-queue")
        for (arguments, file) in [(["ready"], "expected-ready.txt"), (["ready", "--blocked"], "expected-blocked.txt"),
                                  (["ready", "--format", "json"], "expected-ready.json"),
                                  (["show", "CTO-WORK-404"], "expected-show.txt"), (["show", "CTO-WORK-404", "--format", "json"], "expected-show.json")] {
            let run = try BinaryRunner.run(arguments, in: queue)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout, try expected(queue, file), arguments.joined(separator: " "))
        }
        // The model: a title that quotes a token is redacted, a duplicated blocker listed once, a list value null.
        let model = fixtures.appendingPathComponent("commands/model")
        let run = try BinaryRunner.run(["model"], in: model)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(withoutToolVersion(run.stdout), withoutToolVersion(try expected(model, "expected-model.json")))
        XCTAssertFalse(run.stdout.contains("R4nd0mV4lu3s"), "never the secret")
        // --output writes the same bytes to a file, and nothing to standard output.
        let output = directory.appendingPathComponent("model.json")
        let written = try BinaryRunner.run(["model", "--output", output.path], in: model)
        XCTAssertEqual(written.stdout, "")
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), run.stdout)
    }

    func testAnUnknownIDOrSeveralProjectsAreOneLineAndExitTwo() throws {
        let queue = fixtures.appendingPathComponent("commands/ready-queue")
        let unknown = try BinaryRunner.run(["show", "CTO-WORK-999"], in: queue)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("CTO-WORK-999"), unknown.stderr)
        let two = try BinaryRunner.run(["model", "fixtures/commands/ready-queue", "fixtures/commands/model"], in: BinaryRunner.packageRoot)
        XCTAssertEqual(two.status, 2)
        XCTAssertTrue(two.stderr.contains("2 projects"), two.stderr)
        XCTAssertEqual(two.stdout, "")
    }

    /// Every fixture folder that is a project (has its own .sot-lint.yml) and lints without a usage error.
    private func fixtureFolders() throws -> [URL] {
        let manager = FileManager.default
        var folders: [URL] = []
        for parent in ["", "invalid", "commands"] {
            let base = parent.isEmpty ? fixtures : fixtures.appendingPathComponent(parent)
            for name in try manager.contentsOfDirectory(atPath: base.path).sorted() {
                let folder = base.appendingPathComponent(name)
                if manager.fileExists(atPath: folder.appendingPathComponent(".sot-lint.yml").path) { folders.append(folder) }
            }
        }
        return folders
    }

    func testTheSchemaValidatesTheModelAndTheQueuesOfEveryFixture() throws {
        var files: [String] = []
        for folder in try fixtureFolders() {
            let name = folder.lastPathComponent
            for (arguments, kind) in [(["model"], "model"), (["ready", "--format", "json"], "readyQueue"),
                                      (["ready", "--blocked", "--format", "json"], "blockedQueue")] {
                let run = try BinaryRunner.run(arguments, in: folder)
                guard run.status != 2 else {
                    // A fixture whose configuration is invalid on purpose: one line, no JSON.
                    XCTAssertEqual(run.stdout, "", name)
                    continue
                }
                let file = directory.appendingPathComponent("\(name)-\(kind).json")
                try run.stdout.write(to: file, atomically: true, encoding: .utf8)
                files.append("\(kind)=\(file.path)")
            }
        }
        XCTAssertGreaterThan(files.count, 90, "every fixture's outputs")
        let check = try BinaryRunner.run(["-c", """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            failures = 0
            for spec in sys.argv[2:]:
                kind, path = spec.split("=", 1)
                target = schema if kind == "model" else {"$ref": "#/$defs/" + kind, "$defs": schema["$defs"]}
                for error in Draft202012Validator(target).iter_errors(json.load(open(path))):
                    failures += 1
                    print(path, error.message[:300])
            print("checked", len(sys.argv) - 2)
            sys.exit(1 if failures else 0)
            """, schema.path] + files, in: directory, executable: "/usr/bin/env", prepend: ["python3"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testReadyBlockedOnResolvedAndTheModelAgreeOnEveryFixture() throws {
        for folder in try fixtureFolders() {
            let name = folder.lastPathComponent
            let run = try BinaryRunner.run(["model"], in: folder)
            guard run.status == 0 else { continue }
            let model = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], name)
            let issues = try XCTUnwrap(model["issues"] as? [[String: Any]], name)
            var category: [String: String] = [:]
            // Definitions in path order, the imported ones (`MODEL#PATH`) among them, as the workspace orders them.
            var definitions = issues.compactMap { issue in (issue["id"] as? String).map { ($0, issue["path"] as? String ?? "", (issue["category"] as? String) ?? "none") } }
            definitions += (model["imported"] as? [[String: Any]] ?? []).compactMap { issue in
                (issue["id"] as? String).map { ($0, issue["source"] as? String ?? "", (issue["category"] as? String) ?? "none") }
            }
            for (id, _, kind) in definitions.sorted(by: { Array($0.1.utf8).lexicographicallyPrecedes(Array($1.1.utf8)) }) where category[id] == nil {
                category[id] = kind
            }
            for issue in issues where issue["category"] as? String == "blocked" {
                let id = issue["id"] as? String ?? ""
                let blockers = Set(issue["blockedBy"] as? [String] ?? [])
                let findings = issue["findings"] as? [[String: Any]] ?? []
                // The blockers blocked-on-resolved names for this issue, read back from its messages.
                let reported = Set(findings.filter { $0["rule"] as? String == "blocked-on-resolved" }.compactMap { finding -> String? in
                    let message = finding["message"] as? String ?? ""
                    guard message.hasPrefix("`\(id)` is blocked by `") else { return nil }
                    return message.dropFirst("`\(id)` is blocked by `".count).split(separator: "`").first.map(String.init)
                })
                let resolved = Set(blockers.filter { category[$0] == "resolved" })
                XCTAssertEqual(reported, resolved, "\(name) \(id): blocked-on-resolved names exactly the resolved blockers")
                let inCycle = findings.contains { $0["rule"] as? String == "blocked-by-cycle" }
                XCTAssertEqual(issue["ready"] as? Bool, reported == blockers && !inCycle,
                               "\(name) \(id): a blocked issue is ready exactly when blocked-on-resolved names all its blockers")
            }
            // The graph marks the same issues ready (each ID's first definition) and draws undefined blockers.
            let graph = try BinaryRunner.run(["graph", "--format", "json"], in: folder)
            let nodes = ((try JSONSerialization.jsonObject(with: Data(graph.stdout.utf8)) as? [String: Any])?["nodes"] as? [[String: Any]]) ?? []
            var firstReady: [String: Bool] = [:]
            for issue in issues {
                if let id = issue["id"] as? String, firstReady[id] == nil { firstReady[id] = issue["ready"] as? Bool }
            }
            let imported = Set((model["imported"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            for node in nodes {
                let id = node["id"] as? String ?? ""
                if node["kind"] as? String == "imported" {
                    XCTAssertTrue(imported.contains(id), "\(name) \(id): an imported node is in the model's imported list")
                    XCTAssertEqual(node["ready"] as? Bool, false, "\(name) \(id): another repository's issue is not in our queue")
                } else if node["defined"] as? Bool == true {
                    XCTAssertEqual(node["ready"] as? Bool, firstReady[id], "\(name) \(id): the graph's ready is the model's")
                } else {
                    XCTAssertNil(firstReady[id], "\(name) \(id): an undefined node is no issue")
                    XCTAssertTrue(issues.contains { ($0["blockedBy"] as? [String] ?? []).contains(id) }, "\(name) \(id): someone is blocked by it")
                }
            }
            // The queue is the model's ready issues, in the same order.
            let queue = try BinaryRunner.run(["ready", "--format", "json"], in: folder)
            let listed = ((try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any])?["ready"] as? [[String: Any]] ?? [])
            XCTAssertEqual(listed.compactMap { $0["id"] as? String }, issues.filter { $0["ready"] as? Bool == true }.compactMap { $0["id"] as? String }, name)
            // The text queues (a lint that keeps no fields) list the same issues, and --blocked the others.
            for (arguments, ready) in [(["ready"], true), (["ready", "--blocked"], false)] {
                let text = try BinaryRunner.run(arguments, in: folder)
                XCTAssertEqual(text.status, 0, name + text.stderr)
                XCTAssertEqual(text.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) },
                               issues.filter { $0["ready"] as? Bool == ready }.compactMap { $0["id"] as? String }, "\(name) \(arguments)")
            }
        }
    }
}
