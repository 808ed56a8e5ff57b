import Dispatch

/// `map` with each element on its own thread of `concurrentPerform`: for a few large pieces of
/// CPU-bound work (the halves of a batch to render).
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = UnsafeSendableBuffer(base: results)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.base[index] = transform(items[index])  // each iteration writes its own slot
        }
        return results.map { $0! }
    }
}

/// A buffer written at disjoint indices from several threads, then read after they join.
private struct UnsafeSendableBuffer<U>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<U?>
}
