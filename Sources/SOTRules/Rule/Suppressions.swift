import SOTSource
import SOTSyntax
import SOTModel

/// Applies a document's inline directives to its diagnostics and reports directives that did nothing.
package struct Suppressions: Sendable {
    private struct Region: Sendable {
        package let directive: Int
        package let rules: [String]
        package let lines: ClosedRange<Int>
    }

    private let directives: [SuppressionDirective]
    private var regions: [Region] = []

    /// No directives.
    package init() {
        directives = []
    }

    package init(_ document: SOTDocument) {
        directives = document.directives.sorted { $0.range.start < $1.range.start }
        var open: [(directive: Int, rules: [String], from: Int)] = []
        let lastLine = max(document.source.lineCount, 1)
        for (index, directive) in directives.enumerated() {
            let line = directive.range.end.line
            switch directive.kind {
            case .disableNextLine:
                regions.append(Region(directive: index, rules: directive.rules, lines: (line + 1)...(line + 1)))
            case .disable:
                open.append((index, directive.rules, line + 1))
            case .enable:
                let closing = directive.rules
                open.removeAll { region in
                    guard closing.isEmpty || region.rules.isEmpty || !Set(region.rules).isDisjoint(with: closing) else { return false }
                    if region.from <= line - 1 {
                        regions.append(Region(directive: region.directive, rules: region.rules, lines: region.from...(line - 1)))
                    }
                    return true
                }
            }
        }
        for region in open where region.from <= lastLine {
            regions.append(Region(directive: region.directive, rules: region.rules, lines: region.from...lastLine))
        }
    }

    /// The diagnostics that survive, plus `suppression-unused` findings for directives that did nothing.
    package func apply(_ diagnostics: [Diagnostic], path: String, knownRules: Set<String>) -> (kept: [Diagnostic], unused: [Finding]) {
        var used = Set<Int>()
        let kept = diagnostics.filter { diagnostic in
            let covering = regions.filter {
                $0.lines.contains(diagnostic.range.start.line) && ($0.rules.isEmpty || $0.rules.contains(diagnostic.rule))
            }
            for region in covering { used.insert(region.directive) }
            return covering.isEmpty
        }
        var unused: [Finding] = []
        for (index, directive) in directives.enumerated() where directive.kind != .enable {
            if let unknown = directive.rules.first(where: { !knownRules.contains($0) }) {
                unused.append(Finding(path: path, range: directive.range, message: "`\(directive.kind.rawValue)` names rule `\(unknown)`, "
                                      + "which does not exist" + Suggestion.didYouMean(unknown, among: knownRules.sorted())))
            } else if !used.contains(index) {
                let what = directive.rules.isEmpty ? "any rule" : directive.rules.map { "`\($0)`" }.joined(separator: ", ")
                unused.append(Finding(path: path, range: directive.range, message:
                                      "`\(directive.kind.rawValue)` suppresses no finding of \(what); remove it"))
            }
        }
        return (kept, unused)
    }
}
