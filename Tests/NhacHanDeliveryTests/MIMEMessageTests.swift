import Foundation
@testable import NhacHanDelivery
import Testing

@Suite("MIME rendering")
struct MIMEMessageTests {
    static func headerLines(_ raw: String) -> [String] {
        let head = raw.components(separatedBy: "\r\n\r\n")[0]
        return head.components(separatedBy: "\r\n")
    }

    @Test("a long Vietnamese subject becomes encoded-words of at most 75 characters on lines under 78")
    func encodedWordLimits() throws {
        let raw = try MIMEMessage.render(try Fixtures.email(key: "k"))
        for line in raw.components(separatedBy: "\r\n") {
            #expect(line.utf8.count < 78, "\(line)")
        }
        let subjectLines = Self.headerLines(raw).drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        for line in subjectLines {
            for word in line.split(separator: " ") where word.hasPrefix("=?") {
                #expect(word.count <= 75)
            }
        }
    }

    @Test("encoded-words split between characters, never inside one")
    func characterBoundaries() {
        let text = String(repeating: "Nhắc hạn báo cáo kết quả thực hiện ", count: 6)
        let words = EncodedWord.encode(text)
        for word in words {
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let data = try! #require(Data(base64Encoded: String(payload)))
            #expect(String(data: data, encoding: .utf8) != nil, "a word holds a broken UTF-8 sequence")
        }
        #expect(EncodedWord.decode(words.joined(separator: "\r\n ")) == text)
    }

    @Test("NFD input is sent as NFC")
    func nfc() {
        let nfd = "Nhắc hạn".decomposedStringWithCanonicalMapping
        let decoded = EncodedWord.decode(EncodedWord.encode(nfd).joined(separator: " "))
        #expect(Array(decoded.unicodeScalars) == Array("Nhắc hạn".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("headers carry Date, Message-ID from the key, Auto-Submitted and MIME-Version")
    func requiredHeaders() throws {
        let message = try Fixtures.email(key: "bs-550-2022/bao-cao/xa-binh-chau/2022-04-08/before-7d/email")
        let lines = Self.headerLines(try MIMEMessage.render(message))
        #expect(lines.contains("Date: Thu, 04 Apr 2024 08:00:00 +0700"))
        #expect(lines.contains("Auto-Submitted: auto-generated"))
        #expect(lines.contains("MIME-Version: 1.0"))
        #expect(lines.contains("Message-ID: \(message.messageID)"))
        #expect(message.messageID.hasSuffix("@nhachan>") && message.messageID.count == 32 + "<@nhachan>".count)
        let again = try Fixtures.email(key: "bs-550-2022/bao-cao/xa-binh-chau/2022-04-08/before-7d/email")
        #expect(again.messageID == message.messageID)
        #expect(try Fixtures.email(key: "other").messageID != message.messageID)
    }

    @Test("a subject with CR or LF is refused at render time", arguments: ["Báo cáo\r\nBcc: x@evil.example", "Báo cáo\nX: y", "Báo cáo\rX"])
    func subjectInjection(_ subject: String) throws {
        var message = try Fixtures.email(key: "k")
        message.subject = subject
        #expect(throws: HeaderValueError(field: "Subject", problem: .lineBreak)) { try MIMEMessage.render(message) }
    }

    @Test("a display name with a line break is refused when parsed")
    func displayNameInjection() {
        #expect(throws: HeaderValueError.self) { try Mailbox(parsing: "UBND xã\r\nBcc: x@evil.example <a@b.vn>") }
        #expect(throws: HeaderValueError.self) { try Mailbox(displayName: "A\nB", address: "a@b.vn") }
    }

    @Test("mailboxes parse with and without display names", arguments: [
        ("nhachan@binhson.example.gov.vn", nil, "nhachan@binhson.example.gov.vn"),
        ("Nhắc hạn UBND huyện <nhachan@binhson.example.gov.vn>", "Nhắc hạn UBND huyện", "nhachan@binhson.example.gov.vn"),
        ("\"Phòng GD&ĐT, huyện\" <gddt@example.vn>", "Phòng GD&ĐT, huyện", "gddt@example.vn"),
    ])
    func mailboxParsing(_ row: (String, String?, String)) throws {
        let mailbox = try Mailbox(parsing: row.0)
        #expect(mailbox.displayName == row.1)
        #expect(mailbox.address == row.2)
    }

    @Test("addresses that could break the envelope are refused", arguments: ["no-at-sign", "a@b@c", "a b@c.vn", "<a@b.vn>", "ngườidùng@x.vn"])
    func badAddresses(_ address: String) {
        #expect(throws: HeaderValueError.self) { try Mailbox(address: address) }
    }

    @Test("quoted-printable keeps lines at 76 octets and encodes trailing spaces")
    func quotedPrintable() {
        let text = String(repeating: "Báo cáo kết quả ", count: 20) + "cuối dòng \nx"
        let encoded = BodyEncoding.quotedPrintable(Array(BodyEncoding.normalizedLines(text).utf8))
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
        }
        #expect(encoded.contains("=20\r\n"))
    }
}
