import NhacHanCore
/// What one reminder message says: everything due to one unit at one send instant.
///
/// The planner's output maps onto this; templates, email and webhook bodies are built
/// from it. Strings may arrive in any Unicode form: rendering normalises to NFC.
public struct ReminderContent: Hashable, Sendable {
    public var unitID: String
    public var unitName: String
    /// ISO 8601 with offset: `2024-04-01T08:00:00+07:00`.
    public var sendAt: String
    /// For people: "08:00 Thứ Hai, 01/4/2024".
    public var sendAtDisplay: String
    /// Sorted by deadline, as the planner groups them.
    public var items: [ReminderItem]
    /// The unit's calendar feed (`http:` configured), for the footer.
    public var feedURL: String?

    public init(unitID: String, unitName: String, sendAt: String, sendAtDisplay: String, items: [ReminderItem], feedURL: String? = nil) {
        self.unitID = unitID
        self.unitName = unitName
        self.sendAt = sendAt
        self.sendAtDisplay = sendAtDisplay
        self.items = items
        self.feedURL = feedURL
    }
}

/// One task occurrence in a reminder.
public struct ReminderItem: Hashable, Sendable {
    public var directiveID: String
    /// `550/UBND-VX`; `nil` when the directive has none.
    public var directiveNumber: String?
    /// The trích yếu: "V/v tổ chức các hoạt động ...".
    public var directiveSubject: String
    public var taskID: String
    public var taskAction: String
    public var stage: ReminderStage
    /// As the directive wrote it: "trước ngày 08/4/2022".
    public var deadlinePhrase: String
    /// The deadline's civil date, `YYYY-MM-DD`.
    public var deadlineDate: String
    /// The last working day to act, `YYYY-MM-DD`, when it differs from the deadline date.
    public var lastDay: String?
    /// Last day to act minus the send date, in calendar days; negative when overdue.
    public var daysLeft: Int
    /// Whom to report to: "UBND huyện".
    public var reportTo: String?
    /// Through whom: "Phòng Lao động - Thương binh và Xã hội".
    public var via: String?
    /// The signed link that records the report (`http:` configured).
    public var ackURL: String?

    public init(
        directiveID: String,
        directiveNumber: String?,
        directiveSubject: String,
        taskID: String,
        taskAction: String,
        stage: ReminderStage,
        deadlinePhrase: String,
        deadlineDate: String,
        lastDay: String? = nil,
        daysLeft: Int,
        reportTo: String? = nil,
        via: String? = nil,
        ackURL: String? = nil
    ) {
        self.directiveID = directiveID
        self.directiveNumber = directiveNumber
        self.directiveSubject = directiveSubject
        self.taskID = taskID
        self.taskAction = taskAction
        self.stage = stage
        self.deadlinePhrase = deadlinePhrase
        self.deadlineDate = deadlineDate
        self.lastDay = lastDay
        self.daysLeft = daysLeft
        self.reportTo = reportTo
        self.via = via
        self.ackURL = ackURL
    }

    /// "Thứ Năm, 04/4/2024", or the raw date when it cannot be read.
    public var weekdayDate: String {
        guard let (y, m, d) = VietnameseDate.parseISO(deadlineDate) else { return deadlineDate }
        return VietnameseDate.weekdayDate(year: y, month: m, day: d)
    }
}

/// Why a reminder is sent (DESIGN §4 `stage`).
public enum ReminderStage: String, Hashable, Sendable, CaseIterable, Codable {
    case before, due, overdue, escalation
    case lateNotice = "late_notice"

    /// Vietnamese label for templates: the core's stage label table, capitalised, so that
    /// `plan`, emails and chat say the same words.
    public var label: String {
        (StageKind(rawValue: rawValue) ?? .before).vietnameseTitle
    }
}
