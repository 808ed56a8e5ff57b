public import Foundation

/// One webhook call: the endpoint, the body already in the endpoint's format, and the
/// idempotency key that becomes `webhook-id`.
public struct WebhookRequest: Hashable, Sendable {
    public var endpoint: WebhookEndpoint
    public var idempotencyKey: String
    public var body: [UInt8]
    /// The signing moment (`webhook-timestamp`); defaults to when the request is made.
    public var timestamp: Date

    public init(endpoint: WebhookEndpoint, idempotencyKey: String, body: [UInt8], timestamp: Date = Date()) {
        self.endpoint = endpoint
        self.idempotencyKey = idempotencyKey
        self.body = body
        self.timestamp = timestamp
    }

    /// The request headers, signature included.
    ///
    /// - throws: `HeaderValueError` when the idempotency key holds CR, LF or a control
    ///   character: it is refused, never sent.
    public func headers() throws(HeaderValueError) -> [(name: String, value: String)] {
        try HeaderValue.validate(idempotencyKey, field: "webhook-id")
        let seconds = Int(timestamp.timeIntervalSince1970.rounded(.down))
        var headers: [(String, String)] = [
            ("Content-Type", "application/json; charset=utf-8"),
            ("User-Agent", "nhachan/1"),
            ("webhook-id", idempotencyKey),
            ("webhook-timestamp", "\(seconds)"),
        ]
        if let secret = endpoint.secret {
            headers.append(("webhook-signature", WebhookSignature.sign(id: idempotencyKey, timestamp: seconds, body: body, secret: secret)))
        }
        return headers
    }
}

/// What became of one webhook call.
public struct WebhookResult: Hashable, Sendable {
    public var idempotencyKey: String
    public var outcome: DeliveryOutcome

    public init(idempotencyKey: String, outcome: DeliveryOutcome) {
        self.idempotencyKey = idempotencyKey
        self.outcome = outcome
    }
}
