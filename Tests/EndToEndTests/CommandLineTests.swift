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

/// The command-line contract: formats, options, exit codes and one-line errors.
final class CommandLineTests: TemporaryDirectoryTestCase {

    private func document(status: String = "open", extra: String = "") -> String {
        ExampleText.companion(title: "Plan", "## CTO-WORK-001 - First\n\nStatus: \(status).\n\nAcceptance:\n\n- Works.\n\(extra)")
    }

    func testTextLineFormatAndExitOne() throws {
        try write("plan.md", document(status: "blokced"))
        let run = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "plan.md:17:9: error: status `blokced.` of `CTO-WORK-001` is not in the vocabulary; did you mean `blocked`? [status-unknown]\n")
        XCTAssertEqual(run.stderr, "sot-lint: 1 error, 0 warnings, 0 infos in 1 file (1 SOT document)\n")
    }

    func testTheClosingLineComesAfterTheFindings() throws {
        try write("plan.md", document(status: "blokced"))
        // One pipe for both streams, as a terminal or pre-commit's log sees them.
        let run = try BinaryRunner.run(["-c", "\"$0\" plan.md 2>&1", BinaryRunner.binary.path], in: directory, executable: "/bin/sh")
        XCTAssertEqual(run.stdout.split(separator: "\n").map(String.init), [
            "plan.md:17:9: error: status `blokced.` of `CTO-WORK-001` is not in the vocabulary; did you mean `blocked`? [status-unknown]",
            "sot-lint: 1 error, 0 warnings, 0 infos in 1 file (1 SOT document)",
        ])
    }

    func testJSONContract() throws {
        try write("plan.md", document(status: "blokced"))
        let run = try BinaryRunner.run(["lint", "--format", "json", "plan.md"], in: directory)
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 1, "warnings": 0])
        let diagnostic = try XCTUnwrap(BinaryRunner.diagnostics(run.stdout).first)
        XCTAssertEqual(diagnostic["path"] as? String, "plan.md")
        XCTAssertEqual(diagnostic["line"] as? Int, 17)
        XCTAssertEqual(diagnostic["column"] as? Int, 9)
        XCTAssertEqual(diagnostic["endLine"] as? Int, 17)
        XCTAssertEqual(diagnostic["endColumn"] as? Int, 16)
        XCTAssertEqual(diagnostic["severity"] as? String, "error")
        XCTAssertEqual(diagnostic["rule"] as? String, "status-unknown")
        XCTAssertTrue(diagnostic["fix"] is NSNull)
    }

    func testCleanRunSaysWhatWasCheckedAndExitsZero() throws {
        try write("plan.md", document())
        try write("notes/readme.md", "# Notes\n\nNothing to plan.\n")
        let run = try BinaryRunner.run([], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "sot-lint: 0 errors, 0 warnings, 0 infos in 3 files (1 SOT document)\n")
        // Nothing to check is not "clean": a line says so, and what would make a document one.
        let notes = try BinaryRunner.run(["notes"], in: directory)
        XCTAssertEqual(notes.status, 0)
        XCTAssertEqual(notes.stderr, "sot-lint: no SOT document among the 1 Markdown file of notes: a document is one when its front matter "
                       + "says `lifecycle_classification: sot` or its path matches `sot_documents.paths` (docs/configuration.md)\n"
                       + "sot-lint: 0 errors, 0 warnings, 0 infos in 1 file (0 SOT documents)\n")
        let quiet = try BinaryRunner.run(["--quiet", "notes"], in: directory)
        XCTAssertEqual(quiet.stderr, "")
        try write("notes/.sot-lint.yml", "sot_documents:\n  marker: kind\n  values: [plan]\n")
        let marked = try BinaryRunner.run(["notes"], in: directory)
        XCTAssertTrue(marked.stderr.hasPrefix("sot-lint: no SOT document among the 1 Markdown file of notes: a document is one when its "
                                              + "front matter says `kind: plan`"), marked.stderr)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]).write(to: directory.appendingPathComponent("logo.png"))
        let binary = try BinaryRunner.run(["logo.png"], in: directory)
        XCTAssertEqual(binary.status, 0)
        XCTAssertEqual(binary.stderr, "sot-lint: 0 errors, 0 warnings, 0 infos in 1 file (0 SOT documents)\n")
        XCTAssertEqual(try BinaryRunner.run(["--quiet"], in: directory).stderr, "", "--quiet says nothing when there is no error")
        XCTAssertEqual(try BinaryRunner.run(["--format", "json"], in: directory).stderr, "", "machine formats keep standard error empty")
    }

    func testPathsAreReportedAsGivenAndSorted() throws {
        try write("b/two.md", document(status: "bad"))
        try write("a/one.md", document(status: "bad").replacingOccurrences(of: "CTO-WORK-001", with: "CTO-WORK-002"))
        let run = try BinaryRunner.run(["./b", "a/"], in: directory)
        XCTAssertEqual(run.stdout.split(separator: "\n").map { String($0.split(separator: ":")[0]) }, ["./b/two.md", "a/one.md"])
        let absolute = try BinaryRunner.run([directory.appendingPathComponent("a").path], in: directory)
        XCTAssertTrue(absolute.stdout.hasPrefix(directory.appendingPathComponent("a/one.md").path + ":17:9:"), absolute.stdout)
    }

    func testOutputIsDeterministic() throws {
        for index in 1...30 {
            try write("d\(index % 4)/plan\(index).md", document(status: "nope").replacingOccurrences(of: "CTO-WORK-001", with: "CTO-WORK-\(100 + index)"))
        }
        let first = try BinaryRunner.run(["--format", "json"], in: directory)
        let second = try BinaryRunner.run(["--format", "json"], in: directory)
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertEqual(BinaryRunner.diagnostics(first.stdout).count, 30)
    }

    func testQuietAndMaxWarnings() throws {
        try write("plan.md", document(extra: "\nEvidance:\n\n- Logs.\n"))
        let normal = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertEqual(normal.status, 0)
        XCTAssertTrue(normal.stdout.contains("[field-label-unknown]"))
        let quiet = try BinaryRunner.run(["--quiet", "plan.md"], in: directory)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.status, 0)
        let gate = try BinaryRunner.run(["--max-warnings", "0", "plan.md"], in: directory)
        XCTAssertEqual(gate.status, 1)
        XCTAssertTrue(gate.stderr.hasSuffix("sot-lint: 1 warning, more than --max-warnings 0 allows\n"), gate.stderr)
        XCTAssertEqual(try BinaryRunner.run(["--max-warnings", "1", "plan.md"], in: directory).status, 0)
        // --quiet hides the warnings, not the gate.
        let quietGate = try BinaryRunner.run(["--quiet", "--max-warnings", "0", "plan.md"], in: directory)
        XCTAssertEqual(quietGate.status, 1)
        XCTAssertEqual(quietGate.stdout, "")
        XCTAssertEqual(quietGate.stderr, "sot-lint: 1 warning, more than --max-warnings 0 allows\n")
        let jsonGate = try BinaryRunner.run(["--format", "json", "--max-warnings", "0", "plan.md"], in: directory)
        XCTAssertEqual(jsonGate.status, 1)
        XCTAssertEqual(jsonGate.stderr, "sot-lint: 1 warning, more than --max-warnings 0 allows\n")
    }

    func testColor() throws {
        try write("plan.md", document(status: "bad"))
        XCTAssertTrue(try BinaryRunner.run(["--color", "always", "plan.md"], in: directory).stdout.contains("\u{1B}["))
        XCTAssertFalse(try BinaryRunner.run(["--color", "never", "plan.md"], in: directory).stdout.contains("\u{1B}["))
        XCTAssertFalse(try BinaryRunner.run(["plan.md"], in: directory).stdout.contains("\u{1B}["), "auto colours only a terminal")
    }

    func testMissingPathIsOneLineAndExitTwo() throws {
        let run = try BinaryRunner.run(["nowhere.md"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "sot-lint: nowhere.md: no such file or directory\n")
    }

    func testInvalidConfigurationIsOneLineAndExitTwo() throws {
        try write("plan.md", document())
        try write(".sot-lint.yml", "rules:\n  status-unknwn: warning\n")
        let run = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "sot-lint: .sot-lint.yml: invalid configuration: unknown rule `status-unknwn`; did you mean `status-unknown`?\n")
        try write(".sot-lint.yml", "rules: [unclosed\n")
        let broken = try BinaryRunner.run(["plan.md"], in: directory)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.hasPrefix("sot-lint: .sot-lint.yml: invalid configuration: line "), broken.stderr)
        XCTAssertEqual(broken.stderr.filter { $0 == "\n" }.count, 1)
    }

    func testUnreadableFileIsOneLineAndExitTwo() throws {
        try write("plan.md", document())
        let run = try BinaryRunner.run(["plan.md/"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("plan.md"), run.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try BinaryRunner.run(["--format", "yaml"], in: directory).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["--no-such-flag"], in: directory).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["--config", "x.yml", "--no-config"], in: directory).status, 2)
        XCTAssertEqual(try BinaryRunner.run(["--max-warnings", "-1"], in: directory).status, 2)
        let help = try BinaryRunner.run(["--help"], in: directory)
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE"), help.stdout)
    }

    func testConfigOverrideAndNoConfig() throws {
        try write("plan.md", document(status: "someday"))
        try write(".sot-lint.yml", "statuses:\n  someday: active\n")
        XCTAssertEqual(try BinaryRunner.run(["plan.md"], in: directory).status, 0)
        XCTAssertEqual(try BinaryRunner.run(["--no-config", "plan.md"], in: directory).status, 1)
        try write("other.yml", "rules:\n  status-unknown: off\n")
        XCTAssertEqual(try BinaryRunner.run(["--config", "other.yml", "plan.md"], in: directory).status, 0)
    }

    func testRulesAndExplain() throws {
        let rules = try BinaryRunner.run(["rules"], in: directory)
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("status-unknown"))
        XCTAssertEqual(rules.stdout.split(separator: "\n").count, RuleSet.builtIn.rules.count)
        XCTAssertEqual(RuleSet.builtIn.rules.count, 36)
        let explain = try BinaryRunner.run(["explain", "review-stale"], in: directory)
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("max_age_days (default 180, here 180)"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("Invalid: Reviewed a year ago."))
        let unknown = try BinaryRunner.run(["explain", "status-unknwn"], in: directory)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean `status-unknown`?"), unknown.stderr)
        // A secret detector named in a finding can be explained too, without printing its example tokens.
        let detector = try BinaryRunner.run(["explain", "github-pat-classic"], in: directory)
        XCTAssertEqual(detector.status, 0, detector.stderr)
        XCTAssertTrue(detector.stdout.hasPrefix("github-pat-classic (secret detector; findings are reported under the rule `secret-leak`)"),
                      detector.stdout)
        XCTAssertTrue(detector.stdout.contains("Keywords: ghp_"), detector.stdout)
        if case .success(let catalog) = SecretCatalog.builtIn, let examples = catalog.detector(id: "github-pat-classic")?.positives {
            XCTAssertFalse(examples.isEmpty)
            for example in examples { XCTAssertFalse(detector.stdout.contains(example), "no example token: \(detector.stdout)") }
        } else {
            XCTFail("the built-in catalog loads")
        }
        // Shell completion offers every rule and detector id after `explain`.
        for shell in ["bash", "zsh", "fish"] {
            let script = try BinaryRunner.run(["--generate-completion-script", shell], in: directory)
            XCTAssertEqual(script.status, 0, script.stderr)
            for id in ["status-unknown", "issue-id-duplicate", "github-pat-classic"] { XCTAssertTrue(script.stdout.contains(id), "\(shell): \(id)") }
        }
        // `lint` is the default command: its options and their values are offered at the top too. Bash runs
        // the script; zsh and fish declare the same option for the bare command.
        let bash = try BinaryRunner.run(["-c", """
            source <("$0" --generate-completion-script bash)
            complete_line() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"
                [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
                _sot-lint sot-lint "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"; echo "${COMPREPLY[*]}"
            }
            complete_line "sot-lint --format "; complete_line "sot-lint lint --format "; complete_line "sot-lint --quiet --color "
            complete_line "sot-lint explain status-un"; complete_line "sot-lint --no-b"; complete_line "sot-lint basel"
            """, BinaryRunner.binary.path], in: directory, executable: "/usr/bin/env", prepend: ["bash"])
        XCTAssertEqual(bash.stdout, "text json sarif github junit\ntext json sarif github junit\nauto always never\nstatus-unknown\n--no-baseline\nbaseline\n",
                       bash.stderr)
        let zsh = try BinaryRunner.run(["--generate-completion-script", "zsh"], in: directory).stdout
        let zshRoot = zsh.components(separatedBy: "_sot-lint_lint()")[0]
        XCTAssertTrue(zshRoot.contains("'--format[Output format.]:format:{__sot-lint_complete \"${___format[@]}\"}'"), zshRoot)
        XCTAssertFalse(zshRoot.contains("'*:paths:'"), "no positional at the top: it would take the subcommand's place")
        let fish = try BinaryRunner.run(["--generate-completion-script", "fish"], in: directory).stdout
        XCTAssertTrue(fish.contains("-n '__sot-lint_should_offer_completions_for_flags_or_options \"sot-lint\" format' -l 'format' -d 'Output format.' -rfka 'text json sarif github junit'"))
        let scripts = directory.appendingPathComponent("completion")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try zsh.write(to: scripts.appendingPathComponent("_sot-lint"), atomically: true, encoding: .utf8)
        try fish.write(to: scripts.appendingPathComponent("sot-lint.fish"), atomically: true, encoding: .utf8)
        // scripts/test.sh installs fish and zsh; a bare `swift test` without them skips only these runs.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") {
            let syntax = try BinaryRunner.run(["-n", scripts.appendingPathComponent("_sot-lint").path], in: directory, executable: "/usr/bin/zsh")
            XCTAssertEqual(syntax.status, 0, syntax.stderr)
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") {
            let run = try BinaryRunner.run(["-c", """
                function sot-lint; end; source $argv[1]
                for line in "sot-lint --format " "sot-lint explain status-un" "sot-lint --no-b" "sot-lint basel"
                    complete -C $line | cut -f1 | string join ' '
                end
                """, scripts.appendingPathComponent("sot-lint.fish").path], in: directory, executable: "/usr/bin/fish")
            XCTAssertEqual(run.stdout, "text json sarif github junit\nstatus-unknown\n--no-baseline\nbaseline\n", run.stderr)
        }
        let misspelt = try BinaryRunner.run(["explain", "github-pat-clasic"], in: directory)
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("did you mean `github-pat-classic`?"), misspelt.stderr)
    }

    func testNonSOTMarkdownGetsNoFinding() throws {
        try write("README.md", "# Readme\n\nStatus: whatever\n\n## Not an issue\n\nMentions CTO-WORK-999.\n")
        let run = try BinaryRunner.run([], in: directory)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
    }

    func testSingleFileRunSeesTheWholeWorkspace() throws {
        try write("docs/plan.md", document(extra: "\n- Depends on `CTO-WORK-002`.\n"))
        try write("other/more.md", document().replacingOccurrences(of: "CTO-WORK-001", with: "CTO-WORK-002")
            .replacingOccurrences(of: "# Plan", with: "# More").replacingOccurrences(of: "title: Plan", with: "title: More"))
        let single = try BinaryRunner.run(["docs/plan.md"], in: directory)
        XCTAssertEqual(single.status, 0, single.stdout)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("other/more.md"))
        let broken = try BinaryRunner.run(["docs/plan.md"], in: directory)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("[reference-unresolved]"))
    }
}

