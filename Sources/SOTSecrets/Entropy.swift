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
        // Called for every candidate: count on the stack, not in a heap array.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for byte in bytes { counts[Int(byte)] += 1 }
            let total = Double(bytes.count)
            var sum = 0.0
            for count in counts where count > 0 {
                sum += count < countTerms.count ? countTerms[count] : Double(count) * log2(Double(count))
            }
            return log2(total) - sum / total
        }
    }
}
