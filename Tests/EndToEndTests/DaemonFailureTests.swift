import Foundation
import NhacHanTestSupport
import Testing

/// `nhachan run` against slow and hostile peers, lost state files, bad reloads and dead letters.
extension EndToEnd {
@Suite("The daemon under failure", .serialized, .timeLimit(.minutes(3)))
struct DaemonFailureTests {
    @Test("SIGTERM during a slow SMTP transaction stops run within 2 s, with nothing left in sending")
    func stopDuringSlowSMTP() async throws {
        var options = SMTPTestServer.Options()
        options.slowData = 60
        let smtp = try SMTPTestServer(options)
        defer { smtp.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port)
        let daemon = try DaemonProcess(["-c", fixture.config, "--now", "2024-03-26T07:59:50"], folder: fixture.folder)
        #expect(try await eventually(30) { try smtp.records().contains { $0.event == "slow" } }, "\(daemon.log)")
        let asked = Date()
        daemon.signal(SIGTERM)
        let status = await daemon.wait(seconds: 5)
        let took = Date().timeIntervalSince(asked)
        #expect(status == 0, "\(daemon.log)")
        #expect(took < 2, "stopped \(took) s after SIGTERM")
        let states = try fixture.outbox().compactMap { $0["state"] as? String }
        #expect(!states.isEmpty && !states.contains("sending"), "\(states)")
        #expect(states.allSatisfy { $0 == "pending" }, "the cut email is given back, to be sent again with the same key: \(states)")
    }

