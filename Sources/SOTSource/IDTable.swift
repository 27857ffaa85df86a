/// Numbers distinct strings (issue IDs, front-matter keys) in order of first appearance, for any
/// number of them: open addressing over a cheap hash of the UTF-8 bytes, seeded once per process so
/// that no document can be written to collide, at most half full, each slot one word holding the
/// number and 32 bits of the hash, so that strings are compared only when those agree. Swift's
/// `Dictionary<String, Int>` measured two to three times slower for the same 4,000 IDs (its hash is
/// SipHash over normalised text, and each probe compares the strings); with 100,000 front-matter keys
/// its probes, each a cache miss into a string, grew faster than the keys. Every workspace lookup of
/// an ID goes through here.
package struct IDTable: Sendable {
    /// The IDs, by number.
    package private(set) var names: [String] = []
    /// One word per slot: the upper 32 bits of the hash of the ID there, and its number + 1 (0: empty).
    /// A probe reads one word, and compares strings only when those 32 bits agree; the slot's position
    /// comes from the hash's lower bits.
    private var slots: [UInt64]
    private var mask: Int

    private static let seed = UInt64.random(in: 0...UInt64.max)

    /// A table for about `capacity` IDs (it grows past that).
    package init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    package var count: Int { names.count }

    /// The number of `id`, and whether it was new (it then gets the next number).
    package mutating func insert(_ id: String) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(id)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word == 0 { break }
            if word & 0xFFFF_FFFF_0000_0000 == tag {
                let found = Int(word & 0xFFFF_FFFF) - 1
                if names[found] == id { return (found, false) }
            }
            slot = (slot + 1) & mask
        }
        if (names.count + 1) * 2 > slots.count {
            grow()
            return insert(id)
        }
        slots[slot] = tag | UInt64(names.count + 1)
        names.append(id)
        return (names.count - 1, true)
    }

    /// The number of `id`, nil when it was never inserted.
    package func number(of id: String) -> Int? {
        let hash = Self.hash(id)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = slots[slot]
            if word == 0 { return nil }
            if word & 0xFFFF_FFFF_0000_0000 == tag {
                let found = Int(word & 0xFFFF_FFFF) - 1
                if names[found] == id { return found }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots; each ID is hashed again for its new position (the slot keeps only the upper bits).
    private mutating func grow() {
        let size = slots.count * 2
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (number, name) in names.enumerated() {
            let hash = Self.hash(name)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
        }
        self.slots = slots
        self.mask = mask
    }

    /// 8 bytes at a time through a multiply-xorshift mixer, length and seed included.
    private static func hash(_ id: String) -> UInt64 {
        var text = id
        return text.withUTF8 { bytes -> UInt64 in
            var hash = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var index = 0
            guard let base = bytes.baseAddress else { return mix(hash) }
            while index + 8 <= bytes.count {
                hash = mix(hash ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            return mix(hash ^ tail)
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        value = value &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 29)
    }
}
