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

    /// Compact JSON, laid out as `JSONLayout` says: a report reads one finding per line.
    public func rendered() -> String {
        var output = JSONByteBuffer()
        write(into: &output, depth: 0)
        return output.text()
    }

    /// Appends the value as the container at `depth` (0 for the outermost value) would hold it.
    func write(into output: inout JSONByteBuffer, depth: Int) {
        switch self {
        case .null: JSONLayout.appendNull(to: &output)
        case .bool(let value): JSONLayout.appendBool(value, to: &output)
        case .number(let text): output.append(text)
        case .string(let text): JSONLayout.appendQuoted(text, to: &output)
        case .array(let elements):
            output.append(0x5B)
            for (index, element) in elements.enumerated() {
                JSONLayout.appendElementSeparator(index: index, depth: depth, to: &output)
                element.write(into: &output, depth: depth + 1)
            }
            JSONLayout.appendArrayEnd(count: elements.count, depth: depth, to: &output)
        case .object(let members):
            output.append(0x7B)
            for (index, member) in members.enumerated() {
                JSONLayout.appendMemberHead(member.key, index: index, depth: depth, to: &output)
                member.value.write(into: &output, depth: depth + 1)
            }
            output.append(0x7D)
        }
    }

    /// A JSON string literal; control characters (and the two JavaScript line separators) are
    /// escaped, everything else is kept as UTF-8.
    public static func quoted(_ text: String) -> String {
        var output = JSONByteBuffer(capacity: text.utf8.count + 2)
        JSONLayout.appendQuoted(text, to: &output)
        return output.text()
    }
}
