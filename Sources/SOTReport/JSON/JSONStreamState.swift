/// The text written so far by a streaming encoding and the containers still open: the bookkeeping of
/// `JSONStreamWriter`, which calls into the models.
///
/// A member or an element is written the moment the model encodes it. A container is closed when the
/// value it belongs to is complete, or when something is written to one of its ancestors (a nested
/// container). `Encoder` also allows writing to a container after that, or replacing a value already
/// written, which a stream cannot do in order: such a write sets `outOfOrder`, every write is ignored
/// from then on, and the writer encodes the value again through `JSONValueEncoder`.
struct JSONStreamState: ~Copyable {
    /// An object or array not closed yet.
    private struct Container {
        let id: Int
        let isObject: Bool
        /// 0 for the outermost value.
        let depth: Int
        /// The value position it fills (0 for a nested container, which no encoder can ask for again).
        let position: Int
        var count = 0
    }

    private(set) var bytes = JSONByteBuffer(capacity: 1 << 16)
    /// The innermost open container, where nearly every write goes: kept out of `outer` so that writing
    /// a member touches no array.
    private var current: Container?
    /// The other open containers, outermost first; identifiers grow towards the innermost.
    private var outer: [Container] = []
    /// The key of each open container in its parent (none at the top), outermost first, for coding paths.
    private var keys: [JSONPathKey?] = []
    /// The value position waiting for its value (0: none), and its depth and key.
    private var pending = 0
    private var pendingDepth = 0
    private var pendingKey: JSONPathKey?
    /// Positions and containers draw their identifiers from the same counter.
    private var lastID = 0
    private(set) var outOfOrder = false

    // MARK: Positions

    /// A new position for a value at `depth`, waiting for it.
    mutating func openPosition(depth: Int, key: JSONPathKey?) -> Int {
        lastID += 1
        pending = lastID
        pendingDepth = depth
        pendingKey = key
        return lastID
    }

    /// Whether `position` still waits for its value.
    func isWaiting(_ position: Int) -> Bool {
        position != 0 && pending == position
    }

    /// Whether `position` waits for the value about to be written; when it does not, that write is out of order.
    mutating func expect(_ position: Int) -> Bool {
        guard !outOfOrder else { return false }
        guard isWaiting(position) else {
            outOfOrder = true
            return false
        }
        return true
    }

    /// Takes `position` for the value about to be written; false when that is out of order.
    mutating func claim(_ position: Int) -> Bool {
        guard expect(position) else { return false }
        pending = 0
        return true
    }

    /// Where the text and the open containers stand, to go back to with `rewind(to:)`.
    var mark: (bytes: Int, open: Int) { (bytes.count, keys.count) }

    /// Forgets everything written since `mark`, to write the value again.
    mutating func rewind(to mark: (bytes: Int, open: Int)) {
        bytes.truncate(to: mark.bytes)
        while keys.count > mark.open { discardInnermost() }
        pending = 0
        outOfOrder = false
    }

    // MARK: Scalars

    /// Scalars of the standard library, as the tree encoder writes them; false (nothing written) for
    /// anything else. The type is compared first: a failed dynamic cast copies the value.
    mutating func appendScalar<Value>(_ value: Value) -> Bool {
        if Value.self == String.self, let text = value as? String {
            JSONLayout.appendQuoted(text, to: &bytes)
        } else if Value.self == Int.self, let number = value as? Int {
            JSONLayout.appendInteger(number, to: &bytes)
        } else if Value.self == Bool.self, let flag = value as? Bool {
            JSONLayout.appendBool(flag, to: &bytes)
        } else if Value.self == Double.self, let number = value as? Double {
            JSONLayout.appendNumber(number, to: &bytes)
        } else if Value.self == Int64.self, let number = value as? Int64 {
            bytes.append(String(number))
        } else if Value.self == UInt64.self, let number = value as? UInt64 {
            bytes.append(String(number))
        } else {
            return false
        }
        return true
    }

    mutating func appendString(_ text: String) {
        JSONLayout.appendQuoted(text, to: &bytes)
    }

    mutating func appendInteger(_ value: Int) {
        JSONLayout.appendInteger(value, to: &bytes)
    }

    mutating func appendBool(_ value: Bool) {
        JSONLayout.appendBool(value, to: &bytes)
    }

    mutating func appendNull() {
        JSONLayout.appendNull(to: &bytes)
    }

    /// The newline that ends a report.
    mutating func appendLineEnd() {
        bytes.append(0x0A)
    }

