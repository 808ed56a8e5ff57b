import Foundation
import NhacHanCore
import NhacHanDelivery
import NhacHanTestSupport

enum Fixtures {
    static func smtpSettings(
        port: Int,
        scheme: String = "smtp",
        startTLS: SMTPSettings.StartTLS = .required,
        caFile: String? = nil,
        auth: Bool = true
    ) throws -> SMTPSettings {
        SMTPSettings(
            url: "\(scheme)://127.0.0.1:\(port)",
            from: "Nhắc hạn UBND huyện <nhachan@binhson.example.gov.vn>",
            startTLS: startTLS,
            username: auth ? "nhachan" : nil,
            password: auth ? .file(try passwordFile()) : nil,
            caFile: try caFile ?? TestPKI.shared().caFile,
            connectTimeout: 3,
            timeout: 5
        )
    }

    /// The test server's password, in a file as a configuration would name it.
    static func passwordFile() throws -> String {
        let path = NSTemporaryDirectory() + "nhachan-smtp-password-\(ProcessInfo.processInfo.processIdentifier)"
        try "mật-khẩu-thử\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func email(key: String, to: [String] = ["Phòng Giáo dục và Đào tạo <gddt@binhson.example.gov.vn>"],
                      cc: [String] = ["vp@binhson.example.gov.vn"]) throws -> EmailMessage {
        EmailMessage(
            from: try Mailbox(parsing: "Nhắc hạn UBND huyện <nhachan@binhson.example.gov.vn>"),
            to: try to.map { try Mailbox(parsing: $0) },
            cc: try cc.map { try Mailbox(parsing: $0) },
            subject: "[Nhắc hạn] Còn 3 ngày: Báo cáo tình hình và kết quả triển khai thực hiện kỷ niệm Ngày Công tác xã hội Việt Nam (550/UBND-VX)",
            textBody: "Kính gửi Phòng Giáo dục và Đào tạo,\nHạn: trước ngày 08/4/2022 (Thứ Sáu), còn 3 ngày.\n.dòng bắt đầu bằng dấu chấm",
            htmlBody: "<p>Kính gửi <b>Phòng Giáo dục và Đào tạo</b>,</p><p>Hạn: trước ngày 08/4/2022 (Thứ Sáu)</p>",
            idempotencyKey: key,
            date: Date(timeIntervalSince1970: 1_712_192_400)
        )
    }
}

extension Fixtures {
    static func item(
        number: String? = "550/UBND-VX",
        action: String = "Báo cáo tình hình và kết quả triển khai thực hiện",
        phrase: String = "trước ngày 08/4/2022",
        date: String = "2022-04-08",
        daysLeft: Int = 3,
        stage: ReminderStage = .before
    ) -> ReminderItem {
        ReminderItem(
            directiveID: "bs-550-2022",
            directiveNumber: number,
            directiveSubject: "V/v tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam 25/3/2022",
            taskID: "bao-cao",
            taskAction: action,
            stage: stage,
            deadlinePhrase: phrase,
            deadlineDate: date,
            lastDay: "2022-04-07",
            daysLeft: daysLeft,
            reportTo: "UBND huyện",
            via: "Phòng Lao động - Thương binh và Xã hội"
        )
    }

    static func content(unitName: String = "UBND xã Bình Châu", items: [ReminderItem]? = nil) -> ReminderContent {
        ReminderContent(
            unitID: "xa-binh-chau",
            unitName: unitName,
            sendAt: "2022-04-04T08:00:00+07:00",
            sendAtDisplay: "08:00 Thứ Hai, 04/4/2022",
            items: items ?? [item()]
        )
    }
}
