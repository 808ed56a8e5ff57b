import Foundation
import NhacHanTestSupport
import Testing

/// `nhachan run` as a district deploys it, on a simulated clock, with the CLI used beside it.
extension EndToEnd {
@Suite("The daemon runs a campaign", .serialized, .timeLimit(.minutes(3)))
struct DaemonCampaignTests {
    static func config(folder: String, smtpPort: Int) throws -> String {
        let pki = try TestPKI.shared()
        try "mật-khẩu-thử\n".write(toFile: folder + "/smtp.password", atomically: true, encoding: .utf8)
        let path = folder + "/nhachan.yaml"
        try """
            smtp:
              url: smtp://127.0.0.1:\(smtpPort)
              from: "Nhắc hạn UBND huyện <nhachan@huyen.example.gov.vn>"
              username: nhachan
              password_file: smtp.password
              ca_file: \(pki.caFile)
              timeout: 20
            coordinator: {name: Văn phòng UBND huyện, email: [vanphong@huyen.example.gov.vn], digest_at: "16:30"}
            policies:
              p: {send_at: "08:00", before: [3wd], on_due_day: true, overdue: {every: 1wd, max: 3}}
            default_policy: p
            units:
              - {id: xa-a, name: UBND xã A, email: {to: [ubnd@xa-a.example.gov.vn]}}
              - {id: xa-b, name: UBND xã B, email: {to: [ubnd@xa-b.example.gov.vn]}}
            groups:
              - {id: cac-xa, name: UBND các xã, members: [xa-a, xa-b]}
            directives:
              - id: cv-1
                number: 12/UBND-VP
                issuer: UBND huyện
                issued: 2024-03-01
                subject: "V/v báo cáo thử"
                tasks:
                  - {id: bao-cao, units: [cac-xa], action: Báo cáo kết quả, report_to: UBND huyện, due: {before: 2024-03-29}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("run delivers what plan predicts, one digest per working day, and ack, status, outbox and plan work beside it; an ack stops that unit at once")
    func campaign() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let folder = NSTemporaryDirectory() + "nhachan-daemon-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = try Self.config(folder: folder, smtpPort: smtp.port)

        let planned = try BinaryRunner.run(["plan", "-c", config, "--now", "2024-03-25T00:00", "--to", "2024-04-05", "--format", "json"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let messages = try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [[String: Any]] ?? []
        let plannedFor = { (unit: String) in messages.filter { $0["unit"] as? String == unit }.compactMap { $0["send_at"] as? String } }
        #expect(plannedFor("xa-a").count >= 4)  // 3wd before, the due day, the overdue series

        // Half a simulated day per real second: 25/3 to 6/4 in about 24 s.
        let daemon = try DaemonProcess(["-c", config, "--now", "2024-03-25T00:00", "--speed", "43200", "--until", "2024-04-06T00:00"], folder: folder)
        func received(_ address: String) throws -> [SMTPTestServer.Record] {
            try smtp.messages().filter { $0.rcpt_tos?.contains(address) == true }
        }
        // The first reminder to xa-b (25/3 08:00, three working days before the last day 28/3) arrives;
        // the commune reports, through the CLI, while run is running.
        #expect(try await eventually(20) { try !received("ubnd@xa-b.example.gov.vn").isEmpty })
        let ack = try BinaryRunner.run(["ack", "-c", config, "--directive", "cv-1", "--unit", "xa-b", "--at", "2024-03-25T09:00", "--note", "đã gửi qua e-office"])
        #expect(ack.status == 0, "ack while run runs: \(ack.stderr)")
        for readOnly in [["status", "--now", "2024-03-25T10:00"], ["outbox"], ["plan", "--now", "2024-03-25T10:00"]] {
            let result = try BinaryRunner.run([readOnly[0], "-c", config] + readOnly.dropFirst())
            #expect(result.status == 0, "\(readOnly[0]) while run runs: \(result.stderr)")
        }
        let status = try BinaryRunner.run(["status", "-c", config, "--now", "2024-03-26T10:00", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.first { $0["unit"] as? String == "xa-b" }?["state"] as? String == "reported")
        #expect(rows.first { $0["unit"] as? String == "xa-a" }?["state"] as? String == "due_soon")

        #expect(await daemon.wait(seconds: 60) == 0, "run --until ends with exit 0:\n\(daemon.log)")
        #expect(try received("ubnd@xa-a.example.gov.vn").count == plannedFor("xa-a").count, "xa-a receives exactly what plan predicted")
        #expect(try received("ubnd@xa-b.example.gov.vn").count == 1, "nothing more for xa-b after its ack")
        let digests = try received("vanphong@huyen.example.gov.vn").compactMap(\.subject)
        let workingDays = ["25/3", "26/3", "27/3", "28/3", "29/3", "1/4", "2/4", "3/4", "4/4", "5/4"]
        #expect(digests == workingDays.map { "[Nhắc hạn] Tổng hợp ngày \($0)/2024" }, "one digest per working day, none on the weekend")
        let outbox = try BinaryRunner.run(["outbox", "-c", config, "--format", "json"])
        let states = (try JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["state"] as? String }
        #expect(!states.contains("sending") && !states.contains("pending"))
    }

    @Test("open-ended daily, weekly, monthly and yearly rules: plan without --to is bounded, run sleeps between wakes and stops on SIGTERM within 2 s")
    func openEndedRules() async throws {
        let folder = NSTemporaryDirectory() + "nhachan-open-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/nhachan.yaml"
        let rules = ["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"]
        try """
            smtp: {url: "smtp://127.0.0.1:\(closedLoopbackPort())", from: "Nhắc hạn <nhachan@huyen.example.gov.vn>", starttls: off}
            policies:
              p: {send_at: "08:00", before: [1wd], overdue: {every: 1wd, max: 1}}
            default_policy: p
            units:
              - {id: xa-a, name: UBND xã A, email: {to: [ubnd@xa-a.example.gov.vn]}}
            directives:
              - id: dinh-ky
                issuer: UBND huyện
                subject: "V/v báo cáo định kỳ"
                tasks:
            \(rules.enumerated().map { "      - {id: t\($0.offset), units: [xa-a], action: Báo cáo, due: {every: \"\($0.element)\", start: 2020-01-01, kind: before}}" }.joined(separator: "\n"))
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let started = Date()
        let plan = try BinaryRunner.run(["plan", "-c", config, "--format", "json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(seconds < 5, "plan without --to took \(seconds) s")
        let messages = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(messages.count > 200 && messages.count < 800, "a year of daily, weekly, monthly and yearly reminders, not \(messages.count)")

        let daemon = try DaemonProcess(["-c", config], folder: folder)
        try await Task.sleep(for: .seconds(4))
        #expect(daemon.process.isRunning, "\(daemon.log)")
        let cpu = daemon.cpuSeconds
        #expect(cpu >= 0 && cpu < 1.5, "run used \(cpu) s of CPU in 4 s")
        daemon.signal(SIGTERM)
        #expect(await daemon.wait(seconds: 2) == 0, "SIGTERM: \(daemon.log)")
    }
}
}
