import Foundation
import NhacHanCore
import NhacHanDelivery
import Testing

@Suite("Rendering a batch")
struct BatchRenderingTests {
    static let names = ["UBND xã Bình Châu", "Phòng GD&ĐT <Bình Sơn>", "Hội \"Cựu chiến binh\" & 'Đoàn'", "UBND thị trấn Châu Ổ", "Xã A"]

    func contents(_ names: [String], items: [ReminderItem]? = nil) -> [ReminderContent] {
        names.enumerated().map { index, name in
            var content = Fixtures.content(unitName: name, items: items)
            content.unitID = "don-vi-\(index)"
            return content
        }
    }

    @Test("the same reminder to many units renders once and gives each unit exactly what rendering it alone gives")
    func sameAsOneByOne() throws {
        let templates = ReminderTemplates.defaults
        let batch = contents(Self.names) + contents(Self.names, items: [Fixtures.item(number: nil), Fixtures.item()])
        let together = templates.render(batch: batch)
        for (content, result) in zip(batch, together) {
            #expect(try result.get() == templates.render(content), "\(content.unitName)")
        }
    }

    @Test("each unit's own ack links and calendar feed go into its message, in the email, the HTML and the chat text, as one by one")
    func linksPerUnit() throws {
        let templates = ReminderTemplates.defaults
        let batch = contents(Self.names, items: [Fixtures.item(number: nil), Fixtures.item()]).map { content in
            var linked = content
            linked.feedURL = "https://nhachan.example.gov.vn/calendar/\(content.unitID).ics?token=f&x=1"
            for index in linked.items.indices {
                linked.items[index].ackURL = "https://nhachan.example.gov.vn/a/\(content.unitID)-\(index)"
            }
            return linked
        }
        let together = templates.render(batch: batch)
        for (content, result) in zip(batch, together) {
            let rendered = try result.get()
            #expect(try rendered == templates.render(content), "\(content.unitName)")
            for index in content.items.indices {
                #expect(rendered.text.contains("Nếu đã báo cáo, bấm Xác nhận tại: https://nhachan.example.gov.vn/a/\(content.unitID)-\(index)"))
                #expect(rendered.html.contains("href=\"https://nhachan.example.gov.vn/a/\(content.unitID)-\(index)\""))
                #expect(rendered.chat.contains("Xác nhận: https://nhachan.example.gov.vn/a/\(content.unitID)-\(index)"))
            }
            #expect(rendered.text.contains("/calendar/\(content.unitID).ics?token=f&x=1"))
            #expect(rendered.html.contains("/calendar/\(content.unitID).ics?token=f&amp;x=1"), "escaped in HTML")
            #expect(!rendered.text.contains("xin bỏ qua thư này"))
        }
    }

    @Test("templates that do more with the unit's name than print it are rendered one by one, with the same result")
    func customTemplatesFallBack() throws {
        let templates = try ReminderTemplates(
            subject: "{{#unit_name}}[{{unit_name}}]{{/unit_name}} {{headline}}", text: "{{{unit_name}}} / {{unit_id}}",
            html: "<p>{{{unit_name}}}</p>", chat: "{{unit_name}}")
        let batch = contents(Self.names)
        for (content, result) in zip(batch, templates.render(batch: batch)) {
            #expect(try result.get() == templates.render(content))
        }
    }

    @Test("a unit name with a line break is refused in a batch as it is alone")
    func lineBreakRefused() {
        let results = ReminderTemplates.defaults.render(batch: contents(["Xã A", "Xã\r\nBcc: x@example.com"]))
        #expect((try? results[0].get()) != nil)
        #expect(throws: HeaderValueError.self) { try results[1].get() }
    }
}
