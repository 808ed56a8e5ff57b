/// What became of one delivery attempt, and whether to try again.
///
/// Every failure says whether to retry (Alertmanager's `(retry bool, err)`): `transient`
/// failures are retried with back-off honouring `retryAfter`; `permanent` ones are dead
/// letters shown to the coordinator. Build one with the pure `DeliveryOutcome.smtp` /
/// `DeliveryOutcome.http` classifiers.
public enum DeliveryOutcome: Hashable, Sendable {
    /// The server took responsibility for the message.
    case delivered(ServerResponse?)
    /// Try again later, not before `retryAfter` when the server said so.
    case transient(reason: String, retryAfter: Duration?, response: ServerResponse?)
    /// Retrying cannot help: a refusal or a configuration problem.
    case permanent(reason: String, response: ServerResponse?)
    /// Never started: the batch's deadline passed or the process is stopping. Given back unsent,
    /// not counted as an attempt.
    case notAttempted(reason: String)

    public var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    public var shouldRetry: Bool {
        if case .transient = self { return true }
        return false
    }

    /// The reply that decided the outcome, when a server gave one.
    public var response: ServerResponse? {
        switch self {
        case .delivered(let response): response
        case .transient(_, _, let response): response
        case .permanent(_, let response): response
        case .notAttempted: nil
        }
    }

    /// A one-line human explanation (for logs and the outbox's `last_error`).
    public var reason: String {
        switch self {
        case .delivered(let response): response.map { "delivered: \($0)" } ?? "delivered"
        case .transient(let reason, _, _): reason
        case .permanent(let reason, _): reason
        case .notAttempted(let reason): reason
        }
    }
}

/// A server's reply: an SMTP reply code or an HTTP status, with its text.
public struct ServerResponse: Hashable, Sendable, CustomStringConvertible {
    /// SMTP reply code (250, 451, 550...) or HTTP status (200, 429...).
    public var status: Int
    /// SMTP reply text, or the start of the HTTP response body.
    public var text: String

    public init(status: Int, text: String = "") {
        self.status = status
        self.text = text
    }

    public var description: String { text.isEmpty ? "\(status)" : "\(status) \(text)" }
}
