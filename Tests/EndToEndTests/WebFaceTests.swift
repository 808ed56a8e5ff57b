import Foundation
import NhacHanSpawn
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NhacHanTestSupport
import Testing

/// The web face as deployed: inside `nhachan run`, on a simulated clock, with real receivers.
extension EndToEnd {
@Suite("The web face inside run", .serialized, .timeLimit(.minutes(4)))
struct WebFaceTests {
    static func request(_ url: String, method: String = "GET", body: String? = nil) async throws -> (status: Int, text: String, type: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type") ?? "")
    }

    static func links(in text: String, port: Int) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "http://127\\.0\\.0\\.1:\(port)/a/[A-Za-z0-9_.\\-]+")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    @Test("every ack link of a campaign (email text, HTML, webhook) fetched by GET and HEAD records nothing; one POST records one ack and stops that unit; /metrics counts the sends")
    func scannersCannotAck() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hooks = try HTTPTestServer()
        defer { hooks.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-web-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = try DaemonCampaignTests.config(folder: folder, smtpPort: smtp.port)
        let port = closedLoopbackPort()
        try Data((0..<32).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: folder + "/http.key"))
        var yaml = try String(contentsOfFile: config, encoding: .utf8)
        yaml = yaml.replacingOccurrences(
            of: "  - {id: xa-a, name: UBND xã A, email: {to: [ubnd@xa-a.example.gov.vn]}}",
            with: "  - {id: xa-a, name: UBND xã A, email: {to: [ubnd@xa-a.example.gov.vn]}, webhooks: [{url: \"\(hooks.url())\", format: nhachan}]}")
        yaml += "\nhttp: {listen: \"127.0.0.1:\(port)\", public_url: \"http://127.0.0.1:\(port)\", secret_file: http.key}\n"
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["check", "-c", config]).status == 0)

        let daemon = try DaemonProcess(["-c", config, "--now", "2024-03-25T00:00", "--speed", "43200", "--until", "2024-04-06T00:00"], folder: folder)
        func received(_ address: String) throws -> [SMTPTestServer.Record] {
            try smtp.messages().filter { $0.rcpt_tos?.contains(address) == true }
        }
        #expect(try await eventually(30) { try !received("ubnd@xa-b.example.gov.vn").isEmpty && !received("ubnd@xa-a.example.gov.vn").isEmpty && !hooks.records().isEmpty },
                "the first reminders arrive:\n\(daemon.log)")

        var links: [String] = []
        for message in try smtp.messages() where message.rcpt_tos?.contains("vanphong@huyen.example.gov.vn") != true {
            let text = Self.links(in: message.text ?? "", port: port), html = Self.links(in: message.html ?? "", port: port)
            #expect(text.count == 1 && html == text, "one ack link per item, the same in text and HTML")
            links += text
        }
        for record in try hooks.records() {
            let body = try JSONSerialization.jsonObject(with: Data(record.body.utf8)) as? [String: Any]
            let items = body?["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && items.allSatisfy { ($0["ack_url"] as? String)?.hasPrefix("http://127.0.0.1:\(port)/a/") == true })
            #expect((body?["feed_url"] as? String)?.contains("/calendar/xa-a.ics?token=") == true)
            links += items.compactMap { $0["ack_url"] as? String }
        }
        #expect(links.count >= 3)
        for link in links {
            for method in ["GET", "HEAD"] {
                let response = try await Self.request(link, method: method)
                #expect(response.status == 200, "\(method) of a reminder's link")
            }
        }
        let before = try BinaryRunner.run(["status", "-c", config, "--now", "2024-03-25T12:00", "--format", "json"])
        #expect(!before.stdout.contains("\"reported\""), "scanners fetching every link recorded no ack")

        let linkB = try #require(Self.links(in: try received("ubnd@xa-b.example.gov.vn").first?.text ?? "", port: port).first)
        let posted = try await Self.request(linkB, method: "POST", body: "note=B%C3%A1o+c%C3%A1o+s%E1%BB%91+15")
        #expect(posted.status == 200)
        #expect(posted.text.contains("Đã ghi nhận"))
        let again = try await Self.request(linkB, method: "POST", body: "note=l%E1%BA%A7n+hai")
        #expect(again.status == 200)
        let after = try BinaryRunner.run(["status", "-c", config, "--now", "2024-03-26T12:00", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.filter { $0["state"] as? String == "reported" }.map { $0["unit"] as? String } == ["xa-b"], "one POST, one ack")

        let feedLink = try #require(try received("ubnd@xa-a.example.gov.vn").first?.text?.split(separator: "\n").first { $0.contains("/calendar/") }?
            .split(separator: " ").last.map(String.init))
        let feed = try await Self.request(feedLink)
        #expect(feed.status == 200 && feed.type.hasPrefix("text/calendar") && feed.text.contains("BEGIN:VEVENT"))
        let metrics = try await Self.request("http://127.0.0.1:\(port)/metrics")
        #expect(metrics.text.contains("nhachan_sends_total{channel=\"email\",outcome=\"sent\"}"))
        #expect(metrics.text.contains("nhachan_sends_total{channel=\"webhook\",outcome=\"sent\"}"))
        #expect(metrics.text.contains("nhachan_send_duration_seconds_bucket{channel=\"email\""))
        #expect(metrics.text.contains("nhachan_last_tick_timestamp_seconds"))
        let health = try await Self.request("http://127.0.0.1:\(port)/healthz")
        #expect(health.status == 200)

        #expect(await daemon.wait(seconds: 60) == 0, "run --until ends with exit 0:\n\(daemon.log)")
        #expect(try received("ubnd@xa-b.example.gov.vn").count == 1, "nothing more for xa-b after its link was pressed")
        #expect(try received("ubnd@xa-a.example.gov.vn").count > 1, "xa-a, who did not report, is reminded on")
        #expect(!daemon.log.contains("/a/ey") && !daemon.log.contains("token="), "no token in the logs")
    }

    @Test("in headless Chromium: open the ack link of a received email, press the button, see đã ghi nhận; log in, filter, mark by hand; screenshots")
    func browser() throws {
        let screenshots = BinaryRunner.repository.appendingPathComponent(".build/screenshots").path
        let result = try ChildProcess.run(
            "/usr/bin/env", ["python3", BinaryRunner.repository.appendingPathComponent("Tests/Browser/browser_test.py").path,
                             "--binary", BinaryRunner.binary, "--screenshots", screenshots],
            errorToOutput: true)
        #expect(result.status == 0, "\(String(decoding: result.output, as: UTF8.self))")
        for name in ["ack-phone.png", "ack-desktop.png", "status-phone.png", "status-desktop.png"] {
            #expect(FileManager.default.fileExists(atPath: screenshots + "/" + name))
        }
    }
}
}
