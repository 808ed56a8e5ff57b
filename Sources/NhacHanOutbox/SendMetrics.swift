import Metrics
public import NhacHanStore

/// What the runner reports to swift-metrics (exported by `/metrics` when the daemon serves it).
public enum SendMetrics {
    /// One finished attempt: `nhachan_sends_total{channel,outcome}`.
    static func count(channel: String, outcome: DeliveryState) {
        Counter(label: "nhachan_sends_total", dimensions: [("channel", channel), ("outcome", outcome.rawValue)]).increment()
    }

    /// How long one batch's sends on a channel took: `nhachan_send_duration_seconds{channel}`.
    static func timed<T>(_ channel: String, _ work: () async -> T) async -> T {
        let start = ContinuousClock.now
        let result = await work()
        let elapsed = ContinuousClock.now - start
        Metrics.Timer(label: "nhachan_send_duration_seconds", dimensions: [("channel", channel)]).record(duration: elapsed)
        return result
    }
}
