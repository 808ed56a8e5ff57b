import Dispatch

/// Sends webhooks concurrently on one libcurl multi handle, keeping connections alive.
///
/// The multi handle (and with it the connection cache, DNS cache and TLS sessions) lives as
/// long as the transport, so successive `send` calls reuse warm connections. All libcurl
/// work happens on one serial queue of the transport's own; the async `send` suspends the
/// caller without occupying a cooperative-pool thread while transfers run.
public final class WebhookTransport: @unchecked Sendable {
    // @unchecked: `engine` is touched only on `queue`, which serialises every use.

    /// Limits and timeouts shared by every request of this transport.
    public struct Settings: Hashable, Sendable {
        public var connectTimeout: Duration
        /// Per request, from the first connection attempt to the last response byte.
        public var timeout: Duration
        /// At most this many connections to one host at a time (`CURLMOPT_MAX_HOST_CONNECTIONS`).
        public var maxConnectionsPerHost: Int
        /// At most this many requests in flight across all hosts.
        public var maxConcurrentRequests: Int
        /// A PEM file of CAs to trust in addition to the system bundle.
        public var caFile: String?

        public init(
            connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(30),
            maxConnectionsPerHost: Int = 8,
            maxConcurrentRequests: Int = 64,
            caFile: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.maxConcurrentRequests = maxConcurrentRequests
            self.caFile = caFile
        }
    }

    public let settings: Settings
    private let engine: WebhookEngine
    private let queue = DispatchQueue(label: "nhachan.webhooks")

    /// Reads `ca_file` now, so that a bad configuration fails before anything is sent.
    public init(settings: Settings = Settings()) throws(TransportConfigurationError) {
        guard settings.connectTimeout > .zero, settings.timeout > .zero,
            settings.maxConnectionsPerHost > 0, settings.maxConcurrentRequests > 0
        else {
            throw .invalid("webhook timeouts and limits must be positive")
        }
        self.settings = settings
        self.engine = WebhookEngine(settings: settings, trust: try TrustStore(addingCAFile: settings.caFile))
    }

    /// Sends every request, concurrently within the limits; results in request order.
    /// When `gate` closes, requests in flight are cut (a transient failure) and the rest come
    /// back `notAttempted`, within about 200 ms.
    public func send(_ requests: [WebhookRequest], gate: SendGate = .open()) async -> [WebhookResult] {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.engine.perform(requests, gate: gate))
            }
        }
    }

    /// As `send`, blocking the calling thread.
    public func sendBlocking(_ requests: [WebhookRequest], gate: SendGate = .open()) -> [WebhookResult] {
        queue.sync { engine.perform(requests, gate: gate) }
    }
}
