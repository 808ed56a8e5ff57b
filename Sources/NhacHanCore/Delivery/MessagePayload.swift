/// What a delivery carries, kept in the outbox so that a retry sends the same message.
///
/// Built from a planned message; the runner renders it with the templates at send time.
public struct MessagePayload: Codable, Hashable, Sendable {
    public struct Item: Codable, Hashable, Sendable {
        public var directive: String
        public var number: String?
        public var subject: String
        public var task: String
        public var action: String
        public var stage: String
        public var stageKey: String
        /// The occurrence's written date, `YYYY-MM-DD`.
        public var occurrence: String
        public var deadlinePhrase: String
        /// The date as written, `YYYY-MM-DD`.
        public var deadlineDate: String
        public var lastDay: String
        /// Last day minus the send date, in days.
        public var daysLeft: Int
        /// The deadline instant, local seconds (for expiry of before-stages).
        public var deadlineInstant: Int
        public var reportTo: String?
        /// The name of the unit the report goes through.
        public var via: String?
    }

    public var unit: String
    public var unitName: String
    /// Local seconds of the send instant.
    public var sendAt: Int
    public var escalates: Bool
    public var items: [Item]
    /// The text of a coordinator digest; `nil` for a reminder.
    public var digest: String?

    /// An empty message for `unit`, to fill in (a digest).
    public init(unit: String, unitName: String, sendAt: Int) {
        self.unit = unit
        self.unitName = unitName
        self.sendAt = sendAt
        self.escalates = false
        self.items = []
    }

    public init(message: PlannedMessage, registry: Registry, renderer: PlanRenderer) {
        unit = message.unit.id
        unitName = message.unit.name
        sendAt = message.sendAt.seconds
        escalates = message.escalates
        items = message.items.map { item in
            Item(
                directive: item.directive.id, number: item.directive.number, subject: item.directive.subject,
                task: item.task.id, action: item.task.action, stage: item.stage.kind.rawValue,
                stageKey: item.key(unit: message.unit.id).description, occurrence: item.deadline.occurrence.description,
                deadlinePhrase: item.task.phrase ?? renderer.deadlineText(item), deadlineDate: item.deadline.written.description,
                lastDay: item.deadline.lastDay.description, daysLeft: item.daysLeft, deadlineInstant: item.deadline.instant.seconds,
                reportTo: item.task.reportTo, via: item.task.via.map { id in registry.unit(id)?.name ?? id })
        }
    }

    /// Whether an item must not be sent at `now` (local seconds): a reminder before the deadline
    /// (before, due) once the deadline has passed.
    public static func isStale(_ item: Item, now: Int) -> Bool {
        (item.stage == StageKind.before.rawValue || item.stage == StageKind.due.rawValue) && now >= item.deadlineInstant
    }
}