    @Test("a webhook answering 429 with an absurd Retry-After crashes nothing and no email is sent twice",
          arguments: ["9223372036854775807", "99999999999999999999999999", "-5", "Sun%2C 06 Nov 999999999999999 08:49:37 GMT", "soon, please"])
    func absurdRetryAfter(_ value: String) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(replies: ["429/" + value.replacingOccurrences(of: ",", with: "%2C")])
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url())
        let daemon = try DaemonProcess(["-c", fixture.config, "--now", "2024-03-26T07:50:00", "--speed", "120", "--until", "2024-03-26T08:20"], folder: fixture.folder)
        #expect(await daemon.wait(seconds: 60) == 0, "run survives Retry-After '\(value)': \(daemon.log)")
        #expect(try hook.records().count >= 1)
        let ids = try smtp.messages().compactMap(\.message_id)
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "an email was sent twice: \(ids)")
        let hooks = try fixture.outbox().filter { $0["channel"] as? String == "webhook" }.compactMap { $0["state"] as? String }
        #expect(!hooks.isEmpty && hooks.allSatisfy { $0 == "retrying" || $0 == "dead" }, "\(hooks)")
    }

    @Test("a state file deleted, emptied or replaced under run stops it with an error; an emptied one is then refused, not re-created",
          arguments: ["deleted", "emptied", "replaced"])
    func stateFileLost(_ how: String) async throws {
        let fixture = try OutboxFixture(smtpPort: closedLoopbackPort())
        let state = fixture.folder + "/nhachan.db"
        let daemon = try DaemonProcess(["-c", fixture.config], folder: fixture.folder)
        #expect(await eventually(10) { FileManager.default.fileExists(atPath: state) && daemon.log.contains("nhachan đang chạy") }, "\(daemon.log)")
        switch how {
        case "deleted": try FileManager.default.removeItem(atPath: state)
        case "emptied": try Data().write(to: URL(fileURLWithPath: state))
        default:
            try FileManager.default.copyItem(atPath: state, toPath: state + ".new")
            try FileManager.default.removeItem(atPath: state)
            try FileManager.default.moveItem(atPath: state + ".new", toPath: state)
        }
        #expect(await daemon.wait(seconds: 3) == 1, "run must stop with an error: \(daemon.log)")
        #expect(daemon.log.contains("trạng thái không còn dùng được"), "\(daemon.log)")
        if how == "emptied" {
            let status = try BinaryRunner.run(["status", "-c", fixture.config])
            #expect(status.status == 1)
            #expect(status.stderr.contains("rỗng"), "\(status.stderr)")
            #expect((try FileManager.default.attributesOfItem(atPath: state)[.size] as? Int) == 0, "the empty file is left for the operator")
        }
    }

    @Test("the state file is created 0600")
    func privateStateFile() async throws {
        let fixture = try OutboxFixture(smtpPort: closedLoopbackPort())
        try fixture.run(["status"])
        #expect((try FileManager.default.attributesOfItem(atPath: fixture.folder + "/nhachan.db")[.posixPermissions] as? Int) == 0o600)
    }

    @Test("SIGHUP with a CA file that is not PEM keeps the last good config running, and says why")
    func reloadWithBadCAFile() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port)
        let daemon = try DaemonProcess(["-c", fixture.config, "--now", "2024-03-26T07:58:00", "--speed", "30", "--until", "2024-03-26T08:01"], folder: fixture.folder)
        #expect(await eventually(10) { daemon.log.contains("nhachan đang chạy") }, "\(daemon.log)")
        try "không phải PEM\n".write(toFile: fixture.folder + "/bad-ca.pem", atomically: true, encoding: .utf8)
        let yaml = try String(contentsOfFile: fixture.config, encoding: .utf8)
        let broken = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("ca_file:") ? "  ca_file: bad-ca.pem" : String($0) }.joined(separator: "\n")
        try broken.write(toFile: fixture.config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await daemon.wait(seconds: 20) == 0, "\(daemon.log)")
        #expect(daemon.log.contains("giữ cấu hình cũ"), "\(daemon.log)")
        #expect(try smtp.messages().count >= 1, "the 08:00 reminder still goes out on the last good config")
    }

    @Test("retry re-sends a dead letter once its cause is fixed, and a running daemon picks it up")
    func retryDeadLetter() async throws {
        var refusing = SMTPTestServer.Options()
        refusing.failData = 554
        let failing = try SMTPTestServer(refusing)
        let port = failing.port
        let fixture = try OutboxFixture(smtpPort: port)
        _ = try fixture.tick("2024-03-26T08:00")
        #expect(try fixture.outbox(state: "dead").count == 2)  // to and cc of one email
        failing.stop()

        var fixed = SMTPTestServer.Options()
        fixed.port = port
        let smtp = try SMTPTestServer(fixed)
        defer { smtp.stop() }
        // The daemon is already running, asleep: `retry` beside it makes the letters due, and it
        // notices within seconds.
        let daemon = try DaemonProcess(["-c", fixture.config, "--now", "2024-03-26T08:05", "--until", "2024-03-26T08:05:25"], folder: fixture.folder)
        #expect(await eventually(10) { daemon.log.contains("nhachan đang chạy") }, "\(daemon.log)")
        let retry = try fixture.run(["retry", "--unit", "xa-a"])
        #expect(retry.stdout.contains("đã đưa lại 2 tin"), "\(retry.stdout)")
        #expect(try await eventually(15) { try smtp.messages().count == 1 }, "the running daemon sends the re-queued letter: \(daemon.log)")
        #expect(await daemon.wait(seconds: 30) == 0, "\(daemon.log)")
        #expect(try smtp.messages().count == 1)
        #expect(try fixture.outbox(state: "dead").isEmpty)
        #expect(try fixture.run(["retry"]).stdout.contains("đã đưa lại 0 tin"))
    }

    @Test("webhook URLs are redacted in outbox, and read-only commands and ack need no delivery secret")
    func secretsStayHidden() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer()
        defer { hook.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, webhook: hook.url("/hooks/bot123456:ABCsecret/send?token=s3cr3t"))
        _ = try fixture.tick("2024-03-26T08:00")
        let table = try fixture.run(["outbox"]).stdout
        let json = try fixture.run(["outbox", "--format", "json"]).stdout
        for text in [table, json] {
            #expect(!text.contains("s3cr3t") && !text.contains("ABCsecret"), "\(text)")
        }
        #expect(try hook.records().first?.path.contains("token=s3cr3t") == true, "the real URL is still used to send")
        try FileManager.default.removeItem(atPath: fixture.folder + "/smtp.password")
        try FileManager.default.removeItem(atPath: fixture.folder + "/hook.secret")
        for command in [["status"], ["outbox"], ["plan", "--now", "2024-03-26T00:00"], ["ack", "--directive", "cv-1", "--unit", "xa-a", "--at", "2024-03-26T09:00"]] {
            try fixture.run(command)
        }
    }
}
}
