/// The public holidays of a year: the shipped announcements where a decision exists, the
/// Labour Code rules for everything a decision does not settle.
///
/// Rules: the days of `HolidayOccasion.ruleDates(inYear:)`, and for each such day on a
/// Saturday or Sunday a substitute on the next day that is neither a weekend day nor
/// already off (Labour Code 2019 art. 111(3)).
public struct VietnameseHolidays: Hashable, Sendable {
    public var announcements: [HolidayAnnouncement]

    public init(announcements: [HolidayAnnouncement] = HolidayAnnouncement.shipped) {
        self.announcements = announcements
    }

    /// Whether a government decision for `year` ships with the package; without one the
    /// year is computed from the rules alone and `check` should say so.
    public func hasAnnouncement(forYear year: Int) -> Bool {
        announcements.contains { $0.year == year }
    }

    /// The holidays, substitutes and worked weekend days dated in `year`, by date.
    public func days(inYear year: Int) -> [CalendarDay] {
        // A decision of one year may place days in the next (a swap across New Year).
        let days = (year - 1...year + 1).flatMap(decidedOrRuleDays).filter { $0.date.year == year }
        return days.sorted { ($0.date, $0.kind.order) < ($1.date, $1.kind.order) }
    }

    /// Every day that the decisions and rules of `year` produce, wherever it falls.
    func decidedOrRuleDays(_ year: Int) -> [CalendarDay] {
        let decided = announcements.filter { $0.year == year }
        let settled = Set(decided.flatMap(\.occasions))
        var result = decided.flatMap { $0.calendarDays() }
        var taken = Set(result.filter(\.isDayOff).map(\.date))

        let ruled = HolidayOccasion.allCases
            .filter { !settled.contains($0) }
            .flatMap { occasion in occasion.ruleDates(inYear: year).map { (occasion, $0) } }
            .sorted { $0.1 < $1.1 }
        var weekendHolidays: [(HolidayOccasion, CivilDate)] = []
        for (occasion, date) in ruled {
            if let i = result.firstIndex(where: { $0.date == date && $0.kind == .holiday }) {
                // Two holidays on one day (Giỗ Tổ on 30/4): one day off under both names.
                result[i].name += ", \(occasion.vietnameseName)"
                result[i].nameEnglish += ", \(occasion.englishName)"
                continue
            }
            result.append(CalendarDay(date: date, name: occasion.vietnameseName, nameEnglish: occasion.englishName, kind: .holiday))
            taken.insert(date)
            if date.isWeekend { weekendHolidays.append((occasion, date)) }
        }
        for (occasion, date) in weekendHolidays {
            var substitute = date.adding(days: 1)
            while substitute.isWeekend || taken.contains(substitute) { substitute = substitute.adding(days: 1) }
            taken.insert(substitute)
            result.append(CalendarDay(
                date: substitute, name: "Nghỉ bù \(occasion.vietnameseName)",
                nameEnglish: "Substitute day off for \(occasion.englishName)", kind: .substitute
            ))
        }
        return result
    }
}

extension CalendarDay.Kind {
    /// Listing order on one date.
    var order: Int {
        switch self {
        case .holiday: 0
        case .substitute: 1
        case .weekendWork: 2
        }
    }
}
