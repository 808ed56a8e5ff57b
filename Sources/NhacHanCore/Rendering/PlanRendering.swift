/// Prints a plan as the JSON of DESIGN.md §4, a Vietnamese table, or iCalendar.
///
/// Instants are printed by the caller's `iso` function, which knows the zone's offset.
public struct PlanRenderer {
    public var iso: (LocalTime) -> String

    public init(iso: @escaping (LocalTime) -> String) {
        self.iso = iso
    }

    /// `[{unit, unit_name, send_at, channels, items:[{directive, number, task, stage, deadline, last_day, deadline_phrase, days_left}]}]`.
    public func json(_ plan: Plan) -> String {
        JSONValue.array((0..<plan.messageCount).map { jsonMessage(plan.message(at: $0)) }).rendered() + "\n"
    }

    public func jsonMessage(_ message: PlannedMessage) -> JSONValue {
        .object([
            ("unit", .string(message.unit.id)),
            ("unit_name", .string(message.unit.name)),
            ("send_at", .string(iso(message.sendAt))),
            ("channels", .array(message.channels.map(JSONValue.string))),
            ("items", .array(message.items.map(jsonItem))),
        ])
    }

    func jsonItem(_ item: PlannedItem) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("directive", .string(item.directive.id)),
            ("number", .optional(item.directive.number)),
            ("task", .string(item.task.id)),
            ("stage", .string(item.stage.kind.rawValue)),
            ("deadline", .string(iso(item.deadline.instant))),
            ("last_day", .string(item.deadline.lastDay.description)),
            ("deadline_phrase", .optional(item.task.phrase)),
            ("days_left", .int(item.daysLeft)),
        ]
        if item.deadline.effective != item.deadline.written {
            fields.append(("written_date", .string(item.deadline.written.description)))
            fields.append(("effective_date", .string(item.deadline.effective.description)))
        }
        if !item.collapsed.isEmpty { fields.append(("collapsed", .array(item.collapsed.map(JSONValue.string)))) }
        return .object(fields)
    }

    /// One block per message, readable in a terminal.
    public func table(_ plan: Plan) -> String {
        guard plan.messageCount > 0 else { return "Không có lời nhắc nào trong khoảng thời gian này.\n" }
        var out = ""
        for index in 0..<plan.messageCount {
            let m = plan.message(at: index)
            let time = ClockTime.format(m.sendAt.secondOfDay / 60)
            let channels = m.channels.isEmpty ? "không có kênh gửi" : m.channels.joined(separator: ", ")
            out += "\(VietnameseDate.long(m.sendAt.day)) \(time)  \(m.unit.name) (\(m.unit.id)) · \(channels)\n"
            for item in m.items {
                let number = item.directive.number.map { " \($0)" } ?? ""
                out += "    [\(item.stage.kind.vietnameseLabel)] \(item.task.action)\(number.isEmpty ? "" : " —\(number)")\n"
                out += "        hạn: \(deadlineText(item)), \(VietnameseDate.daysLeft(item.daysLeft))\n"
            }
        }
        out += "\n\(plan.messageCount) tin nhắn, \(plan.reminders.count) lời nhắc.\n"
        return out
    }

    /// The deadline as written with its weekday (its whole date when the phrase does not show it),
    /// and the effective date when it moved.
    public func deadlineText(_ item: PlannedItem) -> String {
        let d = item.deadline
        let phrase = item.task.phrase ?? phraseFromKind(d)
        var text = VietnameseDate.phraseWithDate(phrase, on: d.written)
        if d.effective != d.written { text += ", lùi sang \(VietnameseDate.long(d.effective))" }
        return text
    }

    private func phraseFromKind(_ d: Deadline) -> String {
        switch d.kind {
        case .before: "trước ngày \(VietnameseDate.short(d.written))"
        case .through: "đến hết ngày \(VietnameseDate.short(d.written))"
        case .at: "trước \(ClockTime.format(d.instant.secondOfDay / 60)) ngày \(VietnameseDate.short(d.written))"
        }
    }
}
