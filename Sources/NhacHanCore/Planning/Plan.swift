/// The reminders a planner run produced, stored compactly and grouped into messages.
///
/// Millions of reminders share a few thousand items (one per task occurrence and stage), so a
/// reminder is 16 bytes: its send instant, its unit and its item. Messages are runs of
/// reminders with the same instant and unit.
public struct Plan: Sendable {
    /// One reminder: at `sendAt`, unit number `unit` gets item number `item`.
    public struct Reminder: Hashable, Sendable {
        public var sendAt: LocalTime
        public var unit: Int32
        public var item: Int32
    }

    /// Units in id order; a reminder's `unit` indexes this.
    public var units: [OfficeUnit]
    public var items: [PlannedItem]
    /// Sorted by send instant, unit id, then item order.
    public var reminders: [Reminder]
    /// Start index in `reminders` of each message, plus `reminders.count` at the end.
    public var messageBounds: [Int32]

    public var messageCount: Int { max(messageBounds.count - 1, 0) }

    /// The message number `index`: everything one unit gets at one instant.
    public func message(at index: Int) -> PlannedMessage {
        let range = Int(messageBounds[index])..<Int(messageBounds[index + 1])
        let first = reminders[range.lowerBound]
        let unit = units[Int(first.unit)]
        let items = range.map { self.items[Int(reminders[$0].item)] }
        return PlannedMessage(unit: unit, sendAt: first.sendAt, items: items)
    }

    /// All messages in order.
    public var messages: [PlannedMessage] { (0..<messageCount).map(message(at:)) }
}

/// Everything due to one unit at one send instant: one email, one call per webhook.
public struct PlannedMessage: Hashable, Sendable {
    public var unit: OfficeUnit
    public var sendAt: LocalTime
    /// Sorted by deadline.
    public var items: [PlannedItem]

    /// Whether the unit's escalation contacts are copied.
    public var escalates: Bool { items.contains { $0.stage.kind == .escalation } }

    public var channels: [String] { unit.channels }
}

/// One deadline occurrence at one stage, as a unit is reminded of it.
public struct PlannedItem: Hashable, Sendable {
    public var directive: Directive
    public var task: DirectiveTask
    public var deadline: Deadline
    public var stage: Stage
    /// For a late notice, the stages it stands for.
    public var collapsed: [String]

    public init(directive: Directive, task: DirectiveTask, deadline: Deadline, stage: Stage, collapsed: [String] = []) {
        self.directive = directive
        self.task = task
        self.deadline = deadline
        self.stage = stage
        self.collapsed = collapsed
    }

    /// Last day to act minus the send date, in calendar days; negative when overdue.
    public var daysLeft: Int { deadline.lastDay.dayNumber - stage.instant.day.dayNumber }

    /// The key of this stage for one unit.
    public func key(unit: String) -> StageKey {
        StageKey(occurrence: AckKey(directive: directive.id, task: task.id, unit: unit, occurrence: deadline.occurrence), stage: stage.id)
    }
}
