import NhacHanCore
import Foundation
import NhacHanDelivery
import Testing

@Suite("Vietnamese reminder templates")
struct ReminderTemplatesTests {
    @Test("one item: the subject leads with the days left and ends with the directive number")
    func singleSubject() throws {
        let rendered = try ReminderTemplates.defaults.render(Fixtures.content())
        #expect(rendered.subject == "[Nhắc hạn] Còn 3 ngày: Báo cáo tình hình và kết quả triển khai thực hiện (550/UBND-VX)")
    }

    @Test("several items: the subject counts them, and overdue ones")
    func groupedSubject() throws {
        let items = [Fixtures.item(daysLeft: -2, stage: .overdue), Fixtures.item(), Fixtures.item(daysLeft: 5)]
        #expect(try ReminderTemplates.defaults.render(Fixtures.content(items: items)).subject
            == "[Nhắc hạn] 3 việc cần báo cáo, 1 việc đã quá hạn")
        #expect(try ReminderTemplates.defaults.render(Fixtures.content(items: [Fixtures.item(), Fixtures.item()])).subject
            == "[Nhắc hạn] 2 việc sắp đến hạn")
    }

    @Test("the text body shows the deadline as written with its weekday, days left and whom to report to")
    func textBody() throws {
        let text = try ReminderTemplates.defaults.render(Fixtures.content()).text
        #expect(text.contains("Kính gửi: UBND xã Bình Châu"))
        #expect(text.contains("- Văn bản: số 550/UBND-VX, V/v tổ chức"))
        #expect(text.contains("- Hạn: trước ngày 08/4/2022 (Thứ Sáu); ngày làm việc cuối: Thứ Năm, 07/4/2022"))
        #expect(text.contains("- Tình trạng: còn 3 ngày"))
        #expect(text.contains("- Báo cáo về: UBND huyện (qua Phòng Lao động - Thương binh và Xã hội)"))
        #expect(!text.contains("&amp;") && !text.contains("{{"))
    }

    @Test("overdue and due-today items say so", arguments: [(-2, "đã quá hạn 2 ngày"), (0, "hôm nay là hạn cuối"), (1, "còn 1 ngày")])
    func daysLeftPhrases(_ row: (Int, String)) throws {
        let text = try ReminderTemplates.defaults.render(Fixtures.content(items: [Fixtures.item(daysLeft: row.0)])).text
        #expect(text.contains("Tình trạng: \(row.1)"))
    }

    @Test("a phrase without a date gets the full weekday date")
    func phraseWithoutDate() throws {
        let item = Fixtures.item(phrase: "trong thời hạn 5 ngày làm việc kể từ ngày nhận văn bản", date: "2024-04-04")
        let text = try ReminderTemplates.defaults.render(Fixtures.content(items: [item])).text
        #expect(text.contains("Hạn: trong thời hạn 5 ngày làm việc kể từ ngày nhận văn bản (Thứ Năm, 04/4/2024)"))
    }

    @Test("several items get one numbered block each")
    func blocks() throws {
        let items = [Fixtures.item(action: "Việc thứ nhất"), Fixtures.item(action: "Việc thứ hai")]
        let text = try ReminderTemplates.defaults.render(Fixtures.content(items: items)).text
        #expect(text.contains("1. Việc thứ nhất") && text.contains("2. Việc thứ hai"))
    }

    @Test("HTML escapes what it shows; plain text and subject do not")
    func escaping() throws {
        let item = Fixtures.item(number: "12/KH-<UBND>", action: "Báo cáo \"Phòng GD&ĐT\" <b>")
        let rendered = try ReminderTemplates.defaults.render(Fixtures.content(unitName: "Phòng GD&ĐT", items: [item]))
        #expect(rendered.html.contains("Phòng GD&amp;ĐT"))
        #expect(rendered.html.contains("Báo cáo &quot;Phòng GD&amp;ĐT&quot; &lt;b&gt;"))
        #expect(!rendered.html.contains("<b>"))
        #expect(rendered.text.contains("Báo cáo \"Phòng GD&ĐT\" <b>"))
        #expect(rendered.subject.contains("(12/KH-<UBND>)"))
    }

    @Test("NFD input renders as NFC")
    func nfcOutput() throws {
        let content = Fixtures.content(unitName: "UBND xã Bình Châu".decomposedStringWithCanonicalMapping)
        let rendered = try ReminderTemplates.defaults.render(content)
        for text in [rendered.subject, rendered.text, rendered.html, rendered.chat] {
            #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
        #expect(rendered.text.contains("Kính gửi: UBND xã Bình Châu"))
    }

    @Test("a unit name with CR or LF is refused", arguments: ["UBND xã\r\nBcc: x@evil.example", "UBND\nxã"])
    func unitNameInjection(_ name: String) {
        #expect(throws: HeaderValueError.self) { try ReminderTemplates.defaults.render(Fixtures.content(unitName: name)) }
    }

    @Test("a directive subject with a line break cannot reach the Subject header")
    func subjectInjection() throws {
        let templates = try ReminderTemplates(
            subject: "[Nhắc hạn] {{#items}}{{directive_subject}}{{/items}}\n",
            text: "x", html: "x", chat: "x")
        var item = Fixtures.item()
        item.directiveSubject = "V/v báo cáo\r\nBcc: x@evil.example"
        #expect(throws: HeaderValueError(field: "Subject", problem: .lineBreak)) {
            try templates.render(Fixtures.content(items: [item]))
        }
        #expect(try templates.render(Fixtures.content()).subject.hasSuffix("25/3/2022"))
    }

    @Test("a template directory replaces the files it has and keeps the defaults for the rest")
    func templateDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "Nhắc việc: {{unit_name}} ({{count}})\n".write(to: directory.appendingPathComponent("subject.mustache"), atomically: true, encoding: .utf8)
        let rendered = try ReminderTemplates(directory: directory).render(Fixtures.content())
        #expect(rendered.subject == "Nhắc việc: UBND xã Bình Châu (1)")
        #expect(rendered.text == (try ReminderTemplates.defaults.render(Fixtures.content())).text)
    }

    @Test("the send-test message renders with a Vietnamese weekday date three days ahead")
    func testMessage() throws {
        let now = Date(timeIntervalSince1970: 1_712_192_400)  // 08:00 Thứ Năm, 04/4/2024 at +07:00
        let content = ReminderContent.testMessage(unitName: "Phòng Giáo dục và Đào tạo", now: now)
        #expect(content.sendAtDisplay == "08:00 Thứ Năm, 04/4/2024")
        #expect(content.sendAt == "2024-04-04T08:00:00+07:00")
        let rendered = try ReminderTemplates.defaults.render(content)
        #expect(rendered.subject.hasPrefix("[Nhắc hạn] Còn 3 ngày: Kiểm tra việc nhận thư nhắc hạn"))
        #expect(rendered.text.contains("chậm nhất ngày 07/4/2024 (Chủ Nhật)"))
    }

    @Test("Vietnamese weekday dates follow the administrative format", arguments: [
        (2024, 4, 4, "Thứ Năm, 04/4/2024"), (2024, 1, 15, "Thứ Hai, 15/01/2024"),
        (2022, 3, 25, "Thứ Sáu, 25/3/2022"), (2024, 12, 1, "Chủ Nhật, 01/12/2024"), (2024, 2, 3, "Thứ Bảy, 03/02/2024"),
    ])
    func weekdayDates(_ row: (Int, Int, Int, String)) {
        #expect(VietnameseDate.weekdayDate(year: row.0, month: row.1, day: row.2) == row.3)
    }
}
