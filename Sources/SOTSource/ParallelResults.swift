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

    /// Runs `body` for every index on all cores, each emitting exactly `counts[index]` values, and returns
    /// all of them in index order, each written straight into its place in one array: no array per index
    /// to build, copy and free.
    @inlinable
    package static func flatMap(counts: [Int], _ body: @Sendable (Int, (Value) -> Void) -> Void) -> [Value] {
        var total = 0
        let offsets = counts.map { count in
            defer { total += count }
            return total
        }
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: counts.count) { index in
                var next = offsets[index]
                let end = next + counts[index]
                body(index) { value in
                    precondition(next < end, "flatMap: more values than counted for index \(index)")
                    (base.unsafelyUnwrapped + next).initialize(to: value)
                    next += 1
                }
                precondition(next == end, "flatMap: fewer values than counted for index \(index)")
            }
            initialized = total
        }
    }
}

/// Runs `background` on another thread while `foreground` runs on this one, and returns both results
/// once both are done: two independent steps overlap even when they are the process's first parallel
/// work (`concurrentPerform` may run both on the calling thread before a worker has started).
package func concurrently<Foreground, Background: Sendable>(_ foreground: () -> Foreground,
                                                          _ background: @escaping @Sendable () -> Background) -> (Foreground, Background) {
    let slot = ParallelResults<Background>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.set(0, background()) }
    let first = foreground()
    group.wait()
    guard let second = slot.values[0] else { preconditionFailure("the background step always sets its result") }
    return (first, second)
}

/// Starts the worker threads of the parallel steps now. A thread created at the moment work arrives
/// often waits milliseconds for a core (the scheduler first queues it beside its parent); created while
/// a process is still starting, it is ready when the first parallel step comes.
package func warmUpWorkerThreads() {
    DispatchQueue.global().async {}
}
