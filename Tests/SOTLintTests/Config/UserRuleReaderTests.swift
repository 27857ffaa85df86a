import Foundation
import XCTest
@testable import SOTSource
@testable import SOTModel
@testable import SOTRules
@testable import SOTEngine

/// Team rule files: every key checked, every mistake one line naming the rule file, and the rules they
/// define joining the profile (severity, `rules:` overrides, `allow` moves).
final class UserRuleReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func load(_ config: String = "rule_files: [\"rules/*.yml\"]\n") throws -> Profile {
        try ProfileLoader.load(configText: config, configPath: ".sot-lint.yml", configDirectory: directory.path,
                               rules: RuleSet.builtIn.declarations, detectors: [])
    }

    /// A valid rule file of each kind's shape, with the examples every rule needs.
    private static func rule(_ body: String, id: String = "team-x") -> String {
        """
        id: \(id)
        summary: Something the team wants.
        \(body)
        examples:
          valid:
            - text: "a"
          invalid:
            - text: "b"

        """
    }

    func testAMisspeltKeyAnywhereInARuleFileIsAnErrorWithDidYouMean() throws {
        let typos = ConfigShapeTypos.every(in: ConfigShape.userRule)
        XCTAssertGreaterThanOrEqual(typos.count, 40)
        for (json, expected) in typos {
            XCTAssertThrowsError(try UserRuleReader(file: "rules/x.yml").read(json + "\n"), json) { error in
                guard case .invalidConfiguration(let path, let reason) = error as? SOTLintError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "rules/x.yml")
                XCTAssertEqual(reason, expected, json)
            }
        }
    }

    func testEveryMistakeIsOneLineNamingTheRuleFile() throws {
        let cases: [(String, String)] = [
            (Self.rule("kind: requier\nrequire: {field: Evidence}"), "`kind: requier` is not a kind of rule; did you mean `require`?"),
            (Self.rule("kind: require"), "a `require` rule needs `require`"),
            (Self.rule("kind: require\nrequire: {field: Evidence}\nmax: 3"), "`max` does not belong to a `require` rule"),
            (Self.rule("kind: forbid\nfields: Notes\nforbid: \"a(\""), "`forbid` is not a valid regular expression"),
            (Self.rule("kind: count\nfield: Acceptance"), "a `count` rule needs `min`, `max` or both"),
            (Self.rule("kind: count\nfield: Acceptance\nmin: 3\nmax: 2"), "`min: 3` is more than `max: 2`"),
            (Self.rule("kind: relation\nlink: blocked\ntarget: {category: resolved}"), "`link: blocked` is not a link; did you mean `blocked_by`?"),
            (Self.rule("kind: relation\nlink: blocks\ntarget: {has_field: Evidence}"), "`target` of a `relation` rule cannot use `has_field`"),
            (Self.rule("kind: require\nrequire: {field: Evidence}\nwhen: {category: resolvd}"), "names `resolvd`, which is not a category; did you mean `resolved`?"),
            (Self.rule("kind: require\nrequire: {field: Evidence}\nwhen: {not: {not: {not: {not: {stauts: done}}}}}"),
             "unknown key `when.not.not.not.not.stauts`; did you mean `status`?"),
            (Self.rule("kind: require\nrequire: {field: Evidence}\nwhen: {status: dnoe}"), "rule `team-x`: status `dnoe` is not in `statuses`; did you mean `done`?"),
            (Self.rule("kind: require\nrequire: {field: Evidense}"), "rule `team-x`: field `Evidense` is not in `fields` nor in a layout; did you mean `Evidence`?"),
            (Self.rule("kind: transition\nforbid: [{from: done, too: open}]"), "unknown key `forbid[1].too`; did you mean `to`?"),
            (Self.rule("kind: transition\nunmoved: status_unchaged"), "`unmoved: status_unchaged` is not a link; did you mean `status_unchanged`?"),
            (Self.rule("kind: transition"), "a `transition` rule needs `forbid`, `allow` or `unmoved`"),
            (Self.rule("kind: transition\nallow: [{from: done, to: canceled}]"), "rule `team-x`: status `canceled` is not in `statuses`; did you mean `cancelled`?"),
            (Self.rule("kind: require\nrequire: {field: Evidence}\nseverity: eror"), "`severity: eror` must be one of error, warning, info; did you mean `error`?"),
            (Self.rule("kind: require\nrequire: {field: Evidence}", id: "Team_X"), "must be lower-case letters, digits and hyphens"),
            (Self.rule("kind: require\nrequire: {field: Evidence}", id: "acceptance-missing"), "`id: acceptance-missing` is a built-in rule's id"),
            ("id: team-x\nsummary: s\nkind: require\nrequire: {field: Evidence}\n", "a rule needs `examples`"),
            ("id: team-x\nsummary: s\nkind: require\nrequire: {field: Evidence}\nexamples: {valid: [{text: a}], invalid: []}\n",
             "`examples.invalid` must list at least one example"),
            ("- just a list\n", "a rule file must be a mapping"),
            ("id: [unclosed\n", "line 2, column 1"),
        ]
        for (text, expected) in cases {
            try write("rules/x.yml", text)
            XCTAssertThrowsError(try load(), text) { error in
                guard case .invalidConfiguration(let path, let reason) = error as? SOTLintError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "rules/x.yml", text)
                XCTAssertTrue(reason.contains(expected), "\(reason) lacks \(expected)")
                XCTAssertFalse(reason.contains("\n"), reason)
            }
        }
    }

    func testRuleFilesThatCannotBeFoundOrCollideAreErrorsOfTheConfiguration() throws {
        try write("rules/a.yml", Self.rule("kind: require\nrequire: {field: Evidence}"))
        try write("rules/b.yml", Self.rule("kind: require\nrequire: {field: Notes}"))
        XCTAssertThrowsError(try load()) { error in
            XCTAssertEqual((error as? SOTLintError)?.description,
                           "rules/b.yml: invalid configuration: `id: team-x` is already the id of the rule in rules/a.yml")
        }
        XCTAssertThrowsError(try load("rule_files: [\"team/*.yml\"]\n")) { error in
            XCTAssertEqual((error as? SOTLintError)?.description, ".sot-lint.yml: invalid configuration: `rule_files: team/*.yml` matches no file")
        }
        XCTAssertThrowsError(try load("rule_files: [rules/missing.yml]\n")) { error in
            XCTAssertEqual((error as? SOTLintError)?.description,
                           ".sot-lint.yml: invalid configuration: `rule_files`: cannot read rules/missing.yml: No such file or directory")
        }
        XCTAssertThrowsError(try ProfileLoader.load(configText: "rule_files: [rules/a.yml]\n", configPath: nil, rules: RuleSet.builtIn.declarations,
                                                    detectors: [])) { error in
            XCTAssertTrue("\(error)".contains("`rule_files` needs a configuration file"), "\(error)")
        }
    }

    func testTeamRulesJoinTheProfileWithTheirSeverityAndTheirAllowedMoves() throws {
        try write("rules/a.yml", Self.rule("kind: require\nrequire: {field: Evidence}\nseverity: info"))
        try write("rules/b.yml", Self.rule("kind: transition\nallow: [{from: done, to: [cancelled]}, {from: superseded, to: '*'}]", id: "team-y"))
        let profile = try load()
        XCTAssertEqual(profile.userRules.map(\.id), ["team-x", "team-y"])
        XCTAssertEqual(profile.settings(for: "team-x").severity, .info)
        XCTAssertEqual(profile.settings(for: "team-y").severity, .warning)
        XCTAssertEqual(profile.transitions["done"], ["superseded", "cancelled"])
        XCTAssertNil(profile.transitions["superseded"])
        XCTAssertEqual(profile.transitions["cancelled"], [])
        // The configuration's `rules:` may turn a team rule off or change its severity.
        let off = try load("rule_files: [\"rules/*.yml\"]\nrules:\n  team-x: off\n  team-y: error\n")
        XCTAssertNil(off.settings(for: "team-x").severity)
        XCTAssertEqual(off.settings(for: "team-y").severity, .error)
        // A rule file's text is part of the profile's fingerprint: a cached verdict never outlives a change.
        try write("rules/a.yml", Self.rule("kind: require\nrequire: {field: Notes}\nseverity: info"))
        XCTAssertNotEqual(try load().fingerprint, profile.fingerprint)
        XCTAssertThrowsError(try load("rules:\n  team-x: error\n")) { error in
            XCTAssertTrue("\(error)".contains("unknown rule `team-x`"), "\(error)")
        }
    }

    /// `count` with `items: unchecked` counts task-list items `[ ]`, whether the layout strips the marker
    /// (`items: checkboxes`) or keeps it in the text (issue sections).
    func testCountingUncheckedItems() throws {
        try write("rules/a.yml", Self.rule("kind: count\nwhen: {category: resolved}\nfield: Acceptance\nitems: unchecked\nmax: 0"))
        try write("rules/b.yml", Self.rule("kind: count\nfield: Acceptance\nitems: checked\nmin: 1", id: "team-y"))
        let profile = try load()
        let text = "---\nlifecycle_classification: sot\n---\n## CTO-WORK-001 - First\n\nStatus: done.\n\nAcceptance:\n\n- [x] One\n- [ ] Two\n- [ ] Three\n"
            + "\n## CTO-WORK-002 - Second\n\nStatus: done.\n\nAcceptance:\n\n- [X] One\n- Two\n"
        let report = try LintSession(LintSession.Options(workingDirectory: "/")).lint(files: [MemoryFile(path: "a.md", text: text)], profile: profile)
        XCTAssertEqual(report.diagnostics.filter { $0.rule.hasPrefix("team-") }.map(\.message),
                       ["`Acceptance` of issue `CTO-WORK-001` has 2 unchecked items; the rule asks for at most 0"])
        XCTAssertThrowsError(try { try write("rules/b.yml", Self.rule("kind: count\nfield: Acceptance\nitems: unchekced\nmin: 1", id: "team-y")); return try load() }()) { error in
            XCTAssertTrue("\(error)".contains("`items: unchekced` must be one of all, checked, unchecked; did you mean `unchecked`?"), "\(error)")
        }
    }

    /// The rules of each kind on one document, through the engine: exact places, the fix, and the message template.
    func testEachKindFindsWhatItSaysWhereItSaysIt() throws {
        try write("rules/a.yml", Self.rule("kind: require\nwhen: {status: blocked}\nrequire: {field: Current unblock}\nmessage: \"{id} ({title}) needs an unblock\""))
        try write("rules/b.yml", Self.rule("kind: forbid\nfields: [Notes]\nforbid: \"ticket ([0-9]+)\"\nfix: \"JIRA-$1\"", id: "team-b"))
        try write("rules/c.yml", Self.rule("kind: count\nwhen: {status: blocked}\nfield: Notes\nmin: 2", id: "team-c"))
        try write("rules/d.yml", Self.rule("kind: relation\nlink: blocks\nwhen: {category: resolved}\ntarget: {category: resolved}", id: "team-d"))
        let profile = try load()
        let text = """
        ---
        lifecycle_classification: sot
        ---
        ## CTO-WORK-001 - Fïrst

        Status: blocked.

        Notes: see ticket 42 and ticket 7.

        Blocked by: CTO-WORK-002

        ## CTO-WORK-002 - Second

        Status: done.

        """
        let report = try LintSession(LintSession.Options(workingDirectory: "/")).lint(files: [MemoryFile(path: "a.md", text: text)], profile: profile)
        let found = report.diagnostics.filter { $0.rule.hasPrefix("team-") }
        XCTAssertEqual(found.map { "\($0.rule) \($0.range.start.line):\($0.range.start.column)" },
                       ["team-x 4:4", "team-c 8:1", "team-b 8:12", "team-b 8:26", "team-d 12:4"])
        XCTAssertEqual(found[0].message, "CTO-WORK-001 (Fïrst) needs an unblock")
        XCTAssertEqual(found[2].fix?.edits.map(\.replacement), ["JIRA-42"])
        XCTAssertEqual(found[3].fix?.edits.map(\.replacement), ["JIRA-7"])
        XCTAssertEqual(found[4].message, "`CTO-WORK-002` is linked (blocks) to `CTO-WORK-001`, whose status `blocked` the rule does not allow")
    }
}