    /// The text of a value the tree encoder made, at `depth`.
    mutating func append(_ value: JSONValue, depth: Int) {
        value.write(into: &bytes, depth: depth)
    }

    // MARK: Containers

    /// The container the encoder of `position` (or, for a super encoder, of `container`) writes to: a
    /// new one while the position waits, else the one it already holds. 0 when that is out of order.
    mutating func container(position: Int, container: Int, isObject: Bool) -> Int {
        guard !outOfOrder else { return 0 }
        if container == 0, isWaiting(position) {
            pending = 0
            return push(isObject: isObject, depth: pendingDepth, position: position, key: pendingKey)
        }
        let existing = openContainers.last { container == 0 ? $0.position == position : $0.id == container }
        guard let existing, existing.isObject == isObject else {
            outOfOrder = true
            return 0
        }
        return existing.id
    }

    /// A container nested in the member or element `key` just begun in container `parent`.
    mutating func nestedContainer(in parent: Int, key: JSONPathKey, isObject: Bool) -> Int {
        guard !outOfOrder, let current, current.id == parent else { return 0 }
        return push(isObject: isObject, depth: current.depth + 1, position: 0, key: key)
    }

    private mutating func push(isObject: Bool, depth: Int, position: Int, key: JSONPathKey?) -> Int {
        lastID += 1
        if let current { outer.append(current) }
        current = Container(id: lastID, isObject: isObject, depth: depth, position: position)
        keys.append(key)
        bytes.append(isObject ? 0x7B : 0x5B)
        return lastID
    }

    /// Writes the separator, the key and the colon of a new member of object `id`; the depth of its
    /// value, or nil when the object cannot take members in order any more.
    mutating func beginMember(_ key: String, in id: Int) -> Int? {
        guard reopen(id), var container = current else { return nil }
        JSONLayout.appendMemberHead(key, index: container.count, depth: container.depth, to: &bytes)
        container.count += 1
        current = container
        return container.depth + 1
    }

    /// Writes the separator before a new element of array `id`; its index and depth, or nil when the
    /// array cannot take elements in order any more.
    mutating func beginElement(in id: Int) -> (index: Int, depth: Int)? {
        guard reopen(id), var container = current else { return nil }
        JSONLayout.appendElementSeparator(index: container.count, depth: container.depth, to: &bytes)
        container.count += 1
        current = container
        return (container.count - 1, container.depth + 1)
    }

    /// The number of elements written to array `id`. Once it is closed, the tree encoder answers.
    mutating func count(of id: Int) -> Int {
        guard let container = openContainers.last(where: { $0.id == id }) else {
            outOfOrder = true
            return 0
        }
        return container.count
    }

    /// Makes container `id` the innermost again by closing the containers inside it; false (and out of
    /// order) when it is closed already or a position still waits.
    private mutating func reopen(_ id: Int) -> Bool {
        guard !outOfOrder else { return false }
        // The usual case: the container written to is the innermost one.
        if pending == 0, current?.id == id { return true }
        guard pending == 0, outer.contains(where: { $0.id == id }) else {
            outOfOrder = true
            return false
        }
        while let container = current, container.id != id {
            close(container)
            discardInnermost()
        }
        return true
    }

    /// Closes the containers opened since `mark`.
    mutating func close(downTo mark: (bytes: Int, open: Int)) {
        while keys.count > mark.open, let container = current {
            close(container)
            discardInnermost()
        }
    }

    /// Closes every container still open.
    mutating func closeAll() {
        close(downTo: (0, 0))
    }

    /// Forgets the innermost container (its closing bracket, if any, is written already).
    private mutating func discardInnermost() {
        current = outer.popLast()
        keys.removeLast()
    }

    private mutating func close(_ container: Container) {
        if container.isObject {
            bytes.append(0x7D)
        } else {
            JSONLayout.appendArrayEnd(count: container.count, depth: container.depth, to: &bytes)
        }
    }

    /// Every open container, outermost first.
    private var openContainers: [Container] {
        outer + [current].compactMap { $0 }
    }

    // MARK: Coding paths

    /// The keys down to container `id`, or to the value at `position` (exact while the model encodes in order).
    func codingPath(position: Int, container id: Int) -> [any CodingKey] {
        let containers = openContainers
        let depth: Int
        if id != 0 {
            depth = containers.firstIndex { $0.id > id } ?? containers.count
        } else if isWaiting(position) {
            return (keys + [pendingKey]).compactMap { $0 }
        } else {
            depth = (containers.lastIndex { $0.position == position } ?? containers.count - 1) + 1
        }
        return keys.prefix(depth).compactMap { $0 }
    }
}
