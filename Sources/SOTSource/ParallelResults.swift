import Foundation

/// Slots filled concurrently by `concurrentPerform`, read after it returns. Each index is written by
/// exactly one iteration and read only once every iteration has finished, so the slots need no lock.
package final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    package func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    package var values: [Value?] {
        Array(slots)
    }

    /// Runs `body` for every index on all cores and returns the results in index order. Each result is
    /// written straight into its place in the array (inlined, so specialised for `Value` at the caller).
    @inlinable
    package static func map(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (base.unsafelyUnwrapped + index).initialize(to: body(index))
            }
            initialized = count
        }
    }
}
