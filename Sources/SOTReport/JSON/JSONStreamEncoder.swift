/// Encodes any `Encodable` model straight into JSON text, the same bytes as
/// `JSONValueEncoder().encode(value).rendered()`, without building a tree: members are written in the
/// order the model encodes them as it encodes them, so a report of any size holds its text and its
/// models, never a second copy of every finding.
public struct JSONStreamEncoder {
    public init() {}

    /// The UTF-8 text of `value`.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        try writer.writeDocument(value)
        return writer.state.pointee.bytes.array()
    }

    /// The bytes of `value` and the final newline, lent to `body` where they were written.
    package func withEncodedLine<Value: Encodable>(_ value: Value, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        let writer = JSONStreamWriter()
        try writer.writeDocument(value)
        writer.state.pointee.appendLineEnd()
        writer.state.pointee.bytes.withBytes(body)
    }
}

/// The encoder of one value position (or, as a super encoder, of the container its parent writes to).
struct JSONStreamValueEncoder: Encoder {
    let writer: JSONStreamWriter
    let position: Int
    /// Non-zero for a super encoder, which writes into its parent's container as the tree encoder does.
    let container: Int

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(position: position, container: container) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = writer.state.pointee.container(position: position, container: container, isObject: true)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(writer: writer, id: id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONStreamUnkeyedContainer(writer: writer, id: writer.state.pointee.container(position: position, container: container, isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        // A super encoder's single value would replace its parent's container: position 0 never waits.
        JSONStreamSingleValueContainer(writer: writer, position: container == 0 ? position : 0)
    }
}

/// One step of a coding path as the stream keeps it: a member's name or an element's index. A plain
/// value rather than the model's own key, whose type-erased copy for every value cost more than the
/// writing; paths are only read for error messages.
struct JSONPathKey: CodingKey {
    private let name: String?
    let intValue: Int?

    var stringValue: String { name ?? "Index \(intValue ?? 0)" }

    init(member name: String) {
        self.name = name
        intValue = nil
    }

    init(element index: Int) {
        name = nil
        intValue = index
    }

    init?(stringValue: String) {
        self.init(member: stringValue)
    }

    init?(intValue: Int) {
        self.init(element: intValue)
    }
}
