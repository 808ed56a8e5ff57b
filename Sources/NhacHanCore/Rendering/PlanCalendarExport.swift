/// iCalendar (RFC 5545) of a plan: one VEVENT per deadline per unit, one VALARM per reminder.
public struct PlanCalendarExport {
    /// UTC stamp `YYYYMMDDTHHMMSSZ` of a local time.
    public var utcStamp: (LocalTime) -> String
    /// When the file was made (DTSTAMP).
    public var generatedAt: LocalTime

    public init(utcStamp: @escaping (LocalTime) -> String, generatedAt: LocalTime) {
        self.utcStamp = utcStamp
        self.generatedAt = generatedAt
    }

    public func render(_ plan: Plan, renderer: PlanRenderer) -> String {
        struct EventKey: Hashable { var unit: Int32; var item: String }
        var events: [EventKey: (unit: OfficeUnit, item: PlannedItem, alarms: [(LocalTime, PlannedItem)])] = [:]
        var order: [EventKey] = []
        for reminder in plan.reminders {
            let item = plan.items[Int(reminder.item)]
            let key = EventKey(unit: reminder.unit, item: "\(item.directive.id)/\(item.task.id)/\(item.deadline.occurrence)")
            if events[key] == nil {
                events[key] = (plan.units[Int(reminder.unit)], item, [])
                order.append(key)
            }
            events[key]!.alarms.append((reminder.sendAt, item))
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nhachan//nhắc hạn//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:Nhắc hạn"]
        for key in order {
            let (unit, item, alarms) = events[key]!
            let last = item.deadline.lastDay
            let number = item.directive.number.map { " (\($0))" } ?? ""
            lines += [
                "BEGIN:VEVENT",
                "UID:\(key.item)/\(unit.id)@nhachan",
                "DTSTAMP:\(utcStamp(generatedAt))",
                "DTSTART;VALUE=DATE:\(ICalendarText.date(last))",
                "DTEND;VALUE=DATE:\(ICalendarText.date(last.adding(days: 1)))",
                "SUMMARY:\(ICalendarText.escaped("Hạn: \(item.task.action)\(number) – \(unit.name)"))",
                "DESCRIPTION:\(ICalendarText.escaped(description(item, renderer: renderer)))",
                "CATEGORIES:nhachan",
                "TRANSP:TRANSPARENT",
            ]
            for (instant, alarmItem) in alarms {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY",
                    "TRIGGER;VALUE=DATE-TIME:\(utcStamp(instant))",
                    "DESCRIPTION:\(ICalendarText.escaped("[\(alarmItem.stage.kind.vietnameseLabel)] \(item.task.action), \(VietnameseDate.daysLeft(alarmItem.daysLeft))"))",
                    "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return ICalendarText.document(lines)
    }

    private func description(_ item: PlannedItem, renderer: PlanRenderer) -> String {
        var parts = [item.directive.subject, "Hạn: \(renderer.deadlineText(item))"]
        if let reportTo = item.task.reportTo { parts.append("Báo cáo về: \(reportTo)") }
        if let number = item.directive.number { parts.append("Văn bản: \(number) – \(item.directive.issuer)") }
        return parts.joined(separator: "\n")
    }

}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
