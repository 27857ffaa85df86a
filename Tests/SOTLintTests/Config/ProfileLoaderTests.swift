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

final class ProfileLoaderTests: XCTestCase {
    func testCompiledDefaultProfileEqualsRulesDefaultYML() throws {
        let text = try RepositoryFile.text("rules/default.yml")
        XCTAssertEqual(DefaultProfileText.yaml + "\n", text, "run scripts/generate-embedded.sh")
    }

    func testDefaults() throws {
        let profile = try ProfileLoader.defaultProfile()
        XCTAssertEqual(profile.sotClassification, "sot")
        XCTAssertEqual(profile.statuses.map(\.name), ["draft", "open", "in-progress", "blocked", "validated", "done", "superseded", "cancelled"])
        XCTAssertEqual(profile.category(ofStatus: "In Progress."), .active)
        XCTAssertEqual(profile.category(ofStatus: "SUPERSEDED"), .resolved)
        XCTAssertEqual(profile.fields, ["Status", "Acceptance", "Blocked by", "Current unblock", "Evidence", "Notes"])
        XCTAssertEqual(profile.settings(for: "review-stale").int("max_age_days"), 180)
        XCTAssertTrue(profile.idMatcher.matchesWhole("CTO-WORK-021"))
    }

    func testProjectConfigurationExtendsTheDefaults() throws {
        let profile = try ProfileLoader.load(configText: """
        statuses:
          someday: active
        fields: [Status, Acceptance, Risks]
        rules:
          review-stale: {severity: warning, max_age_days: 30}
          field-label-unknown: off
          status-unknown: warning
        """, configPath: ".sot-lint.yml")
        XCTAssertEqual(profile.category(ofStatus: "someday"), .active)
        XCTAssertEqual(profile.category(ofStatus: "blocked"), .blocked, "mappings merge key by key")
        XCTAssertEqual(profile.fields, ["Status", "Acceptance", "Risks"], "lists replace")
        XCTAssertEqual(profile.settings(for: "review-stale"), RuleSettings(severity: .warning, options: ["max_age_days": .int(30)]))
        XCTAssertNil(profile.settings(for: "field-label-unknown").severity)
        XCTAssertEqual(profile.settings(for: "status-unknown").severity, .warning)
        let phrases = profile.settings(for: "invariant-keeps-blocked").strings("phrases")
        XCTAssertEqual(phrases, ["keeps {id} blocked"], "a severity alone keeps the default options")
    }

    func testEmptyConfigurationIsTheDefault() throws {
        let profile = try ProfileLoader.load(configText: "# nothing\n", configPath: ".sot-lint.yml")
        XCTAssertEqual(profile.statuses.count, 8)
    }

