import Foundation
import NhacHanTestSupport
import Testing

/// The outbox against misbehaving servers on loopback: retried, dead, or expired, never lost.
extension EndToEnd {
@Suite("Outbox failures and retries", .serialized, .timeLimit(.minutes(3)))
struct OutboxFailureTests {
    @Test("SMTP 421 then success: delivered once, after the backoff")
    func smtp421ThenSuccess() throws {
        var options = SMTPTestServer.Options()
        options.failMail = 421
        let failing = try SMTPTestServer(options)
        let fixture = try OutboxFixture(smtpPort: failing.port)
        #expect(try fixture.tick("2024-03-26T08:00").contains("chờ thử lại 2"))
        let retrying = try fixture.outbox(state: "retrying")
        #expect(retrying.count == 2)
        #expect((retrying.first?["last_error"] as? String)?.contains("421") == true)
        let port = failing.port
        failing.stop()
        options.failMail = nil
        options.port = port
        let healthy = try SMTPTestServer(options)
        defer { healthy.stop() }
        #expect(try fixture.tick("2024-03-26T08:00").contains("đã gửi 0"))  // the same moment again: backing off
        #expect(try fixture.tick("2024-03-26T09:00").contains("đã gửi 2"))
        let messages = try healthy.messages()
        #expect(messages.count == 1)
        #expect(Set(messages[0].rcpt_tos ?? []) == ["ubnd@xa-a.example.gov.vn", "vanthu@xa-a.example.gov.vn"])
        #expect(try fixture.outbox(state: "sent").allSatisfy { ($0["attempts"] as? Int) == 2 })
    }

    @Test("550 for one recipient: the others are delivered, that one is dead with its error")
    func oneRecipientRefused() throws {
        var options = SMTPTestServer.Options()
        options.rejectRecipients = ["vanthu@xa-a.example.gov.vn"]
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let fixture = try OutboxFixture(smtpPort: server.port)
        _ = try fixture.tick("2024-03-26T08:00")
        let dead = try fixture.outbox(state: "dead")
        #expect(dead.map { $0["target"] as? String } == ["vanthu@xa-a.example.gov.vn"])
        #expect((dead.first?["last_error"] as? String)?.contains("550") == true)
        #expect(try fixture.outbox(state: "sent").map { $0["target"] as? String } == ["ubnd@xa-a.example.gov.vn"])
        #expect(try server.messages().first?.rcpt_tos == ["ubnd@xa-a.example.gov.vn"])
        let listing = try fixture.run(["outbox", "--state", "dead"]).stdout
        #expect(listing.contains("lỗi:") && listing.contains("550"))
    }

    @Test("webhook 500 then 200: retried and delivered with the same webhook-id")
    func webhook500Then200() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(replies: ["500", "200"], secret: "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu")
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url())
        _ = try fixture.tick("2024-03-26T08:00")
        #expect(try fixture.outbox(state: "retrying").map { $0["channel"] as? String } == ["webhook"])
        _ = try fixture.tick("2024-03-26T09:00")
        let records = try hook.records()
        #expect(records.map(\.reply) == ["500", "200"])
        #expect(Set(records.map { $0.headers["webhook-id"] }).count == 1)
        #expect(records.allSatisfy { $0.signature_valid })
        #expect(try fixture.outbox(state: "sent").count == 3)
    }

    @Test("429 with Retry-After: 2: the next attempt waits at least 2 seconds")
    func retryAfterHonoured() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(replies: ["429/2", "200"], secret: "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu")
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url())
        _ = try fixture.tick("2024-03-26T08:00:00")
        let retrying = try #require(try fixture.outbox(state: "retrying").first)
        let next = try #require(retrying["next_attempt_at"] as? String)
        #expect(next >= "2024-03-26T08:00:02+07:00")
        _ = try fixture.tick("2024-03-26T08:00:01")
        #expect(try hook.records().count == 1)  // too early: Retry-After not reached
        _ = try fixture.tick("2024-03-26T08:10:00")
        #expect(try hook.records().map(\.reply) == ["429/2", "200"])
    }

    @Test("connection refused, then the receiver comes back: delivered")
    func connectionRefusedThenBack() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let port = closedLoopbackPort()
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: "http://127.0.0.1:\(port)/hook")
        _ = try fixture.tick("2024-03-26T08:00")
        let retrying = try fixture.outbox(state: "retrying")
        #expect(retrying.count == 1)
        let hook = try HTTPTestServer(secret: "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu", port: port)
        defer { hook.stop() }
        _ = try fixture.tick("2024-03-26T10:00")
        #expect(try hook.records().count == 1)
        #expect(try fixture.outbox(state: "sent").count == 3)
    }

    @Test("a hanging receiver times out (webhooks.timeout), is retried, and delivered once it answers")
    func hangingReceiver() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(replies: ["hang", "200"], secret: "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu")
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url())
        _ = try fixture.tick("2024-03-26T08:00")
        let retrying = try fixture.outbox(state: "retrying")
        #expect(retrying.map { $0["channel"] as? String } == ["webhook"])
        #expect((retrying.first?["last_error"] as? String)?.lowercased().contains("tim") == true)
        _ = try fixture.tick("2024-03-26T09:00")
        #expect(try hook.records().map(\.reply) == ["hang", "200"])
        #expect(try fixture.outbox(state: "sent").count == 3)
    }

    @Test("a deadline passing while a before-stage retries: expired, not sent late")
    func beforeStageExpires() throws {
        var options = SMTPTestServer.Options()
        options.failMail = 451
        let server = try SMTPTestServer(options)
        let fixture = try OutboxFixture(smtpPort: server.port, policy: "{send_at: \"08:00\", before: [1wd]}")
        _ = try fixture.tick("2024-03-27T08:00")  // the 1wd stage of "before 29/3"
        #expect(try fixture.outbox(state: "retrying").count == 2)
        let port = server.port
        server.stop()
        var healthy = SMTPTestServer.Options()
        healthy.port = port
        let back = try SMTPTestServer(healthy)
        defer { back.stop() }
        _ = try fixture.tick("2024-03-29T08:00")
        let expired = try fixture.outbox(state: "expired")
        #expect(expired.count == 2)
        #expect((expired.first?["last_error"] as? String)?.contains("đã qua hạn") == true)
        #expect(try back.messages().isEmpty)
    }
}
}
