/// Small text helpers every layer uses.
extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Byte-wise (UTF-8) order, the order every listing and report of sot-lint uses: deterministic,
    /// independent of Unicode collation, and a `memcmp` instead of a walk over two UTF-8 views.
    package func precedesInBytes(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }
}
