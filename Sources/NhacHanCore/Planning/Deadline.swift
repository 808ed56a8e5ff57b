/// One dated occurrence of a task's deadline, with the two dates that matter (DESIGN.md §1).
public struct Deadline: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case before, through, at
    }

    public var kind: Kind
    /// The date as the directive wrote it (for `within`, the end of the period before roll-over).
    public var written: CivilDate
    /// The date after roll-over to a working day; equal to `written` when nothing moved.
    public var effective: CivilDate
    /// When the task becomes overdue.
    public var instant: LocalTime
    /// The last working day on which the unit can still comply.
    public var lastDay: CivilDate
    /// Identifies the occurrence: the written date.
    public var occurrence: CivilDate { written }
}

extension Deadline {
    /// Resolves a fixed-date deadline, rolling a day off over to the next working day when asked.
    public static func fixed(
        _ kind: Kind, date: CivilDate, minute: Int = 0, rollOver: Bool, calendar: some WorkingCalendar
    ) -> Deadline {
        let effective = rollOver ? calendar.workingDay(onOrAfter: date) : date
        switch kind {
        case .before:
            return Deadline(
                kind: .before, written: date, effective: effective, instant: LocalTime(day: effective),
                lastDay: calendar.workingDay(onOrBefore: effective.adding(days: -1)))
        case .through:
            return Deadline(
                kind: .through, written: date, effective: effective,
                instant: LocalTime(seconds: LocalTime(day: effective.adding(days: 1)).seconds - 1),
                lastDay: calendar.workingDay(onOrBefore: effective))
        case .at:
            return Deadline(
                kind: .at, written: date, effective: effective, instant: LocalTime(day: effective, minute: minute),
                lastDay: calendar.workingDay(onOrBefore: effective))
        }
    }

    /// The dated occurrences of a `due` that fall in `window` (by written date), in order.
    ///
    /// `undated` gives none, and so does a `within` whose anchor date the directive lacks.
    public static func occurrences(
        of due: Due, directive: Directive, window: ClosedRange<CivilDate>, rollOver: Bool,
        calendar: some WorkingCalendar
    ) -> [Deadline] {
        switch due {
        case .before(let d):
            return window.contains(d) ? [fixed(.before, date: d, rollOver: rollOver, calendar: calendar)] : []
        case .through(let d):
            return window.contains(d) ? [fixed(.through, date: d, rollOver: rollOver, calendar: calendar)] : []
        case .at(let d, let minute):
            return window.contains(d) ? [fixed(.at, date: d, minute: minute, rollOver: rollOver, calendar: calendar)] : []
        case .within(let period, let anchor):
            guard let start = anchorDate(anchor, directive) else { return [] }
            let end: CivilDate
            let written: CivilDate
            if period.working {
                end = calendar.adding(workingDays: period.count, to: start)
                written = end
            } else {
                written = start.adding(days: period.count)
                end = calendar.workingDay(onOrAfter: written)  // Civil Code 2015 art. 148
            }
            guard window.contains(written) else { return [] }
            var deadline = fixed(.through, date: end, rollOver: false, calendar: calendar)
            deadline.written = written
            return [deadline]
        case .every(let rule, let kind):
            let deadlineKind: Kind = kind == .before ? .before : .through
            return rule.occurrences(from: window.lowerBound, to: window.upperBound).map {
                fixed(deadlineKind, date: $0, rollOver: rollOver, calendar: calendar)
            }
        case .undated:
            return []
        }
    }

    /// The day a `within` period counts from; the period starts the day after it.
    public static func anchorDate(_ anchor: WithinAnchor, _ directive: Directive) -> CivilDate? {
        switch anchor {
        case .issued: return directive.issued
        case .received: return directive.received ?? directive.issued
        case .date(let d): return d
        }
    }
}
