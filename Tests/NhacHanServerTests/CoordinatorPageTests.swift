import Foundation
import Hummingbird
import HummingbirdTesting
import NhacHanServer
import Testing

@Suite("The coordinator's pages")
struct CoordinatorPageTests {
    /// Logs in; the session cookie.
    static func login(_ client: any TestClientProtocol, password: String = ServerFixture.password) async throws -> (status: HTTPResponse.Status, cookie: String?) {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: formHeaders,
            body: .form([("username", "vanphong"), ("password", password), ("next", "/status?unit=xa-a")]))
        let cookie = response.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
        return (response.status, cookie)
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("without a session a browser is sent to the login form, a script with wrong Basic credentials gets 401")
    func needsLogin() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            for path in ["/status", "/status.csv", "/status.xlsx"] {
                let browser = try await client.execute(uri: path + "?unit=xa-a", method: .get)
                #expect(browser.status == .seeOther)
                #expect(browser.headers[.location] == "/login?next=\(path.replacingOccurrences(of: "/", with: "%2F"))%3Funit%3Dxa-a")
                let script = try await client.execute(uri: path, method: .get, headers: basic("vanphong", "sai"))
                #expect(script.status == .unauthorized)
                #expect(script.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
            let good = try await client.execute(uri: "/status", method: .get, headers: basic("vanphong", ServerFixture.password))
            #expect(good.status == .ok)
            #expect(good.text.contains("Tình hình báo cáo"))
        }
    }

    @Test("login with the right password opens /status; a wrong one does not; logout ends the session; an outside next is not followed")
    func loginAndLogout() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wrong = try await Self.login(client, password: "sai-mật-khẩu")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.cookie == nil)
            let unknown = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: .form([("username", "ai-do"), ("password", ServerFixture.password)]))
            #expect(unknown.status == .unauthorized)

            let right = try await Self.login(client)
            #expect(right.status == .seeOther)
            let cookie = try #require(right.cookie)
            let page = try await client.execute(uri: "/status?unit=xa-a", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Đăng xuất (vanphong)"))
            let csrf = try #require(Self.csrf(in: page.text))

            let outside = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: .form([("username", "vanphong"), ("password", ServerFixture.password), ("next", "//evil.example/x")]))
            #expect(outside.headers[.location] == "/status")

            let forged = try await client.execute(uri: "/logout", method: .post, headers: formHeaders + [.cookie: cookie], body: .form([("csrf", "x")]))
            #expect(forged.status == .forbidden)
            let out = try await client.execute(uri: "/logout", method: .post, headers: formHeaders + [.cookie: cookie], body: .form([("csrf", csrf)]))
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let tampered = cookie.dropLast(2) + "xx"
            let after = try await client.execute(uri: "/status", method: .get, headers: [.cookie: String(tampered)])
            #expect(after.status == .seeOther, "a tampered cookie is no session")
        }
    }

    @Test("marking a unit reported needs the session's CSRF token; with it the ack is recorded, and unmarking removes it")
    func markByHand() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let cookie = try #require(try await Self.login(client).cookie)
            let page = try await client.execute(uri: "/status?directive=cv-1", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(Self.csrf(in: page.text))
            let fields = [("directive", "cv-1"), ("task", "bao-cao"), ("unit", "xa-b"), ("occurrence", "2024-03-29"), ("action", "ack"), ("back", "/status?directive=cv-1")]
            let noToken = try await client.execute(uri: "/status/ack", method: .post, headers: formHeaders + [.cookie: cookie], body: .form(fields))
            #expect(noToken.status == .forbidden)
            let noCookie = try await client.execute(uri: "/status/ack", method: .post, headers: formHeaders, body: .form(fields + [("csrf", csrf)]))
            #expect(noCookie.status == .forbidden)
            #expect(try await fixture.store.acks().isEmpty)

            let marked = try await client.execute(uri: "/status/ack", method: .post, headers: formHeaders + [.cookie: cookie], body: .form(fields + [("csrf", csrf)]))
            #expect(marked.status == .seeOther)
            #expect(marked.headers[.location] == "/status?directive=cv-1")
            let acks = try await fixture.store.acks()
            #expect(acks.count == 1)
            #expect(acks.first?.how == "coordinator")
            #expect(acks.first?.note == "đánh dấu bởi vanphong")
            let shown = try await client.execute(uri: "/status?unit=xa-b", method: .get, headers: [.cookie: cookie])
            #expect(shown.text.contains("điều phối viên đánh dấu"), "the unit's ack history says how")
            #expect(shown.text.contains("Bỏ đánh dấu"))

            let unmark = fields.map { $0.0 == "action" ? ("action", "unack") : $0 } + [("csrf", csrf)]
            let removed = try await client.execute(uri: "/status/ack", method: .post, headers: formHeaders + [.cookie: cookie], body: .form(unmark))
            #expect(removed.status == .seeOther)
            #expect(try await fixture.store.acks().isEmpty)
        }
    }

    @Test("filters narrow the matrix to a directive, a unit and a state, with the five states' counts")
    func filters() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let auth = basic("vanphong", ServerFixture.password)
            let all = try await client.execute(uri: "/status", method: .get, headers: auth)
            #expect(all.text.contains("12/UBND-VP: V/v báo cáo thử"))
            #expect(all.text.contains("Kế hoạch báo cáo tháng"))
            #expect(all.text.contains("UBND xã B, huyện &quot;Bình&quot;"), "names are escaped")
            let one = try await client.execute(uri: "/status?directive=kh-2", method: .get, headers: auth)
            #expect(!one.text.contains("<h2>12/UBND-VP: V/v báo cáo thử</h2>"))
            #expect(one.text.contains("Báo cáo tháng"))
            let overdue = try await client.execute(uri: "/status?state=overdue", method: .get, headers: auth)
            #expect(overdue.text.contains("quá hạn: "))
            #expect(!overdue.text.contains("class=\"state due_soon\">sắp đến hạn</span><br>"), "only overdue cells")
            let unit = try await client.execute(uri: "/status?unit=xa-b", method: .get, headers: auth)
            #expect(!unit.text.contains("<a href=\"/status?unit=xa-a\">"))
        }
    }
}

func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
    var out = lhs
    out.append(contentsOf: rhs)
    return out
}
