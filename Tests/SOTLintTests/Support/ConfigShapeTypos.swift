@testable import SOTModel

/// A misspelt key in every mapping of a configuration shape, at every depth: the text to read (JSON, which
/// is YAML) and the reason the reader must give.
enum ConfigShapeTypos {
    static func every(in shape: ConfigShape) -> [(json: String, expected: String)] {
        var typos: [(json: String, expected: String)] = []
        for (path, keys) in shape.fixedMappings() {
            for key in keys {
                let typo = key + "x"
                // The path as JSON: `a.b[1].NAME` becomes {"a": {"b": [{"name1": …}]}}.
                var steps: [(key: String, listItem: Bool)] = []
                for component in path.split(separator: ".") where !path.isEmpty {
                    let listItem = component.hasSuffix("[1]")
                    let name = String(listItem ? component.dropLast(3) : component[...])
                    steps.append((name == "NAME" ? "name1" : name, listItem))
                }
                var json = "{\"\(typo)\": \"1\"}"
                for step in steps.reversed() {
                    json = "{\"\(step.key)\": " + (step.listItem ? "[\(json)]" : json) + "}"
                }
                let shown = steps.map { $0.key + ($0.listItem ? "[1]" : "") }.joined(separator: ".")
                typos.append((json, "unknown key `\(shown.isEmpty ? typo : shown + "." + typo)`; did you mean `\(key)`?"))
            }
        }
        return typos
    }
}
