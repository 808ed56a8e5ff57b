import NhacHanCore
import Foundation

/// The values a template sees (snake_case, as in the YAML configuration), all NFC.
///
/// Derived phrases ("còn 3 ngày", "đã quá hạn 2 ngày", the headline) are computed here so
/// that a coordinator's own templates can use them without logic. docs/delivery.md lists
/// every key.
enum TemplateModel {
    static func make(_ content: ReminderContent) -> [String: Any] {
        let items = content.items.enumerated().map { item(position: $0.offset + 1, $0.element) }
        let overdue = content.items.filter { $0.daysLeft < 0 }.count
        var model: [String: Any] = [
            "unit_id": content.unitID.nfc,
            "unit_name": content.unitName.nfc,
            "send_at": content.sendAt.nfc,
            "send_at_display": content.sendAtDisplay.nfc,
            "count": content.items.count,
            "single": content.items.count == 1,
            "multiple": content.items.count > 1,
            "any_overdue": overdue > 0,
            "overdue_count": overdue,
            "headline": headline(content),
            "items": items,
            "has_links": content.items.contains { $0.ackURL != nil },
        ]
        if let feed = content.feedURL { model["feed_url"] = feed }
        return model
    }

    static func item(position: Int, _ item: ReminderItem) -> [String: Any] {
        var values: [String: Any] = [
            "position": position,
            "directive_id": item.directiveID.nfc,
            "has_number": item.directiveNumber.map { !$0.isEmpty } ?? false,
            "directive_subject": item.directiveSubject.nfc,
            "task_id": item.taskID.nfc,
            "task_action": item.taskAction.nfc,
            "short_action": shortened(item.taskAction.nfc, limit: 70),
            "stage": item.stage.rawValue,
            "stage_label": item.stage.label,
            "deadline_phrase": item.deadlinePhrase.nfc,
            "deadline_iso": item.deadlineDate,
            "weekday_date": item.weekdayDate,
            "deadline_display": deadlineDisplay(item),
            "days_left": item.daysLeft,
            "days_left_phrase": daysLeftPhrase(item.daysLeft),
            "is_overdue": item.daysLeft < 0,
            "is_due_today": item.daysLeft == 0,
        ]
        if let (y, m, d) = VietnameseDate.parseISO(item.deadlineDate) {
            values["deadline_date"] = VietnameseDate.numeric(year: y, month: m, day: d)
            values["weekday"] = VietnameseDate.weekdayName(year: y, month: m, day: d)
        }
        if let lastDay = item.lastDay, lastDay != item.deadlineDate, let (y, m, d) = VietnameseDate.parseISO(lastDay) {
            values["last_day"] = VietnameseDate.weekdayDate(year: y, month: m, day: d)
        }
        if let number = item.directiveNumber, !number.isEmpty { values["directive_number"] = number.nfc }
        if let reportTo = item.reportTo, !reportTo.isEmpty { values["report_to"] = reportTo.nfc }
        if let via = item.via, !via.isEmpty { values["via"] = via.nfc }
        if let url = item.ackURL { values["ack_url"] = url }
        return values
    }

    /// "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày".
    static func daysLeftPhrase(_ days: Int) -> String {
        switch days {
        case 0: "hôm nay là hạn cuối"
        case 1...: "còn \(days) ngày"
        default: "đã quá hạn \(-days) ngày"
        }
    }

    /// The deadline as written, with its weekday, or its whole date when the phrase does not show it.
    static func deadlineDisplay(_ item: ReminderItem) -> String {
        let phrase = item.deadlinePhrase.nfc
        guard let date = CivilDate(iso: item.deadlineDate.prefix(10)) else { return phrase }
        return VietnameseDate.phraseWithDate(phrase, on: date)
    }

    /// "Còn 3 ngày: Báo cáo kết quả … (550/UBND-VX)" or "3 việc sắp đến hạn, 1 việc đã quá hạn".
    static func headline(_ content: ReminderContent) -> String {
        guard content.items.count != 1 else {
            let item = content.items[0]
            let lead = daysLeftPhrase(item.daysLeft)
            let number = item.directiveNumber.map { $0.isEmpty ? "" : " (\($0.nfc))" } ?? ""
            return "\(lead.prefix(1).uppercased())\(lead.dropFirst()): \(shortened(item.taskAction.nfc, limit: 70))\(number)"
        }
        let overdue = content.items.filter { $0.daysLeft < 0 }.count
        let upcoming = content.items.count - overdue
        switch (upcoming, overdue) {
        case (_, 0): return "\(upcoming) việc sắp đến hạn"
        case (0, _): return "\(overdue) việc đã quá hạn"
        default: return "\(content.items.count) việc cần báo cáo, \(overdue) việc đã quá hạn"
        }
    }

    /// At most `limit` characters, cut at a word boundary with "…".
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }

}
