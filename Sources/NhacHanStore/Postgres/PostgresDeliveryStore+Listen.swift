import Logging
import PostgresNIO
import Synchronization

extension PostgresDeliveryStore {
    static let dueChannel = "nhachan_due"

    /// `LISTEN nhachan_due` on a dedicated connection, reconnecting every 2 s while the server is
    /// away; each (re)connection yields once too, for what was said while nobody listened.
    public func dueSignals() -> AsyncStream<Void> {
        let (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let configuration = listenerConfiguration, logger = logger
        let current = Mutex<PostgresConnection?>(nil)
        let listener = Task.detached {
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(
                        on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 0, logger: logger
                    ).get()
                    current.withLock { $0 = connection }
                    var failure: (any Error)?
                    do {
                        try await connection.listen(on: Self.dueChannel) { notifications in
                            continuation.yield()
                            for try await _ in notifications { continuation.yield() }
                        }
                    } catch {
                        failure = error
                    }
                    current.withLock { $0 = nil }
                    // Closed before it is let go (postgres-nio asserts it).
                    try? await connection.close()
                    if let failure { throw failure }
                } catch {
                    if !Task.isCancelled { logger.debug("LISTEN \(Self.dueChannel): \(Self.reason(error)); thử lại sau 2 giây") }
                }
                try? await Task.sleep(for: .seconds(2))
            }
        }
        continuation.onTermination = { _ in
            listener.cancel()
            // Ends the wait for the next notification.
            current.withLock { $0 }?.close().whenComplete { _ in }
        }
        return signals
    }
}
