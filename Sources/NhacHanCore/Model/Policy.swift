/// When to remind a unit of a deadline: named, reusable, chosen per task, per directive or by default.
public struct Policy: Hashable, Sendable, Identifiable {
    public var id: String
    /// Minutes after midnight at which reminders go out, on working days only.
    public var sendAt: Int
    /// Stages before the last day to act.
    public var before: [DayCount]
    /// A stage on the last day to act itself.
    public var onDueDay: Bool
    public var overdue: OverdueRepeat?
    /// From this overdue reminder on (1-based), escalation contacts are copied.
    public var escalateAfter: Int?

    public init(
        id: String, sendAt: Int = 8 * 60, before: [DayCount] = [], onDueDay: Bool = false,
        overdue: OverdueRepeat? = nil, escalateAfter: Int? = nil
    ) {
        self.id = id
        self.sendAt = sendAt
        self.before = before
        self.onDueDay = onDueDay
        self.overdue = overdue
        self.escalateAfter = escalateAfter
    }

    /// The policy used when a config names none.
    public static let builtInDefault = Policy(
        id: "default", sendAt: 8 * 60,
        before: [DayCount(7, working: false), DayCount(3, working: true), DayCount(1, working: true)],
        onDueDay: true, overdue: OverdueRepeat(every: DayCount(2, working: true), max: 5), escalateAfter: 2
    )
}

/// Reminders repeated after the deadline has passed.
public struct OverdueRepeat: Hashable, Sendable {
    public var every: DayCount
    public var max: Int

    public init(every: DayCount, max: Int) {
        self.every = every
        self.max = max
    }
}
