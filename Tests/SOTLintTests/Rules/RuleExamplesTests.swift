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
            let id = rule.metadata.id
            for example in rule.metadata.examples {
                // In memory: text in, diagnostics out (the end-to-end suite runs the binary on fixtures).
                let report = try RuleHarness.lint(files: example.files.map { MemoryFile(path: $0.name, text: $0.cleanText) },
                                                  config: example.config, today: example.today,
                                                  base: example.baseFiles?.map { MemoryFile(path: $0.name, text: $0.cleanText) })
                let found = report.diagnostics.filter { $0.rule == id }
                for file in example.files {
                    let expected = file.markedPositions
                    let actual = found.filter { $0.path == file.name }.map(\.range.start).sorted()
                    XCTAssertEqual(actual, expected, "\(id) — \(example.summary) — \(file.name): \(found.map(\.message))")
                }
                if example.triggers {
                    XCTAssertFalse(found.isEmpty, "\(id) — \(example.summary): no finding")
                }
            }
        }
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
