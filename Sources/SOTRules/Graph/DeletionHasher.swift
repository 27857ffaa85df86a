import SOTSource
import SOTSyntax
import SOTModel

/// Polynomial hashes modulo the Mersenne prime 2^61 - 1 of a scalar sequence and of each of its
/// one-scalar deletions, all in O(length) from prefix hashes. The base is drawn per run, so that no fixed
/// input collides on purpose; collisions cost only a verification, never a wrong answer.
package struct DeletionHasher: Sendable {
    private static let modulus: UInt64 = (1 << 61) - 1
    package let base: UInt64

    package init() {
        base = UInt64.random(in: (1 << 20)..<(Self.modulus - 1))
    }

    /// A hasher with a base drawn earlier (keys kept in a cache file are recomputed with their base); nil
    /// for a base outside the range `init()` draws from.
    package init?(base: UInt64) {
        guard base >= 1 << 20, base < Self.modulus - 1 else { return nil }
        self.base = base
    }

    /// Buffers `keys(of:scratch:_:)` reuses from one sequence to the next.
    package struct Scratch {
        var prefix: [UInt64] = []
        var powers: [UInt64] = []

        package init() {}
    }

    /// The sequence's own key, then the keys of its deletions (a run of equal scalars gives one
    /// deletion), handed to `body` one by one; `scratch` is reused from one sequence to the next.
    package func keys(of text: [UInt32], scratch: inout Scratch, _ body: (DeletionKey) -> Void) {
        let count = text.count
        scratch.prefix.removeAll(keepingCapacity: true)
        scratch.powers.removeAll(keepingCapacity: true)
        scratch.prefix.append(0)
        scratch.powers.append(1)
        for index in 0..<count {
            scratch.prefix.append(Self.add(Self.multiply(scratch.prefix[index], base), UInt64(text[index]) + 1))
            scratch.powers.append(Self.multiply(scratch.powers[index], base))
        }
        body(DeletionKey(hash: scratch.prefix[count], length: count))
        for index in 0..<count where index == 0 || text[index] != text[index - 1] {
            // Scalars before `index` shift up by one power less; those after keep their weights.
            let shift = scratch.powers[count - 1 - index]
            let before = Self.multiply(scratch.prefix[index], shift)
            let after = Self.subtract(scratch.prefix[count], Self.multiply(scratch.prefix[index + 1], shift))
            body(DeletionKey(hash: Self.add(before, after), length: count - 1))
        }
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a + b
        return sum >= modulus ? sum - modulus : sum
    }

    private static func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a - b : a + modulus - b
    }

    private static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // 2^64 ≡ 2^3 (mod 2^61 - 1), so high * 2^64 + low ≡ high * 8 + (low mod 2^61 - 1).
        var folded = (low & modulus) + (low >> 61) + (high << 3)
        folded = (folded & modulus) + (folded >> 61)
        return folded >= modulus ? folded - modulus : folded
    }
}
