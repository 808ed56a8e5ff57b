import Foundation
import Testing

extension EndToEnd {
@Suite("nhachan check and plan, run as a binary")
struct CheckAndPlanTests {
    let demo = "examples/demo/nhachan.yaml"

    @Test("check on the demo district prints a one-line summary and a warning per undated obligation")
    func checkDemo() throws {
        let result = try BinaryRunner.run(["check", "-c", demo, "--now", "2024-03-01"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(demo): hợp lệ: 33 đơn vị, 7 nhóm, "))
        #expect(result.stdout.split(separator: "\n").count == 1)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("001-bs-550-2022.yaml:") && $0.contains("theo đúng thời gian quy định") })
    }

    @Test("plan --format json of the demo district, March-April 2022 and 2024, equals the golden files", arguments: ["2022", "2024"])
    func planGolden(year: String) throws {
        let result = try BinaryRunner.run(["plan", "-c", demo, "--now", "\(year)-03-01", "--to", "\(year)-04-30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        assertGolden(result.stdout, named: "demo-\(year)-03.plan.json")
    }

    @Test("plan as a table reads in Vietnamese with weekday dates")
    func planTable() throws {
        let result = try BinaryRunner.run(["plan", "-c", demo, "--now", "2024-03-01", "--to", "2024-04-30", "--unit", "xa-binh-chau"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Thứ Năm, 28/3/2024 08:00  UBND xã Bình Châu (xa-binh-chau)"))
        #expect(result.stdout.contains("hạn: trước ngày 29/3/2024 (Thứ Sáu), hôm nay là ngày cuối"))
        assertGolden(result.stdout, named: "demo-2024-03.xa-binh-chau.plan.txt")
    }

    @Test("plan as iCalendar has one event per deadline and unit, an alarm per reminder, CRLF lines of at most 75 octets")
    func planICS() throws {
        let result = try BinaryRunner.run(["plan", "-c", demo, "--now", "2024-03-01", "--to", "2024-04-30", "--unit", "phong-gddt", "--format", "ics"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!result.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let events = lines.filter { $0 == "BEGIN:VEVENT" }.count
        let alarms = lines.filter { $0 == "BEGIN:VALARM" }.count
        let json = try BinaryRunner.run(["plan", "-c", demo, "--now", "2024-03-01", "--to", "2024-04-30", "--unit", "phong-gddt", "--format", "json"])
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(alarms == items.reduce(0) { $0 + ($1["items"] as! [Any]).count })
        #expect(events == 3)  // bao-cao 000, ngay-ctxh 000, bao-cao 002
    }

    @Test("a bad --now or --unit is invalid input: exit 2 with a clear message")
    func badArguments() throws {
        let now = try BinaryRunner.run(["plan", "-c", demo, "--now", "2024-02-30"])
        #expect(now.status == 2)
        #expect(now.stderr.contains("--now '2024-02-30'"))
        let unit = try BinaryRunner.run(["plan", "-c", demo, "--unit", "xa-khong-co"])
        #expect(unit.status == 2)
        let option = try BinaryRunner.run(["plan", "--bogus"])
        #expect(option.status == 2)
    }
}
}
