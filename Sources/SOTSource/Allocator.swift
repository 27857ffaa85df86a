/// Turns off glibc's fast bins. A lint allocates and frees millions of small blocks; with fast bins,
/// freed blocks pile up unmerged until a larger request merges them all at once, and that merging
/// grew faster than the input (a 10,000-issue document spent 7% of its time in it, against 4% for a
/// 1,000-issue one). Without them, small blocks are still recycled through the per-thread cache.
/// Measured on `scaling.sh`'s issues inputs: 15-23% less time at 10n (medians of five, alternating).
/// True when the allocator took the setting (always false where the allocator is not glibc's).
@discardableResult
package func tuneAllocator() -> Bool {
    #if canImport(Glibc)
    return glibcMallopt(1 /* M_MXFAST */, 0) == 1
    #else
    return false
    #endif
}

#if canImport(Glibc)
/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
