import Hummingbird
import NhacHanCore
import NhacHanStore
import Prometheus

/// `/healthz` for systemd and load balancers, `/metrics` for Prometheus.
struct OperationsRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            do {
                try await server.store.verifyIntact()
                let counts = try await server.store.counts()
                let lastTick = try await server.store.meta("last_tick").flatMap { Int($0) }
                return APIRoutes.json(.ok, .object([
                    ("status", .string("ok")),
                    ("deliveries", .int(counts.values.reduce(0, +))),
                    ("last_tick", lastTick.map { .int($0) } ?? .null),
                ]))
            } catch {
                server.logger.error("healthz: \(error)")
                return APIRoutes.json(.serviceUnavailable, .object([("status", .string("unavailable")), ("error", .string("kho trạng thái không trả lời"))]))
            }
        }
        router.get("/metrics") { _, _ in
            // Gauges read from the store at each scrape, so that every node (and `serve` alone)
            // reports the same queue.
            if let counts = try? await server.store.counts() {
                for state in DeliveryState.allCases {
                    server.metrics.makeGauge(name: "nhachan_deliveries", labels: [("state", state.rawValue)]).set(Double(counts[state, default: 0]))
                }
            }
            if let lastTick = try? await server.store.meta("last_tick").flatMap({ Double($0) }) {
                server.metrics.makeGauge(name: "nhachan_last_tick_timestamp_seconds").set(lastTick)
            }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(8 * 1024)
            server.metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
