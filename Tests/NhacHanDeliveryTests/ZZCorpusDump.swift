import Foundation
@testable import NhacHanDelivery
import Testing

// TEMPORARY: dumps renderings to compare before/after a rewrite. Not to be committed.
@Suite struct ZZCorpusDump {
    @Test func dump() throws {
        let dir = ProcessInfo.processInfo.environment["CORPUS_DIR"] ?? "/tmp/mimecorpus/out"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let nfd = { (s: String) in s.decomposedStringWithCanonicalMapping }
        let texts: [String] = [
            "", "a", "plain ascii\nline two\r\nline three\rline four", "trailing space \nnext\t\nend ",
            ".leading dot\n..two\n.", "equals = sign ==\n=", String(repeating: "x", count: 200),
            String(repeating: "word ", count: 60), String(repeating: "Báo cáo kết quả ", count: 20) + "cuối dòng \nx",
            nfd("Kính gửi Phòng Giáo dục và Đào tạo,\nHạn: trước ngày 08/4/2022 (Thứ Sáu), còn 3 ngày.\n.dòng"),
            "Emoji 😀👍🏽 và tiếng Việt\r\n\r\n\n", "\u{212B}ngström \u{2000}quad e\u{301}\u{323} \u{1E9B}\u{323}",
            "ends with CR\r", "ends with LF\n", "CRLF only\r\n", "\r\n\r\n", "tab\tin\tline\t",
            String(repeating: "ắ", count: 100), "ASCII mostly with one é " + String(repeating: "abc ", count: 40),
            "<p>Kính gửi <b>Phòng</b>,</p>\n<p>x=y</p>", "a\u{0}b\u{7F}c\u{85}d",
            String(repeating: "a", count: 75) + " \n" + String(repeating: "b", count: 76) + "\n" + String(repeating: "c", count: 74) + "é",
        ]
        let subjects: [String] = [
            "", "Plain ASCII subject", "[Nhắc hạn] Còn 3 ngày: Báo cáo tình hình và kết quả triển khai thực hiện kỷ niệm Ngày Công tác xã hội Việt Nam (550/UBND-VX)",
            nfd("Nhắc hạn NFD"), "has =? inside", String(repeating: "longword", count: 12) + " tail",
            "Emoji 😀👍🏽 in subject " + String(repeating: "ắ", count: 40), "tab\there", "a  double  space ",
            String(repeating: "Short ASCII words ", count: 8),
        ]
        let names: [String?] = [nil, "Nhắc hạn UBND huyện", "Plain Name", "Phòng GD&ĐT, huyện", "A.B", nfd("Đào tạo"),
                                String(repeating: "Phòng Giáo dục ", count: 6)]
        var index = 0
        for (t, text) in texts.enumerated() {
            for (s, subject) in subjects.enumerated() where (t + s) % 3 == 0 || t < 2 {
                let name = names[(t + s) % names.count]
                let other = names[(t * 3 + s) % names.count]
                let message = EmailMessage(
                    from: try Mailbox(displayName: name, address: "from@example.vn"),
                    to: [try Mailbox(displayName: other, address: "to@example.vn")] + (s % 2 == 0 ? [try Mailbox(address: "To2@Example.vn")] : []),
                    cc: t % 2 == 0 ? [try Mailbox(displayName: name, address: "cc@example.vn"), try Mailbox(address: "to2@example.vn")] : [],
                    bcc: t % 3 == 0 ? [try Mailbox(address: "bcc@example.vn")] : [],
                    replyTo: s % 3 == 0 ? try Mailbox(displayName: other, address: "reply@example.vn") : nil,
                    subject: subject, textBody: text, htmlBody: texts[(t + s) % texts.count],
                    idempotencyKey: "key-\(t)-\(s)", date: Date(timeIntervalSince1970: Double(1_712_192_400 + t * 86_400 * 37 - s * 3_600_123)),
                    utcOffsetSeconds: [7 * 3600, 0, -5 * 3600 - 1800][(t + s) % 3]
                )
                let out: String
                do { out = try MIMEMessage.render(message) } catch { out = "ERROR \(error)" }
                try Data(out.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(index).eml"))
                try Data(message.messageID.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(index).id"))
                index += 1
            }
            let (e, b) = BodyEncoding.encode(text)
            try Data((e.rawValue + "\n" + b + "\n--\n" + BodyEncoding.normalizedLines(text) + "\n--\n"
                + BodyEncoding.quotedPrintable(Array(text.utf8)) + "\n--\n" + BodyEncoding.base64(Array(text.utf8))
                + "\n--\n" + EncodedWord.encode(text, firstLimit: 20 + t).joined(separator: "|")).utf8)
                .write(to: URL(fileURLWithPath: "\(dir)/body-\(t).txt"))
        }
        for (s, subject) in subjects.enumerated() {
            for name in names {
                var folder = HeaderFolder(name: "X-Test")
                if let name { folder.appendText(name, phrase: true); folder.append("<a@b.vn>") }
                folder.appendText(subject, separator: ", ")
                try Data(folder.rendered.utf8).write(to: URL(fileURLWithPath: "\(dir)/fold-\(s)-\(names.firstIndex(of: name)!).txt"))
            }
        }
        print("CORPUS \(index) messages")
    }
}
