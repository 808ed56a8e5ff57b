/// Tells which days are working days, and counts them.
///
/// The planner asks only this protocol, so the simple weekend calendar and the
/// Vietnamese public-holiday calendar plug in behind the same interface. Implementations
/// that answer from precomputed tables override the counting methods; the defaults walk
/// day by day.
public protocol WorkingCalendar: Sendable {
    /// Whether offices work on this day.
    func isWorkingDay(_ date: CivilDate) -> Bool

    /// The day itself if it is a working day, else the next working day after it.
    func workingDay(onOrAfter date: CivilDate) -> CivilDate

    /// The day itself if it is a working day, else the last working day before it.
    func workingDay(onOrBefore date: CivilDate) -> CivilDate

    /// Moves `n` working days from `date`: forward when `n > 0`, backward when `n < 0`.
    /// The start day itself is not counted, so adding 1 to a Friday gives the next Monday.
    func adding(workingDays n: Int, to date: CivilDate) -> CivilDate

    /// The number of working days `d` with `from <= d < to` (0 when `to <= from`).
    func workingDays(from: CivilDate, to: CivilDate) -> Int

    /// The name of the day off, for days off that are not plain weekends ("Tết Nguyên đán").
    func dayOffName(_ date: CivilDate) -> String?
}

extension WorkingCalendar {
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var d = date
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    public func workingDay(onOrBefore date: CivilDate) -> CivilDate {
        var d = date
        while !isWorkingDay(d) { d = d.adding(days: -1) }
        return d
    }

    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        var d = date
        var left = abs(n)
        let step = n >= 0 ? 1 : -1
        while left > 0 {
            d = d.adding(days: step)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        var count = 0
        var d = from
        while d < to {
            if isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }

    public func dayOffName(_ date: CivilDate) -> String? { nil }
}

/// A named day in a calendar override (`calendar.days_off`, `calendar.working_days`).
public struct NamedDay: Hashable, Sendable {
    public var date: CivilDate
    public var name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// Saturdays and Sundays off, plus the config's own days off and swapped working days.
///
/// The calendar used until the Vietnamese public holidays are layered under it, and the
/// one tests use when they want no holidays in the way.
public struct WeekendCalendar: WorkingCalendar {
    public var daysOff: [CivilDate: String]
    public var workingDays: Set<CivilDate>

    public init(daysOff: [NamedDay] = [], workingDays: [NamedDay] = []) {
        self.daysOff = Dictionary(daysOff.map { ($0.date, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.workingDays = Set(workingDays.map(\.date))
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if workingDays.contains(date) { return true }
        if daysOff[date] != nil { return false }
        return !date.isWeekend
    }

    public func dayOffName(_ date: CivilDate) -> String? { daysOff[date] }
}
