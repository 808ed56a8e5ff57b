import Foundation
import NhacHanDelivery
import NhacHanTestSupport
import Testing

@Suite("SMTP transport against a loopback aiosmtpd", .timeLimit(.minutes(1)))
struct SMTPTransportTests {
    @Test("a Vietnamese message arrives over STARTTLS with AUTH, decoded exactly")
    func startTLSDelivery() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(settings: Fixtures.smtpSettings(port: server.port))
        let message = try Fixtures.email(key: "k-1")
        let results = await transport.send([message])

        #expect(results.count == 1)
        #expect(results[0].outcome.isDelivered, "\(results[0].outcome)")
        let received = try server.messages()
        try #require(received.count == 1)
        let got = received[0]
        #expect(got.tls == true)
        #expect(got.auth_user == "nhachan")
        #expect(got.mail_from == "nhachan@binhson.example.gov.vn")
        #expect(got.rcpt_tos == ["gddt@binhson.example.gov.vn", "vp@binhson.example.gov.vn"])
        #expect(got.subject == message.subject.precomposedStringWithCanonicalMapping)
        #expect(got.to == "Phòng Giáo dục và Đào tạo <gddt@binhson.example.gov.vn>")
        #expect(got.cc == "vp@binhson.example.gov.vn")
        #expect(got.text == message.textBody + "\n")
        #expect(got.html == message.htmlBody + "\n")
        #expect(got.defects == [])
        #expect((got.max_line_octets ?? 999) < 78)
        #expect(got.message_id == message.messageID)
        #expect(got.auto_submitted == "auto-generated")
    }
}
