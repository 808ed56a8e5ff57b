public import Logging
public import NhacHanStore
public import Prometheus

/// What every route shares: the current environment, the store, the clock and the metrics.
public struct ServerContext: Sendable {
    public var state: ServerState
    public var store: any DeliveryStore
    /// Unix seconds now: the daemon's clock, simulated or real.
    public var clock: @Sendable () -> Int64
    public var metrics: PrometheusCollectorRegistry
    public var logger: Logger

    public init(
        state: ServerState, store: any DeliveryStore, clock: @escaping @Sendable () -> Int64, metrics: PrometheusCollectorRegistry,
        logger: Logger
    ) {
        self.state = state
        self.store = store
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
    }
}