/// Hostile input: nothing may crash, hang or print more than one line per problem.
final class HostileInputTests: TemporaryDirectoryTestCase {
    func testDeeplyNestedMarkdownAndYAMLDoNotCrash() throws {
        let front = "---\nlifecycle_classification: sot\n---\n# T\n\n"
        let files = [
            "quote.md": front + String(repeating: ">", count: 100_000) + " x\n",
            "list.md": front + (0..<5_000).map { String(repeating: "  ", count: $0) + "- a\n" }.joined(),
            "emphasis.md": front + String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000) + "\n",
            "flow.md": "---\nlifecycle_classification: sot\ndeep: " + String(repeating: "[", count: 100_000) + "\n---\n# T\n",
            "block.md": "---\nlifecycle_classification: sot\ndeep:\n" + (1..<3_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + "---\n# T\n",
        ]
        // Several copies so that the files are parsed on worker threads with their smaller stacks.
        for (name, text) in files {
            for copy in 0..<4 { try text.write(to: directory.appendingPathComponent("\(copy)-\(name)"), atomically: true, encoding: .utf8) }
        }
        let run = try BinaryRunner.run(["--format", "json"], in: directory)
        XCTAssertEqual(run.status, 1, run.stderr)
        let yamlFindings = BinaryRunner.diagnostics(run.stdout).filter { $0["rule"] as? String == "frontmatter-invalid-yaml" }
        XCTAssertEqual(yamlFindings.count, 8)
        XCTAssertEqual(yamlFindings.compactMap { $0["message"] as? String }.filter { $0.contains("nested deeper than") }.count, 8)
    }

