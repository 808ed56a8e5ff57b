import Foundation
import Hummingbird
import HummingbirdTesting
import NhacHanServer
import NhacHanStore
import Testing

@Suite("Exports and calendar feeds")
struct ExportAndFeedTests {
    @Test("the CSV starts with a UTF-8 BOM and holds the status rows with unit name, reported_at and working days late")
    func csv() async throws {
        let fixture = try ServerFixture(start: "2024-04-03T09:00")
        // xa-a reported on the third working day after its last day (Thu 28/3): Fri 29/3, Mon 1/4, Tue 2/4.
        try await fixture.store.ack(AckRecord(
            directive: "cv-1", task: "bao-cao", unit: "xa-a", occurrence: "2024-03-29",
            at: fixture.zone.unix(fixture.zone.parse("2024-04-02T10:00")!), how: "link", note: "=HYPERLINK(\"x\")"))
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/status.csv?directive=cv-1", method: .get, headers: basic("vanphong", ServerFixture.password))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(response.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let parsed = try ServerFixture.python(
                "import csv,sys,json; rows=list(csv.DictReader(sys.stdin.read().lstrip('\\ufeff').splitlines())); print(json.dumps(rows))",
                input: Array(bytes))
            #expect(parsed.status == 0, "\(parsed.output)")
            let rows = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [[String: String]] ?? []
            #expect(rows.count == 2)
            let a = try #require(rows.first { $0["unit"] == "xa-a" })
            #expect(a["state"] == "reported_late")
            #expect(a["unit_name"] == "UBND xã A")
            #expect(a["reported_at"] == "10:00 2/4/2024")
            #expect(a["working_days_late"] == "3")
            #expect(a["note"] == "'=HYPERLINK(\"x\")", "a note is never a formula")
            let b = try #require(rows.first { $0["unit"] == "xa-b" })
            #expect(b["state"] == "overdue")
            #expect(b["unit_name"] == "UBND xã B, huyện \"Bình\"")
            #expect(b["working_days_late"] == "4", "29/3, 1/4, 2/4 and today 3/4")
        }
    }

    @Test("the XLSX is a real spreadsheet that openpyxl reads, with the same rows")
    func xlsx() async throws {
        let fixture = try ServerFixture(start: "2024-04-03T09:00")
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/status.xlsx?directive=cv-1", method: .get, headers: basic("vanphong", ServerFixture.password))
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]?.contains(".xlsx") == true)
            let parsed = try ServerFixture.python(
                """
                import io,sys,json,openpyxl
                wb=openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
                ws=wb.active
                print(json.dumps({"title": ws.title, "rows": [[c.value for c in r] for r in ws.iter_rows()]}))
                """, input: Array(response.body.readableBytesView))
            #expect(parsed.status == 0, "\(parsed.output)")
            let sheet = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: Any] ?? [:]
            #expect(sheet["title"] as? String == "Tình hình báo cáo")
            let rows = sheet["rows"] as? [[Any]] ?? []
            #expect(rows.count == 3)
            #expect(rows.first?.first as? String == "directive")
            #expect(rows.dropFirst().contains { $0[5] as? String == "UBND xã B, huyện \"Bình\"" && $0[8] as? String == "overdue" })
            #expect(rows.dropFirst().allSatisfy { $0[14] is Int }, "working days late is a number")
        }
    }

    @Test("a unit's feed is RFC 5545 that Python's icalendar parses: one event per deadline on its last working day, with stable UIDs")
    func feed() async throws {
        let fixture = try ServerFixture()
        let token = fixture.links.feedToken(unit: "xa-a")
        try await fixture.withServer { client in
            let first = try await client.execute(uri: "/calendar/xa-a.ics?token=\(token)", method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "text/calendar; charset=utf-8")
            let script = """
                import sys,json
                from icalendar import Calendar
                cal=Calendar.from_ical(sys.stdin.buffer.read())
                print(json.dumps([{"uid": str(e["UID"]), "start": e.decoded("DTSTART").isoformat(), "summary": str(e["SUMMARY"])} for e in cal.walk("VEVENT")]))
                """
            let parsed = try ServerFixture.python(script, input: Array(first.body.readableBytesView))
            #expect(parsed.status == 0, "\(parsed.output)")
            let events = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [[String: String]] ?? []
            #expect(events.contains { $0["uid"] == "cv-1/bao-cao/2024-03-29/xa-a@nhachan" && $0["start"] == "2024-03-28" })
            #expect(events.contains { $0["uid"] == "kh-2/thang/2024-04-20/xa-a@nhachan" && $0["start"] == "2024-04-19" }, "20/4/2024 is a Saturday")
            #expect(events.allSatisfy { $0["summary"]?.hasPrefix("Hạn: ") == true })
            #expect(!events.contains { $0["uid"]?.hasSuffix("/xa-b@nhachan") == true })
            let second = try await client.execute(uri: "/calendar/xa-a.ics?token=\(token)", method: .get)
            let again = try ServerFixture.python(script, input: Array(second.body.readableBytesView))
            let uids = { (text: String) in
                ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: String]] ?? []).map { $0["uid"] ?? "" }
            }
            #expect(uids(again.output) == uids(parsed.output), "the same UIDs on every fetch")

            for bad in ["/calendar/xa-b.ics?token=\(token)", "/calendar/xa-a.ics?token=x", "/calendar/xa-a.ics",
                        "/calendar/xa-a.ics?token=\(fixture.ackToken())"] {
                let refused = try await client.execute(uri: bad, method: .get)
                #expect(refused.status == .forbidden, "\(bad)")
            }
        }
    }
}
