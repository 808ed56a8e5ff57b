import Foundation
import NhacHanTestSupport
import Testing

extension EndToEnd {
@Suite("nhachan send-test")
struct SendTestTests {
    @Test("one test message on each channel of the unit, each channel's result printed")
    func sendsOnEveryChannel() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(secret: "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu")
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url())
        let result = try fixture.run(["send-test", "--unit", "xa-a"])
        #expect(result.stdout.contains("email ubnd@xa-a.example.gov.vn: OK"))
        #expect(result.stdout.contains("email vanthu@xa-a.example.gov.vn: OK"))
        #expect(result.stdout.contains("webhook http://127.0.0.1:\(hook.port)/hook: OK"))
        let message = try #require(try smtp.messages().first)
        #expect(message.subject?.contains("[Nhắc hạn]") == true)
        #expect(message.to?.contains("UBND xã A") == true)
        #expect(try hook.records().first?.signature_valid == true)
    }

    @Test("a channel that fails is reported and the command exits 1")
    func failingChannel() throws {
        let fixture = try OutboxFixture(smtpPort: closedLoopbackPort())
        let result = try fixture.run(["send-test", "--unit", "xa-a"], expect: 1)
        #expect(result.stdout.contains("LỖI"))
    }
}
}
