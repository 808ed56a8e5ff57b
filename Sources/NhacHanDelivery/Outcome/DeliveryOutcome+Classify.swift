public import Foundation

extension DeliveryOutcome {
    /// Classifies an SMTP attempt from libcurl's result and the deciding server reply.
    ///
    /// A TLS trust failure or a missing STARTTLS is permanent whatever the server said (it is a
    /// configuration problem); otherwise a 4xx/5xx reply decides (4xx transient, 5xx
    /// permanent); otherwise the libcurl error decides; otherwise the message was delivered.
    public static func smtp(error: TransportError?, reply: ServerResponse?) -> DeliveryOutcome {
        if let error, let permanent = permanentTransport(error) {
            return .permanent(reason: permanent, response: reply)
        }
        if let reply, reply.status >= 400 {
            let reason = "SMTP \(reply)"
            return reply.status < 500
                ? .transient(reason: reason, retryAfter: nil, response: reply)
                : .permanent(reason: reason, response: reply)
        }
        if let error {
            return transport(error, response: reply)
        }
        return .delivered(reply)
    }

    /// Classifies an HTTP attempt from libcurl's result, the status and `Retry-After`.
    ///
    /// 2xx delivered; 408, 425, 429 and 5xx transient (with `Retry-After` in seconds or as an
    /// HTTP-date relative to `now`); every other status permanent, redirects included: a
    /// webhook URL that redirects needs fixing, and a POST is never replayed to another place.
    public static func http(
        error: TransportError?,
        response: ServerResponse?,
        retryAfter: String? = nil,
        now: Date = Date()
    ) -> DeliveryOutcome {
        if let error {
            return transport(error, response: response)
        }
        guard let response else {
            return .transient(reason: "no HTTP response", retryAfter: nil, response: nil)
        }
        switch response.status {
        case 200..<300:
            return .delivered(response)
        case 408, 425, 429, 500..<600:
            let delay = retryAfter.flatMap { RetryAfter.parse($0, now: now) }
            return .transient(reason: "HTTP \(response)", retryAfter: delay, response: response)
        default:
            return .permanent(reason: "HTTP \(response)", response: response)
        }
    }

    /// A libcurl error with no deciding reply: a few are configuration problems, the rest
    /// are failures to reach the server, which retrying can cure.
    static func transport(_ error: TransportError, response: ServerResponse?) -> DeliveryOutcome {
        if let permanent = permanentTransport(error) ?? configurationTransport(error) {
            return .permanent(reason: permanent, response: response)
        }
        return .transient(reason: error.description, retryAfter: nil, response: response)
    }

    private static func permanentTransport(_ error: TransportError) -> String? {
        switch error.code {
        case TransportError.peerFailedVerification.code:
            "server certificate not trusted (\(error.detail)): check the server name and ca_file"
        case TransportError.useSSLFailed.code:
            "server does not offer STARTTLS, which is required (\(error.detail))"
        case TransportError.sslCACertBadFile.code, TransportError.sslCertificateProblem.code:
            "TLS configuration problem: \(error.description)"
        default:
            nil
        }
    }

    private static func configurationTransport(_ error: TransportError) -> String? {
        switch error.code {
        case TransportError.unsupportedProtocol.code, TransportError.malformedURL.code,
            TransportError.loginDenied.code, TransportError.tooManyRedirects.code,
            TransportError.sslCipher.code:
            "configuration problem: \(error.description)"
        default:
            nil
        }
    }
}
