/// Members of an object written through `JSONStreamWriter`. Container 0 is one the stream could not
/// give in order: writes to it are ignored, and the value is encoded again from its model.
struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let id: Int

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(position: 0, container: id) }

    mutating func encodeNil(forKey key: Key) throws {
        guard writer.state.pointee.beginMember(key.stringValue, in: id) != nil else { return }
        writer.state.pointee.appendNull()
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        let name = key.stringValue
        guard let depth = writer.state.pointee.beginMember(name, in: id) else { return }
        try writer.writeValue(value, depth: depth, key: JSONPathKey(member: name))
    }

    // The fields every finding has, without the scalar test of the generic method.
    mutating func encode(_ value: String, forKey key: Key) throws {
        guard writer.state.pointee.beginMember(key.stringValue, in: id) != nil else { return }
        writer.state.pointee.appendString(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        guard writer.state.pointee.beginMember(key.stringValue, in: id) != nil else { return }
        writer.state.pointee.appendInteger(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        guard writer.state.pointee.beginMember(key.stringValue, in: id) != nil else { return }
        writer.state.pointee.appendBool(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let name = key.stringValue
        let nested = writer.state.pointee.beginMember(name, in: id) == nil
            ? 0 : writer.state.pointee.nestedContainer(in: id, key: JSONPathKey(member: name), isObject: true)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer, id: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let name = key.stringValue
        let nested = writer.state.pointee.beginMember(name, in: id) == nil
            ? 0 : writer.state.pointee.nestedContainer(in: id, key: JSONPathKey(member: name), isObject: false)
        return JSONStreamUnkeyedContainer(writer: writer, id: nested)
    }

    /// The tree encoder's super encoders write into this same object, under no key of their own.
    mutating func superEncoder() -> any Encoder {
        JSONStreamValueEncoder(writer: writer, position: 0, container: id)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONStreamValueEncoder(writer: writer, position: 0, container: id)
    }
}

/// Elements of an array written through `JSONStreamWriter`.
struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let id: Int

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(position: 0, container: id) }
    var count: Int { writer.state.pointee.count(of: id) }

    mutating func encodeNil() throws {
        guard writer.state.pointee.beginElement(in: id) != nil else { return }
        writer.state.pointee.appendNull()
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        guard let element = writer.state.pointee.beginElement(in: id) else { return }
        try writer.writeValue(value, depth: element.depth, key: JSONPathKey(element: element.index))
    }

    mutating func encode(_ value: String) throws {
        guard writer.state.pointee.beginElement(in: id) != nil else { return }
        writer.state.pointee.appendString(value)
    }

    mutating func encode(_ value: Int) throws {
        guard writer.state.pointee.beginElement(in: id) != nil else { return }
        writer.state.pointee.appendInteger(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = writer.state.pointee.beginElement(in: id).map {
            writer.state.pointee.nestedContainer(in: id, key: JSONPathKey(element: $0.index), isObject: true)
        } ?? 0
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer, id: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = writer.state.pointee.beginElement(in: id).map {
            writer.state.pointee.nestedContainer(in: id, key: JSONPathKey(element: $0.index), isObject: false)
        } ?? 0
        return JSONStreamUnkeyedContainer(writer: writer, id: nested)
    }

    /// As in the tree encoder, a super encoder appends to this same array.
    mutating func superEncoder() -> any Encoder {
        JSONStreamValueEncoder(writer: writer, position: 0, container: id)
    }
}

/// The one value of a position written through `JSONStreamWriter`.
struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let position: Int

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(position: position, container: 0) }

    mutating func encodeNil() throws {
        if writer.state.pointee.claim(position) { writer.state.pointee.appendNull() }
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try writer.fill(position, with: value)
    }

    /// The raw value of every string enumeration (a finding's severity).
    mutating func encode(_ value: String) throws {
        if writer.state.pointee.claim(position) { writer.state.pointee.appendString(value) }
    }
}
