import Foundation
import NhacHanCore
@testable import NhacHanDelivery
import Testing

@Suite("Webhook signing and bodies")
struct WebhookSignatureTests {
    @Test("the Standard Webhooks reference vector signs as specified")
    func referenceVector() {
        let signature = WebhookSignature.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
            body: Array("{\"test\": 2432232314}".utf8), secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("a secret without whsec_ is used as its UTF-8 bytes")
    func rawSecret() {
        #expect(WebhookSignature.key(from: "bí mật") == Array("bí mật".utf8))
        #expect(WebhookSignature.key(from: "whsec_AAEC") == [0, 1, 2])
    }

    @Test("headers carry id, timestamp and signature")
    func headers() throws {
        let endpoint = WebhookEndpoint(url: "https://x.example/h", secret: "whsec_AAEC")
        let request = WebhookRequest(endpoint: endpoint, idempotencyKey: "id-1", body: Array("{}".utf8), timestamp: Date(timeIntervalSince1970: 1_700_000_000))
        let headers = Dictionary(uniqueKeysWithValues: try request.headers().map { ($0.name, $0.value) })
        #expect(headers["webhook-id"] == "id-1")
        #expect(headers["webhook-timestamp"] == "1700000000")
        #expect(headers["webhook-signature"]?.hasPrefix("v1,") == true)
    }

    @Test("the nhachan body has every documented key, nulls included")
    func nhachanBody() throws {
        var item = Fixtures.item(number: nil)
        item.via = nil
        let content = Fixtures.content(items: [item])
        let rendered = try ReminderTemplates.defaults.render(content)
        let body = WebhookBody.make(for: WebhookEndpoint(url: "https://x.example"), content: content, rendered: rendered, idempotencyKey: "k")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(Set(json.keys) == ["type", "version", "id", "unit", "send_at", "feed_url", "subject", "text", "items"])
        #expect(json["feed_url"] is NSNull, "no http: configured, no links")
        let entry = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["directive", "task", "stage", "deadline", "days_left", "report_to", "via", "ack_url"])
        #expect(entry["ack_url"] is NSNull)
        #expect(entry["via"] is NSNull)
        #expect((entry["directive"] as? [String: Any])?["number"] is NSNull)
        #expect((entry["deadline"] as? [String: Any])?["weekday_date"] as? String == "Thứ Sáu, 08/4/2022")
    }

    @Test("the nhachan body written directly is byte for byte what JSONEncoder with sorted keys writes", arguments: [true, false])
    func nhachanBodyMatchesEncoder(_ withOptionals: Bool) throws {
        var item = Fixtures.item(number: withOptionals ? "12/UBND-VP" : nil)
        if !withOptionals { item.via = nil; item.reportTo = nil }
        item.taskAction = "Báo cáo \"kết quả\" / tổng hợp\tđợt 1 \\ 2"
        let content = Fixtures.content(items: [item, Fixtures.item(number: nil)])
        let rendered = try ReminderTemplates.defaults.render(content)
        let payload = NhacHanPayload(id: "k/1", content: content, rendered: rendered)
        #expect(String(decoding: payload.json(), as: UTF8.self) == String(decoding: WebhookBody.encode(payload), as: UTF8.self))
    }

    @Test("Slack text escapes &, < and >; Telegram HTML mode escapes too")
    func chatEscaping() throws {
        let content = Fixtures.content(unitName: "Phòng GD&ĐT <x>")
        let rendered = try ReminderTemplates.defaults.render(content)
        let slack = String(decoding: WebhookBody.make(for: .init(url: "https://x", format: .slack), content: content, rendered: rendered, idempotencyKey: "k"), as: UTF8.self)
        #expect(slack.contains("Phòng GD&amp;ĐT &lt;x&gt;"))
        var telegram = WebhookEndpoint(url: "https://api.telegram.org/bot123:ABC/sendMessage", format: .telegram, telegramChatID: "42", telegramParseMode: "HTML")
        let body = String(decoding: WebhookBody.make(for: telegram, content: content, rendered: rendered, idempotencyKey: "k"), as: UTF8.self)
        #expect(body.contains("\"parse_mode\":\"HTML\"") && body.contains("GD&amp;ĐT"))
        #expect(!telegram.description.contains("ABC"))
        telegram.telegramChatID = nil
        #expect(throws: TransportConfigurationError.self) { try telegram.validate() }
    }
}
