import Foundation
import NhacHanTestSupport
import Testing

extension EndToEnd {
@Suite("The coordinator's daily digest")
struct DigestTests {
    @Test("once a working day at digest_at: who is pending or overdue, per directive; nothing on a day with nothing to say")
    func dailyDigest() throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let fixture = try OutboxFixture(smtpPort: smtp.port, coordinator: true)
        _ = try fixture.tick("2024-03-26T08:00")
        #expect(try smtp.messages().allSatisfy { $0.rcpt_tos?.contains("vanphong@huyen.example.gov.vn") == false })
        _ = try fixture.tick("2024-03-26T16:30")
        _ = try fixture.tick("2024-03-26T16:45")  // once a day
        let digests = try smtp.messages().filter { $0.rcpt_tos == ["vanphong@huyen.example.gov.vn"] }
        #expect(digests.count == 1)
        let digest = try #require(digests.first)
        #expect(digest.subject == "[Nhắc hạn] Tổng hợp ngày 26/3/2024")
        #expect(digest.text?.contains("12/UBND-VP V/v báo cáo thử") == true)
        #expect(digest.text?.contains("sắp đến hạn (1 đơn vị): UBND xã A (hạn 29/3/2024)") == true)

        _ = try fixture.run(["ack", "--directive", "cv-1", "--unit", "xa-a", "--at", "2024-03-27T09:00"])
        _ = try fixture.tick("2024-03-27T16:30")  // reported yesterday or today: still worth a line
        #expect(try smtp.messages().filter { $0.rcpt_tos == ["vanphong@huyen.example.gov.vn"] }.last?.text?.contains("đã báo cáo (1 đơn vị): UBND xã A") == true)
        _ = try fixture.tick("2024-04-10T16:30")  // nothing pending, overdue, new or dead
        _ = try fixture.tick("2024-03-30T16:30")  // a Saturday: no digest
        #expect(try smtp.messages().filter { $0.rcpt_tos == ["vanphong@huyen.example.gov.vn"] }.count == 2)
    }
}
}
