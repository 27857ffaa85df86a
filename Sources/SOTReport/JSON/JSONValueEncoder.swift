/// Encodes any `Encodable` model into a `JSONValue`, keeping object members in the order the model
/// encodes them (its `CodingKeys` order). Optionals encoded with `encodeIfPresent` are left out; use
/// `encode` to write `null`.
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
    var scalar: JSONValue = .null
    var members: [(String, JSONNode)]?
    var elements: [JSONNode]?

    func resolved() -> JSONValue {
        if let members { return .object(members.map { ($0.0, $0.1.resolved()) }) }
        if let elements { return .array(elements.map { $0.resolved() }) }
        return scalar
    }

    func makeObject() {
        if members == nil { members = []; elements = nil }
    }

    func makeArray() {
        if elements == nil { elements = []; members = nil }
    }

    /// Keys are unique in every model encoded here (synthesised and hand-written `CodingKeys`).
    func set(_ key: String, _ child: JSONNode) {
        members?.append((key, child))
    }

    func append(_ child: JSONNode) {
        elements?.append(child)
    }

    func assign(_ other: JSONNode) {
        scalar = other.scalar
        members = other.members
        elements = other.elements
    }

    var count: Int { elements?.count ?? 0 }
}

private struct ValueEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }

    /// A node for `value`: scalars directly, everything else through its own encoding.
    static func node<Value: Encodable>(for value: Value, codingPath: [any CodingKey]) throws -> JSONNode {
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
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        let child = JSONNode()
        node.set(key.stringValue, child)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        node.set(key.stringValue, try ValueEncoder.node(for: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.set(key.stringValue, child)
        return ValueEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        node.set(key.stringValue, child)
        return ValueEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append(JSONNode()) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        node.append(try ValueEncoder.node(for: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.append(child)
        return ValueEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        node.append(child)
        return ValueEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.assign(JSONNode()) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        node.assign(try ValueEncoder.node(for: value, codingPath: codingPath))
    }
}
