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
        var output: [UInt8] = []
        write(into: &output, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8], depth: Int) {
        switch self {
        case .null: output += Self.nullBytes
        case .bool(let value): output += value ? Self.trueBytes : Self.falseBytes
        case .number(let text): output += text.utf8
        case .string(let text): Self.appendQuoted(text, to: &output)
        case .array(let elements):
            Self.writeArray(count: elements.count, into: &output, depth: depth) { elements[$0] }
        case .object(let members):
            output.append(0x7B)
            for (index, member) in members.enumerated() {
                Self.writeMemberHead(member.key, index: index, depth: depth, into: &output)
                member.value.write(into: &output, depth: depth + 1)
            }
            output.append(0x7D)
        }
    }

    /// An outermost object whose last member, `key`, is an array of `count` elements made one at a time:
    /// the same text as rendering the whole value, with memory for one element's tree at a time.
    public static func renderObject(_ members: [(key: String, value: JSONValue)], streaming key: String, count: Int,
                                    element: (Int) throws -> JSONValue) rethrows -> String {
        var output: [UInt8] = [0x7B]
        for (index, member) in members.enumerated() {
            writeMemberHead(member.key, index: index, depth: 0, into: &output)
            member.value.write(into: &output, depth: 1)
        }
        writeMemberHead(key, index: members.count, depth: 0, into: &output)
        try writeArray(count: count, into: &output, depth: 1, element: element)
        output.append(0x7D)
        return String(decoding: output, as: UTF8.self)
    }

    /// The separator before a member (a new line in the outermost object), its key and the colon.
    private static func writeMemberHead(_ key: String, index: Int, depth: Int, into output: inout [UInt8]) {
        if index > 0 { output += depth == 0 ? [0x2C, 0x0A, 0x20] : [0x2C, 0x20] }
        appendQuoted(key, to: &output)
        output += [0x3A, 0x20]
    }

    /// An array at `depth`; directly inside the outermost object, one element per line.
    private static func writeArray(count: Int, into output: inout [UInt8], depth: Int, element: (Int) throws -> JSONValue) rethrows {
        guard count > 0 else { output += [0x5B, 0x5D]; return }
        let broken = depth == 1
        output.append(0x5B)
        for index in 0..<count {
            if broken { output += index == 0 ? [0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20] } else if index > 0 { output += [0x2C, 0x20] }
            try element(index).write(into: &output, depth: depth + 1)
        }
        output += broken ? [0x0A, 0x20, 0x5D] : [0x5D]
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// A JSON string literal; control characters (and the two JavaScript line separators) are
    /// escaped, everything else is kept as UTF-8.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, byte by byte: runs that need no escape are copied whole.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: [UInt8]?
                var width = 1
                switch byte {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0x00..<0x20, 0x7F: escape = Array("\\u00".utf8) + hexByte(byte)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                default: break
                }
                if let escape {
                    output += bytes[runStart..<index]
                    output += escape
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            output += bytes[runStart..<bytes.count]
        }
        output.append(0x22)
    }

    private static func hexByte(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
