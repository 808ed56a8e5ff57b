import Metrics
public import NhacHanStore

/// What the runner reports to swift-metrics (exported by `/metrics` when the daemon serves it).
public enum SendMetrics {
    struct Outcome: Hashable {
        var channel: String
        var state: DeliveryState
    }

    /// A batch's finished attempts: `nhachan_sends_total{channel,outcome}`, one update per pair
    /// rather than one lookup of the counter per delivery.
    static func count(_ batch: [Outcome: Int]) {
        for (outcome, n) in batch {
            Counter(label: "nhachan_sends_total", dimensions: [("channel", outcome.channel), ("outcome", outcome.state.rawValue)])
                .increment(by: n)
        }
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
