/// Vietnam's working days: Saturday and Sunday off, the public holidays with their
/// substitutes and swaps, and the configuration's own days, which win over everything.
///
/// Queries inside `years` answer from a table built at init (about 50 µs a year, nearly
/// all of it lunar arithmetic; 4 ms for the default century): `isWorkingDay`, counting
/// and adding N working days are constant-time, a few nanoseconds each. Dates outside `years` are computed on demand, slowly but
/// correctly. The value is immutable and `Sendable`; share one per configuration.
public struct VietnameseCalendar: WorkingCalendar {
    /// The years the table covers.
    public let years: ClosedRange<Int>
    public let holidays: VietnameseHolidays
    /// Configuration overrides (`calendar.days_off`, `calendar.working_days`).
    let extraDaysOff: [CivilDate: String]
    let extraWorkingDays: [CivilDate: String]
    let table: WorkingDayTable
    /// Names of the days off in the table that are not plain weekend days.
    let names: [CivilDate: String]

    public init(
        years: ClosedRange<Int> = 2000...2100,
        daysOff: [NamedDay] = [],
        workingDays: [NamedDay] = [],
        holidays: VietnameseHolidays = VietnameseHolidays()
    ) {
        self.years = years
        self.holidays = holidays
        self.extraDaysOff = Dictionary(daysOff.map { ($0.date, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.extraWorkingDays = Dictionary(workingDays.map { ($0.date, $0.name) }, uniquingKeysWith: { a, _ in a })

        var off: [CivilDate: String] = [:]
        var worked = Set<CivilDate>()
        for year in years {
            for day in holidays.days(inYear: year) {
                if day.isDayOff { off[day.date] = off[day.date] ?? day.name } else { worked.insert(day.date) }
            }
        }
        let first = CivilDate.days(year: years.lowerBound, month: 1, day: 1)
        let end = CivilDate.days(year: years.upperBound + 1, month: 1, day: 1)
        let (extraOff, extraWork) = (extraDaysOff, extraWorkingDays)
        self.table = WorkingDayTable(firstDay: first, dayCount: end - first) { n in
            let date = CivilDate(dayNumber: n)
            if extraWork[date] != nil { return true }
            if extraOff[date] != nil { return false }
            if worked.contains(date) { return true }
            return off[date] == nil && !date.isWeekend
        }
        self.names = off.merging(extraDaysOff) { _, config in config }
    }

    /// Whether a shipped government decision covers `year` (see `VietnameseHolidays`).
    public func hasAnnouncement(forYear year: Int) -> Bool {
        holidays.hasAnnouncement(forYear: year)
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if let i = table.offset(date.dayNumber) { return table.isWorking(offset: i) }
        return computedIsWorkingDay(date)
    }

    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        if let i = table.offset(date.dayNumber) {
            if table.isWorking(offset: i) { return date }
            if let j = table.select(table.rank(i)) { return day(j) }
        }
        return walk(from: date, step: 1, count: 0)
    }

    public func workingDay(onOrBefore date: CivilDate) -> CivilDate {
        if let i = table.offset(date.dayNumber) {
            if table.isWorking(offset: i) { return date }
            if let j = table.select(table.rank(i) - 1) { return day(j) }
        }
        return walk(from: date, step: -1, count: 0)
    }

    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return date }
        if let i = table.offset(date.dayNumber) {
            // Rank of the target among working days: start day not counted.
            let target = n > 0 ? table.rank(i + 1) + n - 1 : table.rank(i) + n
            if let j = table.select(target) { return day(j) }
        }
        return walk(from: date, step: n > 0 ? 1 : -1, count: abs(n))
    }

    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        guard from < to else { return 0 }
        let i = from.dayNumber - table.firstDay
        let j = to.dayNumber - table.firstDay
        if i >= 0, j <= table.dayCount { return table.rank(j) - table.rank(i) }
        var count = 0
        var d = from
        while d < to {
            if isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }

    public func dayOffName(_ date: CivilDate) -> String? {
        guard !isWorkingDay(date) else { return nil }
        if table.offset(date.dayNumber) != nil { return names[date] }
        return extraDaysOff[date] ?? holidays.days(inYear: date.year).first { $0.date == date && $0.isDayOff }?.name
    }

    @inline(__always)
    func day(_ offset: Int) -> CivilDate { CivilDate(dayNumber: table.firstDay + offset) }
}

extension VietnameseCalendar {
    /// The answer without the table, for dates outside `years`.
    func computedIsWorkingDay(_ date: CivilDate) -> Bool {
        if extraWorkingDays[date] != nil { return true }
        if extraDaysOff[date] != nil { return false }
        let departures = holidays.days(inYear: date.year).filter { $0.date == date }
        if departures.contains(where: { $0.kind == .weekendWork }) { return true }
        return departures.isEmpty && !date.isWeekend
    }

    /// Steps day by day until `count` working days are passed (0: until one is reached).
    /// Used only where the table ends; each query there costs the lunar arithmetic.
    func walk(from date: CivilDate, step: Int, count: Int) -> CivilDate {
        var d = date
        if count == 0 {
            while !isWorkingDay(d) { d = d.adding(days: step) }
            return d
        }
        var left = count
        while left > 0 {
            d = d.adding(days: step)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The `holidays` listing: holidays, substitutes and worked weekend days of `year`,
    /// with the configuration applied, by date.
    public func nonWorkingDays(inYear year: Int) -> [CalendarDay] {
        var days = holidays.days(inYear: year).filter { extraWorkingDays[$0.date] == nil && extraDaysOff[$0.date] == nil }
        for (date, name) in extraWorkingDays where date.year == year && date.isWeekend {
            days.append(CalendarDay(date: date, name: name, nameEnglish: name, kind: .weekendWork))
        }
        for (date, name) in extraDaysOff where date.year == year && extraWorkingDays[date] == nil {
            let kind: CalendarDay.Kind = holidays.days(inYear: year).contains { $0.date == date && $0.kind == .substitute } ? .substitute : .holiday
            days.append(CalendarDay(date: date, name: name, nameEnglish: name, kind: kind))
        }
        return days.sorted { ($0.date, $0.kind.order) < ($1.date, $1.kind.order) }
    }
}
