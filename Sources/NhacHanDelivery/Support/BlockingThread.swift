import Foundation

/// Runs blocking libcurl work on a thread of its own, so that it never occupies one of the
/// few threads of Swift's cooperative pool.
enum BlockingThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = "nhachan-curl"
            thread.start()
        }
    }
}
