import NhacHanCore
/// The versioned `nhachan` webhook body (docs/webhook.md, docs/webhook.schema.json).
///
/// Version 1. Fields are only ever added within a version; optional values are written as
/// `null`, never left out, so receivers can rely on every key being present.
struct NhacHanPayload: Encodable {
    static let version = 1

    var id: String
    var content: ReminderContent
    var rendered: RenderedReminder

    struct Keys: CodingKey, ExpressibleByStringLiteral {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(stringLiteral value: String) { self.stringValue = value }
    }

    func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode("nhachan.reminder", forKey: "type")
        try root.encode(Self.version, forKey: "version")
        try root.encode(id, forKey: "id")
        var unit = root.nestedContainer(keyedBy: Keys.self, forKey: "unit")
        try unit.encode(content.unitID.nfc, forKey: "id")
        try unit.encode(content.unitName.nfc, forKey: "name")
        try root.encode(content.sendAt, forKey: "send_at")
        try root.encode(content.feedURL, forKey: "feed_url")
        try root.encode(rendered.subject, forKey: "subject")
        try root.encode(rendered.chat, forKey: "text")
        var items = root.nestedUnkeyedContainer(forKey: "items")
        for item in content.items {
            var entry = items.nestedContainer(keyedBy: Keys.self)
            var directive = entry.nestedContainer(keyedBy: Keys.self, forKey: "directive")
            try directive.encode(item.directiveID.nfc, forKey: "id")
            try directive.encode(item.directiveNumber.map(\.nfc), forKey: "number")
            try directive.encode(item.directiveSubject.nfc, forKey: "subject")
            var task = entry.nestedContainer(keyedBy: Keys.self, forKey: "task")
            try task.encode(item.taskID.nfc, forKey: "id")
            try task.encode(item.taskAction.nfc, forKey: "action")
            try entry.encode(item.stage.rawValue, forKey: "stage")
            var deadline = entry.nestedContainer(keyedBy: Keys.self, forKey: "deadline")
            try deadline.encode(item.deadlinePhrase.nfc, forKey: "phrase")
            try deadline.encode(item.deadlineDate, forKey: "date")
            try deadline.encode(item.lastDay, forKey: "last_day")
            try deadline.encode(item.weekdayDate, forKey: "weekday_date")
            try entry.encode(item.daysLeft, forKey: "days_left")
            try entry.encode(item.reportTo.map(\.nfc), forKey: "report_to")
            try entry.encode(item.via.map(\.nfc), forKey: "via")
            try entry.encode(item.ackURL, forKey: "ack_url")
        }
    }
}

extension NhacHanPayload {
    /// The same JSON as `encode(to:)` under `JSONEncoder` with sorted keys, written directly.
    /// Keys are listed here in sorted order; a test compares both encodings.
    func json() -> [UInt8] {
        func text(_ value: String?) -> JSONValue { value.map { .string($0.nfc) } ?? .null }
        let items = content.items.map { item -> JSONValue in
            .object([
                ("ack_url", .optional(item.ackURL)),
                ("days_left", .int(item.daysLeft)),
                ("deadline", .object([
                    ("date", .string(item.deadlineDate)), ("last_day", .optional(item.lastDay)),
                    ("phrase", text(item.deadlinePhrase)), ("weekday_date", .string(item.weekdayDate)),
                ])),
                ("directive", .object([("id", text(item.directiveID)), ("number", text(item.directiveNumber)), ("subject", text(item.directiveSubject))])),
                ("report_to", text(item.reportTo)),
                ("stage", .string(item.stage.rawValue)),
                ("task", .object([("action", text(item.taskAction)), ("id", text(item.taskID))])),
                ("via", text(item.via)),
            ])
        }
        let root = JSONValue.object([
            ("feed_url", .optional(content.feedURL)), ("id", .string(id)), ("items", .array(items)), ("send_at", .string(content.sendAt)),
            ("subject", .string(rendered.subject)), ("text", .string(rendered.chat)), ("type", .string("nhachan.reminder")),
            ("unit", .object([("id", text(content.unitID)), ("name", text(content.unitName))])), ("version", .int(Self.version)),
        ])
        return Array(root.rendered(pretty: false).utf8)
    }
}
