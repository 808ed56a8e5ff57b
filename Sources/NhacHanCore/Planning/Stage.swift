/// The kind of a reminder, as `plan` prints it.
public enum StageKind: String, Hashable, Sendable, Comparable, CaseIterable {
    case before, due, overdue, escalation
    case lateNotice = "late_notice"
    case digest

    private var order: Int {
        switch self {
        case .lateNotice: 0
        case .before: 1
        case .due: 2
        case .overdue: 3
        case .escalation: 4
        case .digest: 5
        }
    }

    public static func < (lhs: StageKind, rhs: StageKind) -> Bool { lhs.order < rhs.order }
}

/// One moment at which a unit is reminded of one deadline.
public struct Stage: Hashable, Sendable {
    public var kind: StageKind
    /// Stable within a deadline: `before-7d`, `due`, `overdue-2`, `late`.
    public var id: String
    public var instant: LocalTime
    /// 1-based number of an overdue or escalation reminder; 0 otherwise.
    public var overdueNumber: Int

    public init(kind: StageKind, id: String, instant: LocalTime, overdueNumber: Int = 0) {
        self.kind = kind
        self.id = id
        self.instant = instant
        self.overdueNumber = overdueNumber
    }
}

extension Policy {
    /// The stages of one deadline under this policy, sorted, on working days only, same instants merged.
    ///
    /// A before-stage that falls on a day off moves to the previous working day; an overdue one
    /// to the next. Where two stages land on the same instant, the later in the series wins.
    public func stages(for deadline: Deadline, calendar: some WorkingCalendar) -> [Stage] {
        var stages: [Stage] = []
        stages.reserveCapacity(before.count + 1 + (overdue?.max ?? 0))
        for offset in before {
            let raw = offset.working
                ? calendar.adding(workingDays: -offset.count, to: deadline.lastDay)
                : deadline.lastDay.adding(days: -offset.count)
            let instant = slot(on: calendar.workingDay(onOrBefore: raw))
            if instant < deadline.instant {
                stages.append(Stage(kind: .before, id: "before-\(offset)", instant: instant))
            }
        }
        if onDueDay {
            let instant = slot(on: deadline.lastDay)
            if instant < deadline.instant { stages.append(Stage(kind: .due, id: "due", instant: instant)) }
        }
        if let overdue, overdue.max > 0 {
            var day = deadline.instant.day
            if slot(on: day) <= deadline.instant { day = day.adding(days: 1) }
            day = calendar.workingDay(onOrAfter: day)
            for n in 1...overdue.max {
                let escalates = escalateAfter.map { n >= $0 } ?? false
                stages.append(Stage(kind: escalates ? .escalation : .overdue, id: "overdue-\(n)", instant: slot(on: day), overdueNumber: n))
                day = overdue.every.working
                    ? calendar.adding(workingDays: max(overdue.every.count, 1), to: day)
                    : calendar.workingDay(onOrAfter: day.adding(days: max(overdue.every.count, 1)))
            }
        }
        return Self.merged(stages)
    }

    /// The send slot of a day.
    @inlinable
    public func slot(on day: CivilDate) -> LocalTime { LocalTime(day: day, minute: sendAt) }

    /// Sorts by instant and keeps one stage per instant: the latest in the series.
    static func merged(_ stages: [Stage]) -> [Stage] {
        let sorted = stages.enumerated().sorted { ($0.element.instant, $0.offset) < ($1.element.instant, $1.offset) }
        var result: [Stage] = []
        result.reserveCapacity(sorted.count)
        for (_, stage) in sorted {
            if let last = result.last, last.instant == stage.instant {
                result[result.count - 1] = stage
            } else {
                result.append(stage)
            }
        }
        return result
    }
}
