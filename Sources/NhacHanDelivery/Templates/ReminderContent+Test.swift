public import Foundation
import NhacHanCore

extension ReminderContent {
    /// A harmless sample message for `nhachan send-test`: one clearly labelled test item,
    /// dated from `now` so it never looks like a real deadline.
    public static func testMessage(unitID: String = "send-test", unitName: String, now: Date = Date(), utcOffsetSeconds: Int = 7 * 3600) -> ReminderContent {
        let local = Int(now.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let today = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (ty, tm, td) = CivilDate(dayNumber: today).components
        let (dy, dm, dd) = CivilDate(dayNumber: today + 3).components
        let minute = (local - today * 86_400) / 60
        let time = String(format: "%02d:%02d", minute / 60, minute % 60)
        let offsetHours = utcOffsetSeconds / 3600
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let iso = String(format: "%04d-%02d-%02dT%@:00%@%02d:%02d", ty, tm, td, time, sign, abs(offsetHours), abs(utcOffsetSeconds) / 60 % 60)
        return ReminderContent(
            unitID: unitID,
            unitName: unitName,
            sendAt: iso,
            sendAtDisplay: "\(time) \(VietnameseDate.weekdayDate(year: ty, month: tm, day: td))",
            items: [
                ReminderItem(
                    directiveID: "thu-nghiem",
                    directiveNumber: nil,
                    directiveSubject: "Thư thử nghiệm kênh nhắc hạn (không cần thực hiện)",
                    taskID: "kiem-tra-kenh",
                    taskAction: "Kiểm tra việc nhận thư nhắc hạn: đây là thư thử, không phải nhiệm vụ thật",
                    stage: .before,
                    deadlinePhrase: "chậm nhất ngày \(VietnameseDate.numeric(year: dy, month: dm, day: dd))",
                    deadlineDate: String(format: "%04d-%02d-%02d", dy, dm, dd),
                    daysLeft: 3,
                    reportTo: nil,
                    via: nil
                )
            ]
        )
    }
}