    func testErrorsNameTheFileAndTheCause() {
        let cases: [(String, String)] = [
            ("nonsense: 1\n", "unknown key `nonsense`"),
            ("rules:\n  status-unknwn: off\n", "unknown rule `status-unknwn`; did you mean `status-unknown`?"),
            ("rules:\n  status-unknown: loud\n", "`rules.status-unknown` needs a severity: error, warning, info, off"),
            ("rules:\n  review-stale: {max_age: 3}\n", "rule `review-stale` has no option `max_age`; did you mean `max_age_days`?"),
            ("rules:\n  h1-single: {severity: error, depth: 2}\n", "rule `h1-single` has no option `depth`; this rule has no options"),
            ("id_pattern: \"[A-Z\"\n", "`id_pattern` is not a valid regular expression"),
            ("statuses:\n  later: eventually\n", "status `later` needs one of the categories active, blocked, accepted, resolved"),
            ("- a\n", "the file must be a mapping of keys to values"),
            ("rules: [\n", "line "),
            ("secrets:\n  exlude: [\"*.env\"]\n", "unknown key `secrets.exlude`; did you mean `exclude`?"),
            ("secrets:\n  allow:\n    - fingerprint: d08cc339fdfd\n      reasn: test\n",
             "unknown key `secrets.allow[1].reasn`; did you mean `reason`?"),
            ("front_matter:\n  requried: [title]\n", "unknown key `front_matter.requried`; did you mean `required`?"),
            ("front_matter:\n  enums: {status: [a]}\n  date: [created]\n", "unknown key `front_matter.date`; did you mean `dates`?"),
            ("front_matter: [title]\n", "`front_matter` must be a mapping of keys to values"),
            ("transitions: [done]\n", "`transitions` must map statuses to lists of the statuses they may move to"),
            ("statuses:\n  later: active\nsecrets:\n  allow: {fingerprint: d08cc339fdfd}\n", "`secrets.allow` must be a list, not a mapping"),
            ("secrets:\n  allow:\n    - value: \"([a-z\"\n      reason: r\n", "`secrets.allow` value `([a-z` is not a valid regular expression"),
            ("secrets:\n  allow:\n    - value: \"AKIA.*\"\n", "`secrets.allow` value `AKIA.*` needs a `reason`"),
            ("secrets:\n  allow:\n    - {value: x, fingerprint: d08cc339fdfd, reason: r}\n", "a `fingerprint` or a `value`, not both"),
            ("secrets:\n  allow:\n    - {fingerprint: d08cc339fdfd, detector: jwt, reason: r}\n", "`detector` limits a `secrets.allow` entry with a `value`"),
            ("ready:\n  categorys: [active]\n", "unknown key `ready.categorys`; did you mean `categories`?"),
            ("ready:\n  categories: [active, waiting]\n", "`ready.categories` names `waiting`, which is not a category"),
            ("ready:\n  except: [someday]\n", "`ready.except` names `someday`, which is not in `statuses`"),
            ("ready: [active]\n", "`ready` must be a mapping"),
            ("statuses:\n  replaced: {category: resolved, tail: refrence}\n", "`statuses.replaced.tail` must be one of `reference`, `text`"),
            ("statuses:\n  replaced: {category: resolved, tial: reference}\n", "unknown key `statuses.replaced.tial`; did you mean `tail`?"),
            ("statuses:\n  replaced: {tail: reference}\n", "status `replaced` needs one of the categories"),
            ("layouts:\n  - {paths: [\"t/*.md\"], issue: document}\n", "`layouts[1].id` must say where the ID is"),
            ("layouts:\n  - {issue: document, id: {front_matter: id}}\n", "`layouts[1].paths` must list the globs"),
            ("layouts:\n  - {paths: [\"t/*.md\"], issue: sections, id: {front_matter: id}}\n", "`layouts[1].issue` must be `document`"),
            ("layouts:\n  - {paths: [\"t/*.md\"], id: {front_mater: id}}\n", "unknown key `layouts[1].id.front_mater`; did you mean `front_matter`?"),
            ("layouts:\n  - {paths: [\"t/*.md\"], id: {file_name: \"([0-9\"}}\n", "`layouts[1].id.file_name` is not a valid regular expression"),
            ("layouts:\n  - {paths: [\"t/*.md\"], id: {h1: true}}\n", "`layouts[1].id` must be {front_matter: KEY} or {file_name: REGEX}"),
            ("layouts:\n  - {paths: [\"t/*.md\"], id: {front_matter: id}, fields: {Acceptance: {section: AC, items: boxes}}}\n",
             "`layouts[1].fields.Acceptance.items` must be `list` or `checkboxes`"),
            ("rules:\n  frontmatter-date: {severity: error, formats: [date, dattime]}\n",
             "`rules.frontmatter-date.formats` names `dattime`, which is not one of `date`, `datetime`; did you mean `datetime`?"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try ProfileLoader.load(configText: text, configPath: "cfg/.sot-lint.yml"), text) { error in
                guard case .invalidConfiguration(let path, let reason) = error as? SOTLintError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "cfg/.sot-lint.yml")
                XCTAssertTrue(reason.contains(expected), "\(reason) lacks \(expected)")
            }
        }
    }

    /// Walks every mapping of the configuration's shape, at every depth, and puts a misspelt key into
    /// each: the loader refuses every one, naming the whole path and the key meant.
    func testAMisspeltKeyAnywhereInTheConfigurationIsAnErrorWithDidYouMean() throws {
        let typos = ConfigShapeTypos.every(in: ConfigShape.profile)
        XCTAssertGreaterThanOrEqual(typos.count, 25)
        for (json, expected) in typos {
            XCTAssertThrowsError(try ProfileLoader.load(configText: json + "\n", configPath: ".sot-lint.yml"), json) { error in
                guard case .invalidConfiguration(_, let reason) = error as? SOTLintError else { return XCTFail("\(error)") }
                XCTAssertEqual(reason, expected, json)
            }
        }
    }

    /// `extends`: a built-in profile by name, or a shared file (which may extend another), under the
    /// project's own file; every mistake names the file at fault.
    func testExtendsABuiltInProfileOrASharedFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sot-lint-extends-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project")
        let shared = folder.appendingPathComponent("shared")
        for url in [project, shared] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func put(_ url: URL, _ name: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func load(_ text: String, memory: Bool = false) throws -> Profile {
            try ProfileLoader.load(configText: text, configPath: "project/.sot-lint.yml", configDirectory: memory ? nil : project.path,
                                   rules: RuleSet.builtIn.declarations, detectors: SecretCatalog.builtInIDs)
        }
        func reason(_ text: String, memory: Bool = false) -> String {
            do {
                _ = try load(text, memory: memory)
                return "no error"
            } catch {
                return (error as? SOTLintError)?.description ?? "\(error)"
            }
        }
        XCTAssertEqual(try load("extends: seed\n").statuses.count, 8)
        XCTAssertEqual(reason("extends: sed\n"),
                       "project/.sot-lint.yml: invalid configuration: `extends: sed` names no built-in profile; did you mean `seed`? "
                       + "(built-in: seed, backlog-md, madr; or a path to a .yml file)")
        try put(shared, "base.yml", "extends: seed\nstatuses:\n  someday: active\nrules:\n  review-stale: off\n  field-label-unknown: info\n")
        let profile = try load("extends: ../shared/base.yml\nrules:\n  review-stale: warning\n")
        XCTAssertEqual(profile.category(ofStatus: "someday"), .active)
        XCTAssertEqual(profile.settings(for: "review-stale").severity, .warning, "the project's own file wins")
        XCTAssertEqual(profile.settings(for: "review-stale").options["max_age_days"], .int(180), "a severity alone keeps the options")
        XCTAssertEqual(profile.settings(for: "field-label-unknown").severity, .info, "the shared file's setting stays")
        // A change of the shared file is a change of the profile (no cache outlives it).
        let before = profile.fingerprint
        try put(shared, "base.yml", "statuses:\n  someday: resolved\n")
        XCTAssertNotEqual(try load("extends: ../shared/base.yml\n").fingerprint, before)
        XCTAssertTrue(reason("extends: ../shared/nope.yml\n").hasSuffix("`extends: ../shared/nope.yml`: cannot read project/../shared/nope.yml: No such file or directory"),
                      reason("extends: ../shared/nope.yml\n"))
        try put(shared, "bad.yml", "front_matter:\n  requried: [title]\n")
        XCTAssertEqual(reason("extends: ../shared/bad.yml\n"),
                       "project/../shared/bad.yml: invalid configuration: unknown key `front_matter.requried`; did you mean `required`?")
        try put(shared, "a.yml", "extends: b.yml\n")
        try put(shared, "b.yml", "extends: a.yml\n")
        XCTAssertTrue(reason("extends: ../shared/a.yml\n").contains("comes back to a profile already extended"), reason("extends: ../shared/a.yml\n"))
        XCTAssertTrue(reason("extends: ../shared/base.yml\n", memory: true).contains("cannot extend a file"))
        XCTAssertTrue(reason("extends: [seed]\n").contains("`extends` must name a built-in profile (seed, backlog-md, madr) or a profile file"))
    }

    /// A status given as {category, tail} reads `superseded by ID` and `waiting on anything` as itself.
    func testStatusesWithATail() throws {
        let profile = try ProfileLoader.load(configText: "statuses:\n  waiting: {category: blocked, tail: text}\n", configPath: ".sot-lint.yml")
        let isID: (String) -> Bool = { profile.idMatcher.matchesWhole($0) }
        XCTAssertEqual(profile.statusWithTail("superseded-by-cto-work-2", words: "Superseded by CTO-WORK-2", isID: isID)?.name, "superseded")
        XCTAssertEqual(profile.statusWithTail("superseded-cto-work-2", words: "superseded CTO-WORK-2.", isID: isID)?.name, "superseded")
        XCTAssertNil(profile.statusWithTail("superseded-by-the-plan", words: "superseded by the plan", isID: isID))
        XCTAssertNil(profile.statusWithTail("done-by-cto-work-2", words: "done by CTO-WORK-2", isID: isID), "done takes no tail")
        XCTAssertEqual(profile.statusWithTail("waiting-on-legal", words: "waiting on legal", isID: isID)?.category, .blocked)
        // A hostile line of 100,000 words: tried word by word up to the longest status name, not every prefix.
        let long = "superseded " + String(repeating: "by ", count: 100_000)
        XCTAssertNil(profile.statusWithTail(Profile.normalizedStatus(long), words: long, isID: isID))
    }

    func testTheReadyQueueSettingsDefaultAndMerge() throws {
        let defaults = try ProfileLoader.load(configText: "# nothing\n", configPath: ".sot-lint.yml")
        XCTAssertEqual(defaults.ready.categories, [.active, .blocked, .accepted])
        XCTAssertEqual(defaults.ready.exceptStatuses, ["draft"])
        let own = try ProfileLoader.load(configText: "ready:\n  categories: [active]\n  except: [Open, in progress]\n", configPath: ".sot-lint.yml")
        XCTAssertEqual(own.ready.categories, [.active])
        XCTAssertEqual(own.ready.exceptStatuses, ["open", "in-progress"])
    }

    func testOptionTypesAreChecked() {
        XCTAssertThrowsError(try ProfileLoader.load(configText: "rules:\n  review-stale: {max_age_days: soon}\n", configPath: "c.yml")) { error in
            XCTAssertTrue("\(error)".contains("max_age_days"), "\(error)")
        }
    }
}
