import Foundation
import XCTest
@testable import SOTLint

/// Runs every rule's own examples: the invalid ones must produce findings of that rule exactly at the
/// `↓` markers, the valid ones none. Documentation (`sot-lint explain`) and tests cannot drift apart.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasValidAndInvalidExamples() {
        for rule in RuleRegistry.all {
            let examples = rule.metadata.examples
            XCTAssertTrue(examples.contains { $0.triggers }, "\(rule.metadata.id) has no invalid example")
            XCTAssertTrue(examples.contains { !$0.triggers }, "\(rule.metadata.id) has no valid example")
        }
    }

    func testEveryRuleExample() throws {
        for rule in RuleRegistry.all {
            let id = rule.metadata.id
            for example in rule.metadata.examples {
                let report: LintReport
                if let baseFiles = example.baseFiles {
                    // A change rule: the base files are committed, the example's files are the working tree.
                    let workspace = try TemporaryWorkspace(files: baseFiles.map { ($0.name, $0.cleanText) }, config: example.config)
                    try workspace.commitAll()
                    try workspace.replaceFiles(with: example.files.map { ($0.name, $0.cleanText) })
                    report = try workspace.lint(today: example.today, base: "HEAD")
                } else {
                    let workspace = try TemporaryWorkspace(files: example.files.map { ($0.name, $0.cleanText) }, config: example.config)
                    report = try workspace.lint(today: example.today)
                }
                let found = report.diagnostics.filter { $0.rule == id }
                for file in example.files {
                    let expected = file.markedPositions
                    let actual = found.filter { $0.path.hasSuffix("/" + file.name) }.map(\.range.start).sorted()
                    XCTAssertEqual(actual, expected, "\(id) — \(example.summary) — \(file.name): \(found.map(\.message))")
                }
                if example.triggers {
                    XCTAssertFalse(found.isEmpty, "\(id) — \(example.summary): no finding")
                }
            }
        }
    }

    func testRuleIDsAreUniqueKebabCase() {
        let ids = RuleRegistry.ids
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids {
            XCTAssertTrue(id.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }, id)
        }
    }

    func testDefaultProfileMatchesRuleMetadata() throws {
        let profile = try ProfileLoader.defaultProfile()
        for rule in RuleRegistry.all {
            let metadata = rule.metadata
            let settings = profile.settings(for: metadata.id)
            XCTAssertEqual(settings.severity, metadata.defaultSeverity, "rules/default.yml severity of \(metadata.id)")
            for option in metadata.options {
                XCTAssertEqual(settings.options[option.name], option.defaultValue, "rules/default.yml option \(metadata.id).\(option.name)")
            }
            XCTAssertEqual(Set(settings.options.keys), Set(metadata.options.map(\.name)), metadata.id)
        }
        XCTAssertEqual(Set(profile.rules.keys), Set(RuleRegistry.ids))
    }
}

final class RuleReferenceTests: XCTestCase {
    func testDocsRulesMarkdownIsGeneratedFromTheMetadata() throws {
        let text = try RepositoryFile.text("docs/rules.md")
        XCTAssertEqual(text, RuleDocumentation.markdown(), "run `sot-lint rules --markdown > docs/rules.md`")
    }

    func testExplainShowsEveryRule() throws {
        let profile = try ProfileLoader.defaultProfile()
        for id in RuleRegistry.ids {
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
