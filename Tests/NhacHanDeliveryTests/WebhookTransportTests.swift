import Foundation
import NhacHanCore
import NhacHanDelivery
import NhacHanTestSupport
import Testing

@Suite("Webhook transport against a loopback receiver", .timeLimit(.minutes(2)))
struct WebhookTransportTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    static func transport(timeout: Duration = .seconds(5), caFile: String? = nil) throws -> WebhookTransport {
        try WebhookTransport(settings: .init(connectTimeout: .seconds(2), timeout: timeout, maxConnectionsPerHost: 4, caFile: caFile))
    }

    static func request(_ url: String, key: String = "key-1", format: WebhookFormat = .nhachan, secret: String? = secret) throws -> WebhookRequest {
        let content = Fixtures.content()
        let rendered = try ReminderTemplates.defaults.render(content)
        var endpoint = WebhookEndpoint(url: url, format: format, secret: secret)
        if format == .telegram { endpoint.telegramChatID = "-100123" }
        return .reminder(to: endpoint, idempotencyKey: key, content: content, rendered: rendered)
    }

    @Test("every format arrives signed, and Python's hmac verifies the signature",
          arguments: WebhookFormat.allCases)
    func signedFormats(_ format: WebhookFormat) async throws {
        let server = try HTTPTestServer(secret: Self.secret)
        defer { server.stop() }
        let request = try Self.request(server.url(), key: "bs-550/bao-cao/\(format)", format: format)
        let results = try await Self.transport().send([request])
        #expect(results[0].outcome.isDelivered, "\(results[0].outcome)")
        let records = try server.records()
        try #require(records.count == 1)
        #expect(records[0].signature_valid)
        #expect(records[0].headers["webhook-id"] == "bs-550/bao-cao/\(format)")
        #expect(records[0].body == String(decoding: request.body, as: UTF8.self))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(records[0].body.utf8)) as? [String: Any])
        switch format {
        case .nhachan:
            #expect(json["version"] as? Int == 1 && json["type"] as? String == "nhachan.reminder")
        case .telegram:
            #expect(json["chat_id"] as? String == "-100123")
        case .teams:
            #expect(json["type"] as? String == "message")
        default:
            #expect((json["text"] as? String)?.contains("UBND xã Bình Châu") == true)
        }
    }

    @Test("50 concurrent requests all arrive, over at most the per-host connection limit")
    func concurrency() async throws {
        let server = try HTTPTestServer(secret: Self.secret)
        defer { server.stop() }
        let requests = try (1...50).map { try Self.request(server.url(), key: "k-\($0)") }
        let transport = try Self.transport()
        let results = await transport.send(requests)
        #expect(results.map(\.idempotencyKey) == requests.map(\.idempotencyKey))
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let records = try server.records()
        #expect(records.count == 50 && records.allSatisfy(\.signature_valid))
        #expect(Set(records.map(\.peer_port)).count <= 4)
        _ = await transport.send([try Self.request(server.url(), key: "again")])
        #expect(Set(try server.records().map(\.peer_port)).count <= 4, "a second call reuses the connections")
    }

    @Test("HTTPS with the test CA added through ca_file")
    func https() async throws {
        let server = try HTTPTestServer(secret: Self.secret, tls: true)
        defer { server.stop() }
        let transport = try Self.transport(caFile: try TestPKI.shared().caFile)
        let results = await transport.send([try Self.request(server.url())])
        #expect(results[0].outcome.isDelivered, "\(results[0].outcome)")
        let untrusting = try Self.transport(caFile: try TestPKI.shared().rogueCAFile)
        let refused = await untrusting.send([try Self.request(server.url())])
        guard case .permanent = refused[0].outcome else {
            Issue.record("expected permanent, got \(refused[0].outcome)")
            return
        }
    }

    @Test("500 then 200: the first call is transient, the retry is delivered")
    func serverErrorThenSuccess() async throws {
        let server = try HTTPTestServer(replies: ["500", "200"], secret: Self.secret)
        defer { server.stop() }
        let transport = try Self.transport()
        let first = await transport.send([try Self.request(server.url())])[0]
        guard case .transient(_, nil, let response) = first.outcome else {
            Issue.record("expected transient, got \(first.outcome)")
            return
        }
        #expect(response?.status == 500)
        #expect(await transport.send([try Self.request(server.url())])[0].outcome.isDelivered)
    }

    @Test("429 with Retry-After is transient and carries the delay")
    func tooManyRequests() async throws {
        let server = try HTTPTestServer(replies: ["429/120"])
        defer { server.stop() }
        let result = try await Self.transport().send([try Self.request(server.url())])[0]
        guard case .transient(_, let delay, let response) = result.outcome else {
            Issue.record("expected transient, got \(result.outcome)")
            return
        }
        #expect(delay == .seconds(120))
        #expect(response?.status == 429)
    }

    @Test("400 and 404 are permanent", arguments: ["400", "404"])
    func clientErrors(_ status: String) async throws {
        let server = try HTTPTestServer(replies: [status])
        defer { server.stop() }
        let result = try await Self.transport().send([try Self.request(server.url())])[0]
        guard case .permanent(_, let response) = result.outcome else {
            Issue.record("expected permanent, got \(result.outcome)")
            return
        }
        #expect(response?.status == Int(status))
        #expect(response?.text == "{\"error\":\"test refusal\"}")
    }

    // It returns instead of hanging: libcurl's timeout (error 28) ends it. The time limit is
    // the bound: a wall-clock expectation also counted the minutes that CPU-heavy tests beside
    // it held both threads of Swift's pool on a 2-core machine.
    @Test("a receiver that never answers times out, transiently", .timeLimit(.minutes(3)))
    func hangingReceiver() async throws {
        let server = try HTTPTestServer(replies: ["hang"])
        defer { server.stop() }
        let result = try await Self.transport(timeout: .seconds(1)).send([try Self.request(server.url())])[0]
        guard case .transient(let reason, _, _) = result.outcome else {
            Issue.record("expected transient, got \(result.outcome)")
            return
        }
        #expect(reason.contains("curl error 28"))
    }

    @Test("connection refused is transient")
    func connectionRefused() async throws {
        let result = try await Self.transport().send([try Self.request("http://127.0.0.1:\(closedLoopbackPort())/hook")])[0]
        #expect(result.outcome.shouldRetry, "\(result.outcome)")
    }

    @Test("plain http to a remote host is refused unless allowed; nothing is sent")
    func plainHTTPRefused() async throws {
        let result = try await Self.transport().send([try Self.request("http://chat.example.gov.vn/hooks/x")])[0]
        guard case .permanent(let reason, nil) = result.outcome else {
            Issue.record("expected permanent, got \(result.outcome)")
            return
        }
        #expect(reason.contains("allow_http"))
        var allowed = WebhookEndpoint(url: "http://chat.example.gov.vn/hooks/x", allowHTTP: true)
        try allowed.validate()
        allowed.allowHTTP = false
        #expect(throws: TransportConfigurationError.self) { try allowed.validate() }
    }

    @Test("an idempotency key with CR or LF is refused, never sent")
    func headerInjection() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let result = try await Self.transport().send([try Self.request(server.url(), key: "k\r\nX-Evil: 1")])[0]
        guard case .permanent = result.outcome else {
            Issue.record("expected permanent, got \(result.outcome)")
            return
        }
        #expect(try server.records().isEmpty)
    }
}
