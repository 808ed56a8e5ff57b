import Dispatch
import Foundation

/// `map` over every core, for CPU-bound work on a batch (rendering templates).
enum ParallelMap {
    /// Below this many elements the work runs on the calling thread.
    static let threshold = 16

    /// - Parameter minimum: fewer items than this run on the calling thread.
    static func map<T: Sendable, U: Sendable>(_ items: [T], minimum: Int = threshold, _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count >= minimum else { return items.map(transform) }
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, max(1, items.count / max(1, minimum / 2)))
        guard chunks > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = UnsafeSendableBuffer(base: results)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            // Each chunk writes only its own slots.
            var index = chunk
            while index < items.count {
                slots.base[index] = transform(items[index])
                index += chunks
            }
        }
        return results.map { $0! }
    }
}

/// A buffer written at disjoint indices from several threads, then read after they join.
private struct UnsafeSendableBuffer<U>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<U?>
}