    func testFIFOAndDevicesAreRefusedNotRead() throws {
        let fifo = directory.appendingPathComponent("pipe.md").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let run = try BinaryRunner.run(["pipe.md"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "sot-lint: pipe.md: cannot read: not a regular file\nsot-lint: 0 errors, 0 warnings, 0 infos in 1 file (0 SOT documents)\n")
        let folder = try BinaryRunner.run(["."], in: directory)
        XCTAssertEqual(folder.status, 0, "a FIFO in a folder is not a document: \(folder.stderr)")
        let device = try BinaryRunner.run(["/dev/zero"], in: directory)
        XCTAssertEqual(device.status, 2)
        XCTAssertEqual(device.stderr, "sot-lint: /dev/zero: cannot read: not a regular file\nsot-lint: 0 errors, 0 warnings, 0 infos in 1 file (0 SOT documents)\n")
    }

    func testALinkedDocumentIsLintedOnce() throws {
        let body = ExampleText.companion(title: "Plan", "## CTO-WORK-001 - First\n\nStatus: blokced.\n\nAcceptance:\n\n- Works.\n")
        try write("plan.md", body)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("alias.md").path, withDestinationPath: "plan.md")
        let run = try BinaryRunner.run(["--format", "json"], in: directory)
        let rules = BinaryRunner.diagnostics(run.stdout).compactMap { $0["rule"] as? String }
        XCTAssertEqual(rules, ["status-unknown"], "once, and the link is no second definition of CTO-WORK-001: \(run.stdout)")
        let single = try BinaryRunner.run(["--format", "json", "plan.md"], in: directory)
        XCTAssertEqual(BinaryRunner.diagnostics(single.stdout).compactMap { $0["rule"] as? String }, ["status-unknown"],
                       "the link is no other definition in the workspace either")
    }

    func testSymlinkLoopInAFolderTerminates() throws {
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop").path, withDestinationPath: ".")
        let run = try BinaryRunner.run([], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
