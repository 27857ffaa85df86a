import SOTSource
import SOTSyntax
import Yams

/// A YAML value of a profile, kept in order so that merging and error messages stay predictable.
package indirect enum ConfigNode: Sendable, Equatable {
    case scalar(String)
    case sequence([ConfigNode])
    case mapping([(key: String, value: ConfigNode)])
    case null

    package static func == (lhs: ConfigNode, rhs: ConfigNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.null, .null): return true
        default: return false
        }
    }

    /// Reads YAML text; the error message carries YAML's own line and column.
    package static func parse(_ text: String) throws(ConfigNodeError) -> ConfigNode {
        if let (message, line) = YAMLDepthGuard.problem(in: Array(text.utf8)[...]) {
            throw ConfigNodeError(message: "line \(line): \(message)")
        }
        if let excess = YAMLAliasBudget.excess(in: text) {
            throw ConfigNodeError(message: "line \(excess.line): \(excess.message)")
        }
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .null }
            return convert(node)
        } catch let error as YamlError {
            throw ConfigNodeError(message: Self.describe(error))
        } catch {
            throw ConfigNodeError(message: "not valid YAML")
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "line \(context.mark.line): duplicate key \(duplicates.joined(separator: ", "))"
        default:
            return "not valid YAML"
        }
    }

    private static func convert(_ node: Node) -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            return .scalar(scalar.string)
        case .sequence(let sequence):
            return .sequence(sequence.map(convert))
        case .mapping(let mapping):
            return .mapping(mapping.map { (key: $0.key.string ?? "", value: convert($0.value)) })
        case .alias:
            return .null
        }
    }

    /// `other` over `self`: mappings merge key by key, anything else is replaced.
    package func merged(with other: ConfigNode) -> ConfigNode {
        guard case .mapping(var base) = self, case .mapping(let overrides) = other else {
            return other == .null ? self : other
        }
        // Keys found through a table, not a search per key: a mapping of 100,000 keys merges in linear time.
        var position: [String: Int] = [:]
        for (index, pair) in base.enumerated() where position[pair.key] == nil { position[pair.key] = index }
        for (key, value) in overrides {
            if let index = position[key] {
                base[index].value = base[index].value.merged(with: value)
            } else {
                position[key] = base.count
                base.append((key, value))
            }
        }
        return .mapping(base)
    }

    package subscript(key: String) -> ConfigNode? {
        if case .mapping(let pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }
}

package struct ConfigNodeError: Error, Sendable {
    package let message: String
}
