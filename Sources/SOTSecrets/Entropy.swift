import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import Foundation

/// Shannon entropy in bits per byte: how random a candidate secret looks.
public enum Entropy {
    /// c·log2(c) for small counts: entropy = log2(n) - Σ c·log2(c) / n, without a logarithm per byte value.
    private static let countTerms: [Double] = (0..<1_024).map { $0 == 0 ? 0 : Double($0) * log2(Double($0)) }

    public static func bitsPerByte<Bytes: Collection>(_ bytes: Bytes) -> Double where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return 0 }
        let terms = countTerms
        // Called for every candidate: count on the stack, not in a heap array. The sum visits the byte values
        // that occur (read off the bytes again, each value's count then cleared), not all 256.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for byte in bytes { counts[Int(byte)] += 1 }
            let total = Double(bytes.count)
            var sum = 0.0
            for byte in bytes where counts[Int(byte)] > 0 {
                let count = Int(counts[Int(byte)])
                sum += count < terms.count ? terms[count] : Double(count) * log2(Double(count))
                counts[Int(byte)] = 0
            }
            return log2(total) - sum / total
        }
    }
}
