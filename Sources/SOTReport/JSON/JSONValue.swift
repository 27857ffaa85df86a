/// A JSON document as a value: objects keep their members in the order they were encoded, so that
/// every report is byte-for-byte stable without sorting keys alphabetically.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as it is written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(left), .bool(right)): return left == right
        case let (.number(left), .number(right)): return left == right
        case let (.string(left), .string(right)): return left == right
        case let (.array(left), .array(right)): return left == right
        case let (.object(left), .object(right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Compact JSON (`", "` and `": "` separators). Members of the outermost object and elements of
    /// arrays directly inside it go on lines of their own, so a report reads one finding per line.
    public func rendered() -> String {
        var output = ""
        write(into: &output, depth: 0)
        return output
    }

    private func write(into output: inout String, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += Self.quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            let broken = depth == 1
            output += "["
            for (index, element) in elements.enumerated() {
                if broken { output += index == 0 ? "\n  " : ",\n  " } else if index > 0 { output += ", " }
                element.write(into: &output, depth: depth + 1)
            }
            output += broken ? "\n ]" : "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += depth == 0 ? ",\n " : ", " }
                output += Self.quoted(member.key) + ": "
                member.value.write(into: &output, depth: depth + 1)
            }
            output += "}"
        }
    }

    /// A JSON string literal; control characters (and the two JavaScript line separators) are
    /// escaped, everything else is kept as UTF-8.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
