import SOTSource
import SOTSyntax
import SOTModel

/// Polynomial hashes modulo the Mersenne prime 2^61 - 1 of a scalar sequence and of each of its
/// one-scalar deletions, all in O(length) from prefix hashes. The base is drawn per run, so that no fixed
/// input collides on purpose; collisions cost only a verification, never a wrong answer.
package struct DeletionHasher {
    private static let modulus: UInt64 = (1 << 61) - 1
    private let base: UInt64

    package init() {
        base = UInt64.random(in: (1 << 20)..<(Self.modulus - 1))
    }

    /// The sequence's own key and the keys of its deletions (a run of equal scalars gives one deletion).
    package func keys(of text: [UInt32]) -> [DeletionKey] {
        let count = text.count
        var prefix = [UInt64](repeating: 0, count: count + 1)
        var powers = [UInt64](repeating: 1, count: count + 1)
        for index in 0..<count {
            prefix[index + 1] = Self.add(Self.multiply(prefix[index], base), UInt64(text[index]) + 1)
            powers[index + 1] = Self.multiply(powers[index], base)
        }
        var keys = [DeletionKey(hash: prefix[count], length: count)]
        keys.reserveCapacity(count + 1)
        for index in 0..<count where index == 0 || text[index] != text[index - 1] {
            // Scalars before `index` shift up by one power less; those after keep their weights.
            let shift = powers[count - 1 - index]
            let before = Self.multiply(prefix[index], shift)
            let after = Self.subtract(prefix[count], Self.multiply(prefix[index + 1], shift))
            keys.append(DeletionKey(hash: Self.add(before, after), length: count - 1))
        }
        return keys
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
