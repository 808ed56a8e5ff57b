import Foundation
import NhacHanDelivery
import Testing

/// One row of an outcome table.
struct OutcomeCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable { case delivered, transient, permanent }

    var id: String
    var error: TransportError?
    var status: Int?
    var retryAfter: String?
    var expected: Expected
    var expectedDelay: Duration?

    var testDescription: String { id }

    func matches(_ outcome: DeliveryOutcome) -> Bool {
        switch (expected, outcome) {
        case (.delivered, .delivered), (.permanent, .permanent): return true
        case (.transient, .transient(_, let delay, _)): return delay == expectedDelay
        default: return false
        }
    }
}

@Suite("Delivery outcome classification")
struct OutcomeClassificationTests {
    static let smtpCases: [OutcomeCase] = [
        .init(id: "250 after DATA is delivered", status: 250, expected: .delivered),
        .init(id: "421 service closing is transient", error: .weirdServerReply, status: 421, expected: .transient),
        .init(id: "451 local error is transient", error: .weirdServerReply, status: 451, expected: .transient),
        .init(id: "452 insufficient storage is transient", error: .sendError, status: 452, expected: .transient),
        .init(id: "550 mailbox unavailable is permanent", error: .sendError, status: 550, expected: .permanent),
        .init(id: "554 transaction failed is permanent", error: .weirdServerReply, status: 554, expected: .permanent),
        .init(id: "535 authentication failed is permanent", error: .loginDenied, status: 535, expected: .permanent),
        .init(id: "454 temporary auth failure is transient", error: .loginDenied, status: 454, expected: .transient),
        .init(id: "connection refused is transient", error: .couldNotConnect, expected: .transient),
        .init(id: "timeout is transient", error: .operationTimedOut, expected: .transient),
        .init(id: "TLS handshake failure is transient", error: .sslConnectError, expected: .transient),
        .init(id: "connection reset is transient", error: .receiveError, expected: .transient),
        .init(id: "empty reply is transient", error: .gotNothing, expected: .transient),
        .init(id: "untrusted certificate is permanent", error: .peerFailedVerification, expected: .permanent),
        .init(id: "untrusted certificate stays permanent after a 220", error: .peerFailedVerification, status: 220, expected: .permanent),
        .init(id: "STARTTLS not offered is permanent", error: .useSSLFailed, status: 250, expected: .permanent),
        .init(id: "login denied without a reply is permanent", error: .loginDenied, expected: .permanent),
        .init(id: "unknown host is transient (DNS can recover)", error: .couldNotResolveHost, expected: .transient),
    ]

    @Test("SMTP replies and libcurl errors", arguments: smtpCases)
    func smtp(_ row: OutcomeCase) {
        let reply = row.status.map { ServerResponse(status: $0, text: "text") }
        let outcome = DeliveryOutcome.smtp(error: row.error, reply: reply)
        #expect(row.matches(outcome), "\(outcome)")
    }

    static let now = Date(timeIntervalSince1970: 1_712_192_400)  // Thu, 04 Apr 2024 01:00:00 GMT

    static let httpCases: [OutcomeCase] = [
        .init(id: "200 is delivered", status: 200, expected: .delivered),
        .init(id: "204 is delivered", status: 204, expected: .delivered),
        .init(id: "301 is permanent (redirects are not followed)", status: 301, expected: .permanent),
        .init(id: "400 is permanent", status: 400, expected: .permanent),
        .init(id: "401 is permanent", status: 401, expected: .permanent),
        .init(id: "404 is permanent", status: 404, expected: .permanent),
        .init(id: "410 is permanent", status: 410, expected: .permanent),
        .init(id: "408 is transient", status: 408, expected: .transient),
        .init(id: "425 is transient", status: 425, expected: .transient),
        .init(id: "429 without Retry-After is transient", status: 429, expected: .transient),
        .init(id: "429 with Retry-After seconds", status: 429, retryAfter: "120", expected: .transient, expectedDelay: .seconds(120)),
        .init(id: "503 with Retry-After HTTP-date", status: 503, retryAfter: "Thu, 04 Apr 2024 01:05:00 GMT", expected: .transient, expectedDelay: .seconds(300)),
        .init(id: "503 with Retry-After in the past means now", status: 503, retryAfter: "Wed, 03 Apr 2024 01:05:00 GMT", expected: .transient, expectedDelay: .seconds(0)),
        .init(id: "503 with unreadable Retry-After", status: 503, retryAfter: "soon", expected: .transient),
        .init(id: "500 is transient", status: 500, expected: .transient),
        .init(id: "502 is transient", status: 502, expected: .transient),
        .init(id: "connection refused is transient", error: .couldNotConnect, expected: .transient),
        .init(id: "timeout is transient", error: .operationTimedOut, expected: .transient),
        .init(id: "untrusted certificate is permanent", error: .peerFailedVerification, expected: .permanent),
        .init(id: "malformed URL is permanent", error: .malformedURL, expected: .permanent),
    ]

    @Test("HTTP statuses, Retry-After and libcurl errors", arguments: httpCases)
    func http(_ row: OutcomeCase) {
        let response = row.status.map { ServerResponse(status: $0) }
        let outcome = DeliveryOutcome.http(error: row.error, response: response, retryAfter: row.retryAfter, now: Self.now)
        #expect(row.matches(outcome), "\(outcome)")
    }

    @Test("Retry-After accepts the three HTTP-date forms", arguments: [
        "Thu, 04 Apr 2024 01:01:00 GMT",
        "Thursday, 04-Apr-24 01:01:00 GMT",
        "Thu Apr  4 01:01:00 2024",
    ])
    func httpDates(_ value: String) {
        #expect(RetryAfter.parse(value, now: Self.now) == .seconds(60))
    }

    @Test("an absurd or hostile Retry-After is clamped or ignored, never an overflow", arguments: [
        ("9223372036854775807", Optional(RetryAfter.maximum)), ("99999999999999999999999999", RetryAfter.maximum),
        ("-5", nil), ("soon", nil), ("", nil), ("Sun, 06 Nov 999999999999999 08:49:37 GMT", nil),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0), ("Thu, 04 Apr 2024 01:01:00 GMT", 60), ("120", 120),
        ("Thu, 04 Apr 2024 99:99:99 GMT", nil), (String(repeating: "9", count: 5000), nil),
    ])
    func hostileRetryAfter(_ value: String, _ seconds: Int64?) {
        #expect(RetryAfter.parse(value, now: Self.now) == seconds.map { .seconds($0) })
    }

    @Test("a transient outcome says to retry, a permanent one does not")
    func retryFlags() {
        #expect(DeliveryOutcome.http(error: nil, response: .init(status: 503)).shouldRetry)
        #expect(!DeliveryOutcome.http(error: nil, response: .init(status: 404)).shouldRetry)
        #expect(DeliveryOutcome.http(error: nil, response: .init(status: 200)).isDelivered)
    }
}
