import Foundation
import Hummingbird
import HummingbirdTesting
import NhacHanOutbox
import NhacHanServer
import Testing

@Suite("Ack links")
struct AckLinkTests {
    @Test("a signing key shorter than 32 bytes is refused, saying how long it is and how to make one; 32 bytes sign")
    func weakKeyRefused() throws {
        do {
            _ = try LinkSigner(key: [UInt8](repeating: 7, count: 31))
            Issue.record("a 31-byte key was accepted")
        } catch {
            #expect(error.description.contains("chỉ có 31 byte, cần ít nhất 32 byte"))
            #expect(error.description.contains("/dev/urandom"))
        }
        let signer = try LinkSigner(key: [UInt8](repeating: 7, count: 32))
        #expect(!signer.sign(.ack, ["cv-1", "bao-cao", "xa-a", "2024-03-29", "9999999999"]).isEmpty)
    }

    @Test("GET and HEAD of an ack link show what would be acknowledged and record nothing, however often they are fetched")
    func fetchingRecordsNothing() async throws {
        let fixture = try ServerFixture()
        let token = fixture.ackToken()
        try await fixture.withServer { client in
            for _ in 0..<3 {
                let page = try await client.execute(uri: "/a/\(token)", method: .get)
                #expect(page.status == .ok)
                #expect(page.text.contains("Xác nhận đã báo cáo"))
                #expect(page.text.contains("UBND xã A"))
                #expect(page.text.contains("Báo cáo kết quả"))
                #expect(page.text.contains("12/UBND-VP"))
                #expect(page.text.contains("trước ngày 29/3/2024"))
                #expect(page.text.contains("<form method=\"post\">"))
                #expect(page.headers.first { $0.name.rawName == "Referrer-Policy" }?.value == "no-referrer")
                let head = try await client.execute(uri: "/a/\(token)", method: .head)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
            }
        }
        #expect(try await fixture.store.acks().isEmpty, "scanners that fetch links record no ack")
    }

    @Test("POST records exactly one ack, via link, with its note; a second POST changes nothing and says it was already recorded")
    func postRecordsOnce() async throws {
        let fixture = try ServerFixture()
        let token = fixture.ackToken()
        try await fixture.withServer { client in
            let first = try await client.execute(
                uri: "/a/\(token)", method: .post, headers: formHeaders, body: .form([("note", "Đã gửi báo cáo số 15/BC-UBND")]))
            #expect(first.status == .ok)
            #expect(first.text.contains("Đã ghi nhận"))
            #expect(first.text.contains("Đã gửi báo cáo số 15/BC-UBND"))
            fixture.set(now: "2024-03-27T10:00")
            let second = try await client.execute(uri: "/a/\(token)", method: .post, headers: formHeaders, body: .form([("note", "lần hai")]))
            #expect(second.status == .ok)
            #expect(second.text.contains("Đã ghi nhận"))
            #expect(!second.text.contains("lần hai"), "the first ack stands")
            let page = try await client.execute(uri: "/a/\(token)", method: .get)
            #expect(page.text.contains("09:00 Thứ Ba, 26/3/2024"), "the page shows when it was recorded")
            #expect(!page.text.contains("<form method=\"post\">"))
        }
        let acks = try await fixture.store.acks()
        #expect(acks.count == 1)
        #expect(acks.first?.how == "link")
        #expect(acks.first?.unit == "xa-a")
        #expect(acks.first?.occurrence == "2024-03-29")
        #expect(acks.first?.note == "Đã gửi báo cáo số 15/BC-UBND")
        #expect(acks.first?.at == fixture.zone.unix(fixture.zone.parse("2024-03-26T09:00")!))
    }

    @Test("an altered, foreign, wrong-purpose or expired token gets a plain Vietnamese page and a 4xx, and records nothing")
    func attacksAreRefused() async throws {
        let fixture = try ServerFixture()
        let token = fixture.ackToken()
        let payload = String(token.split(separator: ".")[0]), mac = String(token.split(separator: ".")[1])
        // The same claims for another unit, signed with another key.
        let foreign = try LinkSigner(key: Array(repeating: UInt8(7), count: 32)).sign(.ack, ["cv-1", "bao-cao", "xa-a", "2024-03-29", "9999999999"])
        // The payload of xa-b's link with xa-a's MAC.
        let otherUnit = fixture.ackToken(unit: "xa-b")
        let spliced = String(otherUnit.split(separator: ".")[0]) + "." + mac
        let flipped = payload + "." + String(mac.dropLast()) + (mac.last == "A" ? "B" : "A")
        let feedAsAck = fixture.links.feedToken(unit: "xa-a")
        let attacks = [flipped, spliced, foreign, feedAsAck, payload, "x", String(repeating: "A", count: 5000)]
        try await fixture.withServer { client in
            for attack in attacks {
                for method in [HTTPRequest.Method.get, .post] {
                    let response = try await client.execute(uri: "/a/\(attack)", method: method, headers: formHeaders, body: .form([("note", "x")]))
                    #expect(response.status == .forbidden, "\(method) \(attack.prefix(40))")
                    #expect(response.text.contains("Liên kết không hợp lệ"))
                }
            }
            fixture.set(now: "2024-05-28T00:00:01")  // 60 days after the last day (28/3), and a second
            let expired = try await client.execute(uri: "/a/\(token)", method: .post, headers: formHeaders, body: .form([]))
            #expect(expired.status == .gone)
            #expect(expired.text.contains("Liên kết đã hết hạn"))
            fixture.set(now: "2024-05-27T23:00")
            let stillValid = try await client.execute(uri: "/a/\(token)", method: .get)
            #expect(stillValid.status == .ok)
        }
        #expect(try await fixture.store.acks().isEmpty)
    }

    @Test("a link to a task no longer assigned to the unit says so and records nothing")
    func removedTask() async throws {
        let fixture = try ServerFixture()
        let token = fixture.links.ackToken(directive: "cv-1", task: "khong-co", unit: "xa-a", occurrence: "2024-03-29", lastDay: .init(iso: "2024-03-28")!)
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/a/\(token)", method: .post, headers: formHeaders, body: .form([]))
            #expect(response.status == .notFound)
            #expect(response.text.contains("Nhiệm vụ không còn"))
        }
        #expect(try await fixture.store.acks().isEmpty)
    }
}
