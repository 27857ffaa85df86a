/// One streaming encoding: runs the models' `encode(to:)` and keeps the text in a `JSONStreamState`.
///
/// The state lives behind a pointer the writer owns: a class's stored properties are checked for
/// exclusive access at run time on every write, which cost more than the writing itself. Each access
/// to the state is short and never spans a call into a model.
final class JSONStreamWriter {
    let state: UnsafeMutablePointer<JSONStreamState>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: JSONStreamState())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Writes the outermost value and closes every container.
    func writeDocument<Value: Encodable>(_ value: Value) throws {
        try writeValue(value, depth: 0, key: nil)
        state.pointee.closeAll()
    }

    /// Writes `value` in the position just made for it (after a member's key or an element's separator).
    func writeValue<Value: Encodable>(_ value: Value, depth: Int, key: JSONPathKey?) throws {
        if state.pointee.appendScalar(value) { return }
        let mark = state.pointee.mark
        let position = state.pointee.openPosition(depth: depth, key: key)
        try value.encode(to: JSONStreamValueEncoder(writer: self, position: position, container: 0))
        if state.pointee.outOfOrder {
            // Only this value's own encoder and containers can have written out of order.
            state.pointee.rewind(to: mark)
            let tree = try JSONValueEncoder().encode(value)
            state.pointee.append(tree, depth: depth)
        } else if state.pointee.isWaiting(position) {
            // The model encoded nothing: the tree encoder writes null.
            _ = state.pointee.claim(position)
            state.pointee.appendNull()
        } else {
            // The value is complete: the next write, to its parent, finds the parent innermost.
            state.pointee.close(downTo: mark)
        }
    }

    /// Writes `value` into `position`, which must still be waiting: a scalar directly, anything else by
    /// its own encoding into the same position (as the tree encoder replaces the value there).
    func fill<Value: Encodable>(_ position: Int, with value: Value) throws {
        guard state.pointee.expect(position) else { return }
        if state.pointee.appendScalar(value) {
            _ = state.pointee.claim(position)
        } else {
            try value.encode(to: JSONStreamValueEncoder(writer: self, position: position, container: 0))
        }
    }
}
