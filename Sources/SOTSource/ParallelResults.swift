import Foundation

/// Slots filled concurrently by `concurrentPerform`, read after it returns.
package final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    package init(count: Int) {
        storage = [Value?](repeating: nil, count: count)
    }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    package var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    /// Runs `body` for every index on all cores and returns the results in index order.
    package static func map(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value?] {
        let results = ParallelResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, body(index))
        }
        return results.values
    }
}
