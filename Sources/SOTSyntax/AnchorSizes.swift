import SOTSource

/// The sizes `YAMLAliasBudget` counts: each node is 1 plus its children, an alias is its anchor's size.
/// An anchor is recorded when its node ends, and a later anchor of the same name replaces it, as Yams
/// resolves aliases.
package struct AnchorSizes {
    /// Nodes produced by aliases so far.
    private(set) var expanded = 0
    private var sizes: [String: Int] = [:]
    /// Open collections: their size so far and their anchor.
    private var open: [(size: Int, anchor: String?)] = []

    package mutating func leaf(anchor: String?) {
        if let anchor { sizes[anchor] = 1 }
        add(1)
    }

    package mutating func open(anchor: String?) {
        open.append((1, anchor))
    }

    package mutating func close() {
        guard let node = open.popLast() else { return }
        if let anchor = node.anchor { sizes[anchor] = node.size }
        add(node.size)
    }

    /// An undefined alias counts 1: Yams rejects it anyway.
    package mutating func alias(_ anchor: String?) {
        let size = anchor.flatMap { sizes[$0] } ?? 1
        expanded += size
        add(size)
    }

    private mutating func add(_ size: Int) {
        guard !open.isEmpty else { return }
        open[open.count - 1].size += size
    }
}
