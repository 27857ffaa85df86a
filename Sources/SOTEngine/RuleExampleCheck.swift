import SOTSource
import SOTModel
import SOTRules

/// Runs one example of a rule — built-in or a team's — and says how it went: an invalid example must give
/// findings of the rule exactly where its `↓` markers are (and at least one), a valid one none. The rule
/// example tests and `sot-lint test-rules` run examples through this one check.
public enum RuleExampleCheck {
    /// What went wrong with the example, one line per file; empty when it passed. `rules` are the rules
    /// besides the profile's team rules, which every lint adds.
    public static func problems(of example: RuleExample, rule id: String, config: String? = nil, profile: Profile? = nil,
                                rules: RuleSet = .builtIn) throws(SOTLintError) -> [String] {
        guard let today = CalendarDate(example.today) else { throw .usage("example `\(example.summary)` of `\(id)`: `\(example.today)` is not a date") }
        let session = LintSession(LintSession.Options(workingDirectory: "/", today: today, rules: rules))
        let files = example.files.map { MemoryFile(path: $0.name, text: $0.cleanText) }
        let base = example.baseFiles?.map { MemoryFile(path: $0.name, text: $0.cleanText) }
        let report: LintReport
        if let profile {
            report = try session.lint(files: files, profile: profile, config: config ?? example.config, base: base)
        } else {
            report = try session.lint(files: files, config: config ?? example.config, base: base)
        }
        let found = report.diagnostics.filter { $0.rule == id }
        var problems: [String] = []
        for file in example.files {
            let expected = file.markedPositions
            let actual = found.filter { $0.path == file.name }.map(\.range.start).sorted()
            guard actual != expected else { continue }
            let places = { (positions: [SourcePosition]) in
                positions.isEmpty ? "none" : positions.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
            }
            problems.append("\(file.name): findings at \(places(actual)), expected at \(places(expected))"
                            + (found.isEmpty ? "" : " (" + found.map(\.message).joined(separator: "; ") + ")"))
        }
        if example.triggers && found.isEmpty && problems.isEmpty {
            problems.append("no finding; an invalid example must trigger the rule")
        }
        return problems
    }
}

extension LintSession {
    /// The outcome of each example of each team rule of the project in `folder` (its `rule_files`), in rule
    /// and example order: the rule, the example, and what went wrong (empty when it passed).
    public func testTeamRules(in folder: String? = nil) throws(SOTLintError) -> [(rule: String, example: RuleExample, problems: [String])] {
        let profile = try profile(in: folder)
        let rules = options.rules.adding(userRulesOf: profile)
        var outcomes: [(rule: String, example: RuleExample, problems: [String])] = []
        for definition in profile.userRules {
            guard let rule = rules.rule(id: definition.id) else { continue }
            for example in rule.metadata.examples {
                outcomes.append((definition.id, example, try RuleExampleCheck.problems(of: example, rule: definition.id, profile: profile, rules: options.rules)))
            }
        }
        return outcomes
    }
}
