import Foundation
import Testing

extension EndToEnd {
@Suite("The Vietnamese calendar through the binary")
struct CalendarCommandTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "nhachan-cal-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a before-stage that would fall on Tết 2025 moves to the last working day before Tết")
    func tetMovesBeforeStage() throws {
        let result = try BinaryRunner.run([
            "plan", "-c", "examples/demo/nhachan.yaml", "--now", "2025-01-10", "--to", "2025-02-28", "--unit", "xa-binh-chau", "--format", "json",
        ])
        #expect(result.status == 0)
        let messages = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let sendDays = messages.map { String(($0["send_at"] as! String).prefix(10)) }
        // before 07/02/2025: last day 6/2; 7 days before is 30/1, in Tết (27-31/1): sent on Friday 24/1.
        #expect(sendDays.first == "2025-01-24")
        #expect(!sendDays.contains { $0 >= "2025-01-25" && $0 <= "2025-02-02" })
    }

    @Test("holidays --config adds the config's own days off and working days")
    func holidaysWithOverrides() throws {
        let config = try write("""
            calendar:
              days_off: [{date: 2025-03-07, name: "Nghỉ theo quyết định của tỉnh"}]
              working_days: [{date: 2025-03-08, name: "Làm bù"}]
            units: [{id: xa-a, name: UBND xã A}]
            """)
        let result = try BinaryRunner.run(["holidays", "--year", "2025", "--format", "json", "-c", config])
        #expect(result.status == 0)
        let days = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(days.contains { $0["date"] as? String == "2025-03-07" && $0["kind"] as? String == "holiday" })
        #expect(days.contains { $0["date"] as? String == "2025-03-08" && $0["kind"] as? String == "weekend_work" })
    }

    @Test("check warns when a deadline falls in a year without a shipped government announcement, at its due: and naming the directive and task")
    func unannouncedYearWarning() throws {
        let config = try write("""
            units: [{id: xa-a, name: UBND xã A}]
            directives:
              - {id: cv, issuer: UBND, subject: s, tasks: [{id: t, units: [xa-a], action: a, due: {before: 2027-03-01}}]}
            """)
        let result = try BinaryRunner.run(["check", "-c", config, "--now", "2026-11-25"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(config):3:87: warning: hạn của nhiệm vụ 't' (văn bản 'cv') rơi vào năm 2027"), "\(result.stderr)")
    }

    @Test("holidays --lunar gives the Vietnamese lunar date, and bad input exits 2", arguments: [
        ("2024-02-10", 0, "Mùng 1 tháng Giêng năm Giáp Thìn"), ("2024-02-30", 2, "2024-02-30"), ("x", 2, "'x'"),
    ])
    func lunar(_ input: String, _ status: Int32, _ text: String) throws {
        let result = try BinaryRunner.run(["holidays", "--lunar", input])
        #expect(result.status == status)
        #expect((status == 0 ? result.stdout : result.stderr).contains(text))
    }
}
}
