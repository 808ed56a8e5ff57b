import Foundation
import NhacHanCore
import NhacHanDelivery
import NhacHanTestSupport
import Testing

@Suite("SMTP transport against a loopback aiosmtpd", .timeLimit(.minutes(2)))
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
        #expect(got.content_type == "multipart/alternative")
    }

    @Test("a rendered reminder arrives exactly as the templates rendered it")
    func renderedReminder() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let items = [Fixtures.item(), Fixtures.item(action: "Gửi danh sách đối tượng", daysLeft: -1, stage: .overdue)]
        let rendered = try ReminderTemplates.defaults.render(Fixtures.content(items: items))
        let message = EmailMessage.reminder(
            from: try Mailbox(parsing: "Nhắc hạn UBND huyện <nhachan@binhson.example.gov.vn>"),
            to: [try Mailbox(displayName: "UBND xã Bình Châu", address: "binhchau@binhson.example.gov.vn")],
            rendered: rendered, idempotencyKey: "reminder-1")
        let results = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send([message])
        #expect(results[0].outcome.isDelivered)
        let got = try #require(try server.messages().first)
        #expect(got.subject == rendered.subject)
        #expect(got.text == rendered.text)
        #expect(got.html == rendered.html)
        #expect(got.to == "UBND xã Bình Châu <binhchau@binhson.example.gov.vn>")
    }

    @Test("a batch goes over one connection, one message per call")
    func batchOneConnection() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let messages = try (1...5).map { try Fixtures.email(key: "batch-\($0)") }
        let results = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send(messages)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let received = try server.messages()
        #expect(received.map(\.message_id) == messages.map(\.messageID))
        #expect(Set(received.compactMap(\.peer_port)).count == 1)
    }

    @Test("smtps:// delivers over implicit TLS")
    func implicitTLS() async throws {
        let server = try SMTPTestServer({ var o = SMTPTestServer.Options(); o.tls = .implicit; return o }())
        defer { server.stop() }
        let settings = try Fixtures.smtpSettings(port: server.port, scheme: "smtps")
        let results = try await SMTPTransport(settings: settings).send([try Fixtures.email(key: "smtps")])
        #expect(results[0].outcome.isDelivered, "\(results[0].outcome)")
        #expect(try server.messages().first?.tls == true)
    }

    @Test("a 550 for one recipient fails that recipient only; the others get the message")
    func oneRecipientRefused() async throws {
        var options = SMTPTestServer.Options()
        options.rejectRecipients = ["khongco@binhson.example.gov.vn"]
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let message = try Fixtures.email(key: "rcpt", to: ["gddt@binhson.example.gov.vn", "khongco@binhson.example.gov.vn"])
        let result = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send([message])[0]
        #expect(result.outcome(for: "gddt@binhson.example.gov.vn")?.isDelivered == true)
        #expect(result.outcome(for: "vp@binhson.example.gov.vn")?.isDelivered == true)
        guard case .permanent(_, let response)? = result.outcome(for: "khongco@binhson.example.gov.vn") else {
            Issue.record("expected permanent, got \(String(describing: result.outcome(for: "khongco@binhson.example.gov.vn")))")
            return
        }
        #expect(response?.status == 550)
        let received = try server.messages()
        #expect(received.count == 1)
        #expect(received.first?.rcpt_tos == ["gddt@binhson.example.gov.vn", "vp@binhson.example.gov.vn"])
    }

    @Test("421 at MAIL and 451 after DATA are transient", arguments: [(421, "mail"), (451, "data")])
    func transientReplies(_ row: (Int, String)) async throws {
        var options = SMTPTestServer.Options()
        if row.1 == "mail" { options.failMail = row.0 } else { options.failData = row.0 }
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let result = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send([try Fixtures.email(key: "t")])[0]
        guard case .transient(_, _, let response) = result.outcome else {
            Issue.record("expected transient, got \(result.outcome)")
            return
        }
        #expect(response?.status == row.0)
        #expect(result.recipients.allSatisfy { $0.outcome.shouldRetry })
        #expect(try server.messages().isEmpty)
    }

    @Test("a certificate not signed by the configured CA is refused, permanently")
    func untrustedCertificate() async throws {
        var options = SMTPTestServer.Options()
        options.rogueCertificate = true
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let result = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send([try Fixtures.email(key: "rogue")])[0]
        guard case .permanent(let reason, _) = result.outcome else {
            Issue.record("expected permanent, got \(result.outcome)")
            return
        }
        #expect(reason.contains("certificate"))
        #expect(try server.messages().isEmpty)
    }

    @Test("STARTTLS required but not offered is refused, permanently, before AUTH")
    func startTLSNotOffered() async throws {
        var options = SMTPTestServer.Options()
        options.tls = .none
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let result = try await SMTPTransport(settings: Fixtures.smtpSettings(port: server.port)).send([try Fixtures.email(key: "plain")])[0]
        guard case .permanent(let reason, _) = result.outcome else {
            Issue.record("expected permanent, got \(result.outcome)")
            return
        }
        #expect(reason.contains("STARTTLS"))
        #expect(try server.records().allSatisfy { $0.event != "auth" })
    }

    @Test("starttls: off works on loopback, without a password")
    func plainLoopback() async throws {
        var options = SMTPTestServer.Options()
        options.tls = .none
        options.auth = nil
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let settings = try Fixtures.smtpSettings(port: server.port, startTLS: .off, auth: false)
        let result = try await SMTPTransport(settings: settings).send([try Fixtures.email(key: "plain-ok")])[0]
        #expect(result.outcome.isDelivered, "\(result.outcome)")
        #expect(try server.messages().first?.tls == false)
    }

    @Test("connection refused is transient")
    func connectionRefused() async throws {
        let settings = try Fixtures.smtpSettings(port: closedLoopbackPort())
        let result = try await SMTPTransport(settings: settings).send([try Fixtures.email(key: "refused")])[0]
        #expect(result.outcome.shouldRetry, "\(result.outcome)")
    }

    @Test("settings: starttls off is refused for a remote host; the password is read only by the transport, and a missing one is an error")
    func settingsValidation() throws {
        var settings = try Fixtures.smtpSettings(port: 25, startTLS: .off)
        settings.url = "smtp://mail.example.gov.vn:25"
        #expect(throws: TransportConfigurationError.self) { try settings.validate() }
        settings.startTLS = .required
        try settings.validate()
        #expect(!"\(settings)".contains("mật-khẩu-thử"))
        let transport = try SMTPTransport(settings: settings)
        #expect(!"\(transport)".contains("mật-khẩu-thử"))
        settings.password = .environment("NHACHAN_TEST_UNSET_PASSWORD")
        #expect(throws: Secrets.Missing.self) { try SMTPTransport(settings: settings, environment: [:]) }
        settings.url = "http://mail.example.gov.vn"
        #expect(throws: TransportConfigurationError.self) { try settings.validate() }
    }
}
