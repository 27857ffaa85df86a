import SOTSource

/// Runs detectors' own examples: each positive must yield exactly one finding of its detector as written
/// and in every placement a document gives it (a code span, a fenced block, a plain sentence, an HTML
/// comment), each negative none. Used by the catalog's tests and by `sot-lint-bench --check-catalog`, which
/// checks a catalog file being written before it is compiled in.
package enum SecretExampleCheck {
    /// The example as written, then in each placement. A multi-line example cannot sit in a code span or a
    /// sentence; a code span's delimiters are longer than any backtick run inside it.
    package static func placements(of example: String) -> [(name: String, text: String)] {
        var placed: [(name: String, text: String)] = [("as written", example)]
        placed.append(("fenced block", "Run this:\n\n```sh\n\(example)\n```\n"))
        placed.append(("HTML comment", "Notes.\n\n<!-- \(example) -->\n"))
        guard !example.contains("\n") else { return placed }
        var longestRun = 0
        var run = 0
        for character in example {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let ticks = String(repeating: "`", count: longestRun + 1)
        placed.append(("code span", "The log showed \(ticks) \(example) \(ticks) yesterday.\n"))
        placed.append(("sentence", "The log showed \(example) yesterday.\n"))
        return placed
    }

    /// One line per failure, naming the detector, the placement and the example (examples are synthetic).
    package static func failures(catalog: SecretCatalog, detectors: [Int]) -> [String] {
        let scanner = SecretScanner(catalog: catalog)
        var failures: [String] = []
        for index in detectors {
            let detector = catalog.detectors[index]
            // The code detectors are about one placement by definition.
            let placed = detector.span == .fence || detector.span == .codespan
            for positive in detector.positives {
                for (name, text) in placed ? [("as written", positive)] : placements(of: positive) {
                    let found = scanner.scan(Array(text.utf8), markdown: true).filter { $0.detector == index }.count
                    if found != 1 {
                        failures.append("\(detector.id): \(found) findings instead of 1 (\(name)) in: \(positive)")
                    }
                }
            }
            for negative in detector.negatives {
                let found = scanner.scan(Array(negative.utf8), markdown: true).filter { $0.detector == index }.count
                if found != 0 {
                    failures.append("\(detector.id): \(found) findings instead of none in negative: \(negative)")
                }
            }
            failures += unboundedQuantifiers(detector)
        }
        return failures
    }

    /// A detector's worst line: its first keyword over and over, each followed by a little base64-like filler
    /// (one byte more each time, up to 11), to `length` bytes. Windows around every hit touch; a pattern that
    /// rescans them is quadratic here.
    package static func adversarialLine(for detector: SecretDetector, length: Int) -> [UInt8] {
        let keyword = Array((detector.keywords.first ?? "`").utf8)
        let filler = Array("aZ0+/9xQ=_-".utf8)
        var line: [UInt8] = []
        line.reserveCapacity(length + keyword.count + filler.count)
        var step = 0
        while line.count < length {
            line += keyword
            line += filler.prefix(1 + step % filler.count)
            step += 1
        }
        return line
    }

    /// `*` and `+` outside a bracket expression: a pattern whose work could grow with the input.
    package static func unboundedQuantifiers(_ detector: SecretDetector) -> [String] {
        var inBracket = false
        var escaped = false
        var failures: [String] = []
        for character in detector.regex.pattern {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[": inBracket = true
            case "]": inBracket = false
            case "*" where !inBracket, "+" where !inBracket: failures.append("\(detector.id): unbounded `\(character)` in its pattern")
            default: break
            }
        }
        return failures
    }
}
