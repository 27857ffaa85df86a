/// Encodes any `Encodable` model into a `JSONValue`, keeping object members in the order the model
/// encodes them (its `CodingKeys` order). Optionals encoded with `encodeIfPresent` are left out; use
/// `encode` to write `null`. Reports use `JSONStreamEncoder`, which writes the same text without the
/// tree; this encoder defines that text, and encodes again a value written out of order.
public struct JSONValueEncoder {
    public init() {}

    public func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let encoder = ValueEncoder(node: JSONNode(), codingPath: [])
        try value.encode(to: encoder)
        return encoder.node.resolved()
    }
}

/// A value being built: nested containers write into their node after the parent holds it. Members
/// and elements are stored properties, so appending is amortised O(1).
private final class JSONNode {
    package var scalar: JSONValue = .null
    package var members: [(String, JSONNode)]?
    package var elements: [JSONNode]?

    package func resolved() -> JSONValue {
        if let members { return .object(members.map { ($0.0, $0.1.resolved()) }) }
        if let elements { return .array(elements.map { $0.resolved() }) }
        return scalar
    }

    package func makeObject() {
        if members == nil { members = []; elements = nil }
    }

    package func makeArray() {
        if elements == nil { elements = []; members = nil }
    }

    /// Keys are unique in every model encoded here (synthesised and hand-written `CodingKeys`).
    package func set(_ key: String, _ child: JSONNode) {
        members?.append((key, child))
    }

    package func append(_ child: JSONNode) {
        elements?.append(child)
    }

    package func assign(_ other: JSONNode) {
        scalar = other.scalar
        members = other.members
        elements = other.elements
    }

    package var count: Int { elements?.count ?? 0 }

    init() {}

    init(_ scalar: JSONValue) {
        self.scalar = scalar
    }
}

private struct ValueEncoder: Encoder {
    package let node: JSONNode
    package let codingPath: [any CodingKey]
    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    package func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    package func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }

    /// A node for `value`: scalars directly, everything else through its own encoding.
    package static func node<Value: Encodable>(for value: Value, codingPath: [any CodingKey]) throws -> JSONNode {
        let child = JSONNode()
        switch value {
        case let text as String: child.scalar = .string(text)
        case let flag as Bool: child.scalar = .bool(flag)
        case let number as Int: child.scalar = .number(String(number))
        case let number as Int64: child.scalar = .number(String(number))
        case let number as UInt64: child.scalar = .number(String(number))
        case let number as Double: child.scalar = number.isFinite ? .number(String(number)) : .null
        default: try value.encode(to: ValueEncoder(node: child, codingPath: codingPath))
        }
        return child
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    package let node: JSONNode
    package let codingPath: [any CodingKey]

    package mutating func encodeNil(forKey key: Key) throws {
        let child = JSONNode()
        node.set(key.stringValue, child)
    }

    package mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        node.set(key.stringValue, try ValueEncoder.node(for: value, codingPath: codingPath + [key]))
    }

    // Scalars directly: no dynamic cast, no coding path, for the fields every finding has.
    mutating func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, JSONNode(.string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.set(key.stringValue, JSONNode(.number(String(value)))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, JSONNode(.bool(value))) }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.set(key.stringValue, child)
        return ValueEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        node.set(key.stringValue, child)
        return ValueEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    package mutating func superEncoder() -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
    package mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    package let node: JSONNode
    package let codingPath: [any CodingKey]
    package var count: Int { node.count }

    package mutating func encodeNil() throws { node.append(JSONNode()) }

    package mutating func encode<Value: Encodable>(_ value: Value) throws {
        node.append(try ValueEncoder.node(for: value, codingPath: codingPath))
    }

    mutating func encode(_ value: String) throws { node.append(JSONNode(.string(value))) }
    mutating func encode(_ value: Int) throws { node.append(JSONNode(.number(String(value)))) }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.append(child)
        return ValueEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        node.append(child)
        return ValueEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    package mutating func superEncoder() -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    package let node: JSONNode
    package let codingPath: [any CodingKey]

    package mutating func encodeNil() throws { node.assign(JSONNode()) }

    package mutating func encode<Value: Encodable>(_ value: Value) throws {
        node.assign(try ValueEncoder.node(for: value, codingPath: codingPath))
    }
}
