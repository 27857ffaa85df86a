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
        let lastLine = max(document.source.lineCount, 1)
        // Open `disable` regions, indexed by the rules they name, so that an `enable` touches only the
        // regions it closes (each region is closed once): linear in the number of directives.
        var opened: [(directive: Int, rules: [String], from: Int)] = []
        var isOpen: [Bool] = []
        var byRule: [String: [Int]] = [:]
        var forEveryRule: [Int] = []
        var everyOpened: [Int] = []
        for (index, directive) in directives.enumerated() {
            let line = directive.range.end.line
            switch directive.kind {
            case .disableNextLine:
                regions.append(Region(directive: index, rules: directive.rules, lines: (line + 1)...(line + 1)))
            case .disable:
                let entry = opened.count
                opened.append((index, directive.rules, line + 1))
                isOpen.append(true)
                everyOpened.append(entry)
                if directive.rules.isEmpty {
                    forEveryRule.append(entry)
                } else {
                    for rule in Set(directive.rules) { byRule[rule, default: []].append(entry) }
                }
            case .enable:
                var closing: [Int] = []
                if directive.rules.isEmpty {
                    closing = everyOpened
                    everyOpened = []
                    byRule = [:]
                } else {
                    for rule in directive.rules { closing += byRule.removeValue(forKey: rule) ?? [] }
                }
                closing += forEveryRule
                forEveryRule = []
                for entry in closing.sorted() where isOpen[entry] {
                    isOpen[entry] = false
                    let region = opened[entry]
                    if region.from <= line - 1 {
                        regions.append(Region(directive: region.directive, rules: region.rules, lines: region.from...(line - 1)))
                    }
                }
            }
        }
        for (entry, region) in opened.enumerated() where isOpen[entry] && region.from <= lastLine {
            regions.append(Region(directive: region.directive, rules: region.rules, lines: region.from...lastLine))
        }
    }

    /// The diagnostics that survive, plus `suppression-unused` findings for directives that did nothing.
    /// Linear up to sorting in the numbers of diagnostics and directives: coverage is looked up by binary
    /// search in each rule's merged line intervals, and use by binary search in each rule's finding lines.
    package func apply(_ diagnostics: [Diagnostic], path: String, knownRules: Set<String>) -> (kept: [Diagnostic], unused: [Finding]) {
        guard !directives.isEmpty else { return (diagnostics, []) }
        let coverage = Coverage(regions.map { ($0.rules, $0.lines) })
        let kept = diagnostics.filter { !coverage.covers(line: $0.range.start.line, rule: $0.rule) }
        // Finding lines per rule (and of any rule), sorted, to tell which directives were used.
        var linesByRule: [String: [Int]] = [:]
        var allLines: [Int] = []
        for diagnostic in diagnostics {
            linesByRule[diagnostic.rule, default: []].append(diagnostic.range.start.line)
            allLines.append(diagnostic.range.start.line)
        }
        for key in Array(linesByRule.keys) { linesByRule[key]?.sort() }
        allLines.sort()
        var used = Set<Int>()
        for region in regions {
            let lists = region.rules.isEmpty ? [allLines] : region.rules.map { linesByRule[$0] ?? [] }
            if lists.contains(where: { Self.containsLine(in: region.lines, $0) }) { used.insert(region.directive) }
        }
        var unused: [Finding] = []
        let sortedKnown = knownRules.sorted()
        for (index, directive) in directives.enumerated() where directive.kind != .enable {
            if let unknown = directive.rules.first(where: { !knownRules.contains($0) }) {
                unused.append(Finding(path: path, range: directive.range, message: "`\(directive.kind.rawValue)` names rule `\(unknown)`, "
                                      + "which does not exist" + Suggestion.didYouMean(unknown, among: sortedKnown)))
            } else if !used.contains(index) {
                let what = directive.rules.isEmpty ? "any rule" : directive.rules.map { "`\($0)`" }.joined(separator: ", ")
                unused.append(Finding(path: path, range: directive.range, message:
                                      "`\(directive.kind.rawValue)` suppresses no finding of \(what); remove it"))
            }
        }
        return (kept, unused)
    }

    /// True when some line of the sorted `lines` lies in `range`.
    private static func containsLine(in range: ClosedRange<Int>, _ lines: [Int]) -> Bool {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low] <= range.upperBound
    }
}

/// Which lines are suppressed for which rule: each rule's regions (plus the regions for every rule)
/// merged into sorted, disjoint intervals.
private struct Coverage {
    private var byRule: [String: [ClosedRange<Int>]] = [:]
    private var everyRule: [ClosedRange<Int>] = []

    package init(_ regions: [(rules: [String], lines: ClosedRange<Int>)]) {
        for region in regions {
            if region.rules.isEmpty {
                everyRule.append(region.lines)
            } else {
                for rule in Set(region.rules) { byRule[rule, default: []].append(region.lines) }
            }
        }
        everyRule = Self.merged(everyRule)
        for key in Array(byRule.keys) { byRule[key] = Self.merged(byRule[key] ?? []) }
    }

    package func covers(line: Int, rule: String) -> Bool {
        Self.contains(everyRule, line) || Self.contains(byRule[rule] ?? [], line)
    }

    private static func merged(_ intervals: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, interval.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, interval.upperBound)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    private static func contains(_ intervals: [ClosedRange<Int>], _ line: Int) -> Bool {
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < intervals.count && intervals[low].contains(line)
    }
}
