import Foundation
import NhacHanTestSupport
import Testing

/// The demo district's March-April 2024 campaign, day by day, against loopback receivers.
extension EndToEnd {
@Suite("A campaign over the demo district", .timeLimit(.minutes(5)))
struct CampaignTests {
    static let secret = "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu"

    /// The demo district copied to a temporary folder, pointed at the test servers.
    func demoCopy(smtpPort: Int, httpPort: Int) throws -> String {
        let folder = NSTemporaryDirectory() + "nhachan-campaign-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try fm.copyItem(atPath: BinaryRunner.repository.appendingPathComponent("examples/demo").path, toPath: folder + "/demo")
        try fm.copyItem(atPath: BinaryRunner.repository.appendingPathComponent("examples/seeds").path, toPath: folder + "/seeds")
        try "mật-khẩu-thử\n".write(toFile: folder + "/demo/secrets/smtp.password", atomically: true, encoding: .utf8)
        let pki = try TestPKI.shared()
        for file in ["nhachan.yaml", "units.yaml"] {
            let path = folder + "/demo/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "127.0.0.1:2525", with: "127.0.0.1:\(smtpPort)")
                .replacingOccurrences(of: "127.0.0.1:18080", with: "127.0.0.1:\(httpPort)")
                .replacingOccurrences(of: "  password_file: secrets/smtp.password", with: "  password_file: secrets/smtp.password\n  ca_file: \(pki.caFile)")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder + "/demo/nhachan.yaml"
    }

    func run(_ args: [String]) throws -> String {
        let result = try BinaryRunner.run(args)
        #expect(result.status == 0, "\(args): \(result.stderr)")
        return result.stdout
    }

    func json(_ text: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    @Test("each unit receives exactly what plan predicted, one email and one webhook call per instant, and nothing after its ack")
    func campaign() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let hook = try HTTPTestServer(secret: Self.secret)
        defer { hook.stop() }
        let config = try demoCopy(smtpPort: smtp.port, httpPort: hook.port)

        let planned = try json(run(["plan", "-c", config, "--now", "2024-03-01", "--to", "2024-04-30", "--format", "json"]))
        let ackAt = "2024-03-26T10:00:00+07:00"
        var day = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2024, month: 3, day: 1).date!
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        while formatter.string(from: day) <= "2024-04-30" {
            let stamp = formatter.string(from: day)
            _ = try run(["tick", "-c", config, "--now", "\(stamp)T08:00"])
            if stamp == "2024-03-26" {
                _ = try run(["ack", "-c", config, "--directive", "ctxh-2024-huyen", "--unit", "xa-binh-chau", "--task", "bao-cao", "--at", ackAt])
            }
            day = day.addingTimeInterval(86_400)
        }
        let again = try run(["tick", "-c", config, "--now", "2024-04-30T08:00"])
        #expect(again.contains("đã gửi 0") && again.contains("0 mới vào hàng đợi"))

        // Expected: the plan, less what the ack stops.
        var expected: [String: [String]] = [:]  // "unit send_at" -> stage keys
        var escalations: [String: Int] = [:]
        for message in planned {
            let unit = message["unit"] as! String, sendAt = message["send_at"] as! String
            var items = message["items"] as! [[String: Any]]
            if unit == "xa-binh-chau" && sendAt >= ackAt {
                items.removeAll { ($0["directive"] as! String) == "ctxh-2024-huyen" && ($0["task"] as! String) == "bao-cao" }
            }
            guard !items.isEmpty else { continue }
            expected["\(unit) \(sendAt)"] = items.map { "\($0["directive"]!)/\($0["task"]!)/\($0["stage"]!)" }
            if items.contains(where: { ($0["stage"] as! String) == "escalation" }) { escalations[unit, default: 0] += 1 }
        }
        let outbox = try json(run(["outbox", "-c", config, "--format", "json"]))
        #expect(outbox.allSatisfy { ($0["state"] as! String) == "sent" })
        let sentEmails = outbox.filter { ($0["channel"] as! String) == "email" && ($0["role"] as! String) == "to" }
        let sentKeys = Set(sentEmails.map { "\($0["unit"]!) \($0["send_at"]!)" })
        #expect(sentKeys == Set(expected.keys))

        // The email receiver got one message per unit and instant, to the unit's own address.
        let unitOfAddress = Dictionary(sentEmails.map { ($0["target"] as! String, $0["unit"] as! String) }, uniquingKeysWith: { a, _ in a })
        let received = try smtp.messages()
        #expect(received.count == expected.count)
        let perUnit = Dictionary(grouping: received) { unitOfAddress[$0.rcpt_tos?.first ?? ""] ?? "?" }.mapValues(\.count)
        let expectedPerUnit = Dictionary(grouping: expected.keys) { String($0.split(separator: " ")[0]) }.mapValues(\.count)
        #expect(perUnit == expectedPerUnit, "\(received.filter { unitOfAddress[$0.rcpt_tos?.first ?? ""] == nil }.map { "\($0.rcpt_tos ?? []) \($0.date ?? "") \($0.subject ?? "")" })")
        #expect(received.allSatisfy { ($0.subject ?? "").hasPrefix("[Nhắc hạn]") })

        // Acked: nothing about the acked task after the ack.
        let after = outbox.filter { ($0["unit"] as! String) == "xa-binh-chau" && ($0["send_at"] as! String) >= ackAt }
        #expect(after.allSatisfy { ($0["stages"] as! [String]).allSatisfy { !$0.hasPrefix("ctxh-2024-huyen/bao-cao/") } })

        // Escalation copies the unit's contacts from the second overdue reminder on; overdue stops at max.
        let ttvhEscalations = received.filter { ($0.rcpt_tos ?? []).contains("giamdoc.ttvh@binhson.example.gov.vn") }
        #expect(escalations["ttvh"] ?? 0 >= 1)
        #expect(ttvhEscalations.count == escalations["ttvh"])
        #expect(ttvhEscalations.allSatisfy { ($0.cc ?? "").contains("giamdoc.ttvh@binhson.example.gov.vn") })
        let gddtOverdue = expected.filter { $0.key.hasPrefix("phong-gddt ") }.values.joined()
            .filter { $0.hasPrefix("ctxh-2024-huyen/bao-cao/") && ($0.hasSuffix("/overdue") || $0.hasSuffix("/escalation")) }
        #expect(gddtOverdue.count == 5)

        // One webhook call per message of the units that have webhooks, each signature valid.
        let calls = try hook.records()
        let hookUnits: Set<String> = ["phong-ldtbxh", "phong-gddt", "xa-binh-an"]
        #expect(calls.count == expected.keys.filter { hookUnits.contains(String($0.split(separator: " ")[0])) }.count)
        #expect(calls.allSatisfy { $0.signature_valid })
        #expect(Set(calls.map { $0.headers["webhook-id"] ?? "" }).count == calls.count)

        // status: the acked unit reported, the others are overdue.
        let status = try json(run(["status", "-c", config, "--directive", "ctxh-2024-huyen", "--now", "2024-04-30T12:00", "--format", "json"]))
        let bao = status.filter { ($0["task"] as! String) == "bao-cao" }
        #expect(bao.first { ($0["unit"] as! String) == "xa-binh-chau" }?["state"] as? String == "reported")
        #expect(bao.first { ($0["unit"] as! String) == "phong-gddt" }?["state"] as? String == "overdue")
        #expect(bao.count == 20)
    }
}
}
