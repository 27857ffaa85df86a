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

/// Runs every rule's own examples: the invalid ones must produce findings of that rule exactly at the
/// `↓` markers, the valid ones none. Documentation (`sot-lint explain`) and tests cannot drift apart.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasValidAndInvalidExamples() {
        for rule in RuleSet.builtIn.rules {
            let examples = rule.metadata.examples
            XCTAssertTrue(examples.contains { $0.triggers }, "\(rule.metadata.id) has no invalid example")
            XCTAssertTrue(examples.contains { !$0.triggers }, "\(rule.metadata.id) has no valid example")
        }
    }

    func testEveryRuleExample() throws {
        for rule in RuleSet.builtIn.rules {
            for example in rule.metadata.examples {
                // In memory: text in, diagnostics out (the end-to-end suite runs the binary on fixtures).
                let problems = try RuleExampleCheck.problems(of: example, rule: rule.metadata.id)
                XCTAssertEqual(problems, [], "\(rule.metadata.id) — \(example.summary)")
            }
        }
    }

    /// The check can fail: a marker where no finding is, a finding where no marker is, an invalid
    /// example that finds nothing.
    func testTheExampleCheckReportsWhatDiffers() throws {
        let misplaced = RuleExample.invalid("marker on the title", ExampleText.sot("## CTO-WORK-001 - ↓First\n\nStatus: open.\n"))
        XCTAssertEqual(try RuleExampleCheck.problems(of: misplaced, rule: "acceptance-missing").count, 1)
        let unmarked = RuleExample.valid("no acceptance", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n"))
        XCTAssertEqual(try RuleExampleCheck.problems(of: unmarked, rule: "acceptance-missing"),
                       ["doc.md: findings at 15:4, expected at none (issue `CTO-WORK-001` has no `Acceptance:` list; add the criteria it is judged by)"])
        let silent = RuleExample.invalid("nothing wrong", ExampleText.sot("## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"))
        XCTAssertEqual(try RuleExampleCheck.problems(of: silent, rule: "acceptance-missing"), ["no finding; an invalid example must trigger the rule"])
    }

    func testRuleIDsAreUniqueKebabCase() {
        let ids = RuleSet.builtIn.ids
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids {
            XCTAssertTrue(id.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }, id)
        }
    }

    func testDefaultProfileMatchesRuleMetadata() throws {
        let profile = try ProfileLoader.defaultProfile()
        for rule in RuleSet.builtIn.rules {
            let metadata = rule.metadata
            let settings = profile.settings(for: metadata.id)
            XCTAssertEqual(settings.severity, metadata.onByDefault ? metadata.defaultSeverity : nil, "rules/default.yml severity of \(metadata.id)")
            for option in metadata.options {
                XCTAssertEqual(settings.options[option.name], option.defaultValue, "rules/default.yml option \(metadata.id).\(option.name)")
            }
            XCTAssertEqual(Set(settings.options.keys), Set(metadata.options.map(\.name)), metadata.id)
        }
        XCTAssertEqual(Set(profile.rules.keys), Set(RuleSet.builtIn.ids))
    }
}

final class RuleReferenceTests: XCTestCase {
    func testDocsRulesMarkdownIsGeneratedFromTheMetadata() throws {
        let text = try RepositoryFile.text("docs/rules.md")
        XCTAssertEqual(text, RuleDocumentation.markdown(), "run `sot-lint rules --markdown > docs/rules.md`")
    }

    func testExplainShowsEveryRule() throws {
        let profile = try ProfileLoader.defaultProfile()
        for id in RuleSet.builtIn.ids {
            let text = try XCTUnwrap(RuleDocumentation.explain(id, profile: profile))
            XCTAssertTrue(text.hasPrefix(id + " ("), id)
            XCTAssertTrue(text.contains("Examples (↓ marks where a finding is reported):"), id)
        }
        XCTAssertNil(RuleDocumentation.explain("no-such-rule", profile: profile))
    }
}

final class SecretReferenceTests: XCTestCase {
    func testDocsSecretsMarkdownIsGeneratedFromTheCatalog() throws {
        let text = try RepositoryFile.text("docs/secrets.md")
        XCTAssertEqual(text, RuleDocumentation.secretsMarkdown(), "run `sot-lint rules --secrets-markdown > docs/secrets.md`")
    }
}
