/// A recurring deadline in the RFC 5545 RRULE subset nhachan supports.
///
/// Supported: `FREQ` (YEARLY, MONTHLY, WEEKLY, DAILY), `INTERVAL`, `BYMONTH`, `BYMONTHDAY`
/// (negative counts from the month's end), `BYDAY` (with ordinals such as `-1FR`), `BYSETPOS`,
/// `COUNT` and `UNTIL`. Weeks start on Monday.
public struct Recurrence: Hashable, Sendable {
    public enum Frequency: String, Hashable, Sendable {
        case yearly = "YEARLY", monthly = "MONTHLY", weekly = "WEEKLY", daily = "DAILY"
    }

    /// A `BYDAY` entry: an ISO weekday (1 Monday ... 7 Sunday) with an optional ordinal.
    public struct WeekdayRule: Hashable, Sendable {
        public var ordinal: Int?
        public var weekday: Int
    }

    public var frequency: Frequency
    public var interval: Int = 1
    public var byMonth: [Int] = []
    public var byMonthDay: [Int] = []
    public var byDay: [WeekdayRule] = []
    public var bySetPos: [Int] = []
    public var count: Int?
    public var until: CivilDate?
    /// The first day of the series (`start:`, DTSTART).
    public var start: CivilDate
    /// The rule as written.
    public var text: String

    public init(frequency: Frequency, start: CivilDate, text: String) {
        self.frequency = frequency
        self.start = start
        self.text = text
    }
}

extension Recurrence {
    /// The occurrences on or after `start` that fall in `from...to`, in order.
    public func occurrences(from: CivilDate, to: CivilDate) -> [CivilDate] {
        var result: [CivilDate] = []
        var emitted = 0
        var period = 0
        let (sy, sm, _) = start.components
        // A period that yields nothing for this long means the rule never matches (Feb 30).
        var emptyPeriods = 0
        while emptyPeriods < 400 {
            let candidates = self.candidates(period: period * interval, startYear: sy, startMonth: sm)
            period += 1
            if candidates.isEmpty {
                emptyPeriods += 1
                continue
            }
            emptyPeriods = 0
            for date in candidates where date >= start {
                if let until, date > until { return result }
                if let count, emitted >= count { return result }
                if date > to { return result }
                emitted += 1
                if date >= from { result.append(date) }
            }
        }
        return result
    }

    private func candidates(period: Int, startYear: Int, startMonth: Int) -> [CivilDate] {
        var days: [CivilDate]
        switch frequency {
        case .yearly:
            let year = startYear + period
            if byMonth.isEmpty && byMonthDay.isEmpty && !byDay.isEmpty {
                days = weekdays(inRangeFrom: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!)
            } else {
                // RFC 5545: a yearly BYMONTHDAY without BYMONTH falls in every month; with neither,
                // the start's day of the start's month.
                let months = !byMonth.isEmpty ? byMonth : byMonthDay.isEmpty ? [startMonth] : Array(1...12)
                days = months.flatMap { monthDays(year: year, month: $0) }
            }
        case .monthly:
            let index = startYear * 12 + (startMonth - 1) + period
            let (year, month) = (index / 12, index % 12 + 1)
            days = byMonth.isEmpty || byMonth.contains(month) ? monthDays(year: year, month: month) : []
        case .weekly:
            let monday = start.adding(days: 1 - start.weekday + 7 * period)
            let wanted = byDay.isEmpty ? [start.weekday] : byDay.map(\.weekday)
            days = (0..<7).map { monday.adding(days: $0) }.filter { wanted.contains($0.weekday) }
            days = days.filter { byMonth.isEmpty || byMonth.contains($0.month) }
        case .daily:
            let day = start.adding(days: period)
            days = matchesFilters(day) ? [day] : []
        }
        days.sort()
        return applySetPos(days)
    }

    private func monthDays(year: Int, month: Int) -> [CivilDate] {
        let length = CivilDate.daysIn(month: month, year: year)
        if !byMonthDay.isEmpty {
            let days = byMonthDay.compactMap { d -> CivilDate? in
                let day = d > 0 ? d : length + d + 1
                return CivilDate(year: year, month: month, day: day)
            }
            return byDay.isEmpty ? days : days.filter { d in byDay.contains { $0.weekday == d.weekday } }
        }
        if !byDay.isEmpty {
            return weekdays(inRangeFrom: CivilDate(year: year, month: month, day: 1)!, to: CivilDate(year: year, month: month, day: length)!)
        }
        return CivilDate(year: year, month: month, day: start.day).map { [$0] } ?? []
    }

    /// `BYDAY` days within a month or a year, ordinals counted within that range.
    private func weekdays(inRangeFrom first: CivilDate, to last: CivilDate) -> [CivilDate] {
        var result: [CivilDate] = []
        for rule in byDay {
            let firstMatch = first.adding(days: (rule.weekday - first.weekday + 7) % 7)
            var all: [CivilDate] = []
            var d = firstMatch
            while d <= last {
                all.append(d)
                d = d.adding(days: 7)
            }
            if let n = rule.ordinal {
                let index = n > 0 ? n - 1 : all.count + n
                if all.indices.contains(index) { result.append(all[index]) }
            } else {
                result.append(contentsOf: all)
            }
        }
        return result
    }

    private func matchesFilters(_ day: CivilDate) -> Bool {
        let (_, m, d) = day.components
        if !byMonth.isEmpty && !byMonth.contains(m) { return false }
        if !byMonthDay.isEmpty {
            let length = CivilDate.daysIn(month: m, year: day.year)
            if !byMonthDay.contains(where: { ($0 > 0 ? $0 : length + $0 + 1) == d }) { return false }
        }
        if !byDay.isEmpty && !byDay.contains(where: { $0.weekday == day.weekday }) { return false }
        return true
    }

    private func applySetPos(_ days: [CivilDate]) -> [CivilDate] {
        guard !bySetPos.isEmpty else { return Array(Set(days)).sorted() }
        let unique = Array(Set(days)).sorted()
        return bySetPos.compactMap { pos -> CivilDate? in
            let index = pos > 0 ? pos - 1 : unique.count + pos
            return unique.indices.contains(index) ? unique[index] : nil
        }.sorted()
    }
}
