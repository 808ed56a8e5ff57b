/// One government decision on how a holiday is taken in one year: which days are the
/// holiday, which are given in its place, and which Saturdays are worked in exchange.
///
/// The Labour Code fixes the number of days; the dates of the Tết days, the second
/// National Day day and any swap are decided each year (Decree 145/2020 art. 66), so
/// they ship as data. Dates are ISO `YYYY-MM-DD` strings so the table reads as the
/// announcement does; tests check that every one parses.
public struct HolidayAnnouncement: Hashable, Sendable {
    public var year: Int
    /// The holidays this decision settles; the others of the year follow the rules.
    public var occasions: [HolidayOccasion]
    /// The document, as it is cited ("Thông báo 5015/TB-LĐTBXH ngày 22/11/2023").
    public var source: String
    /// The official holiday days, weekend days among them included.
    public var holidays: [String]
    /// Days off in place of holidays that fall on a weekend (nghỉ bù).
    public var substitutes: [String]
    /// Working days swapped into days off (hoán đổi), each paired with `weekendWork`.
    public var swappedDaysOff: [String]
    /// Saturdays or Sundays worked in exchange for `swappedDaysOff`.
    public var weekendWork: [String]

    public init(
        year: Int, occasions: [HolidayOccasion], source: String, holidays: [String],
        substitutes: [String] = [], swappedDaysOff: [String] = [], weekendWork: [String] = []
    ) {
        self.year = year
        self.occasions = occasions
        self.source = source
        self.holidays = holidays
        self.substitutes = substitutes
        self.swappedDaysOff = swappedDaysOff
        self.weekendWork = weekendWork
    }

    /// The days of this decision, named after its occasions.
    public func calendarDays() -> [CalendarDay] {
        let vi = occasions.map(\.vietnameseName).joined(separator: ", ")
        let en = occasions.map(\.englishName).joined(separator: ", ")
        var days: [CalendarDay] = []
        for date in holidays.map(Self.parse) {
            let occasion = occasions.first { $0.ruleDates(inYear: date.year).contains(date) } ?? occasions[0]
            days.append(CalendarDay(date: date, name: occasion.vietnameseName, nameEnglish: occasion.englishName, kind: .holiday, source: source))
        }
        for date in substitutes.map(Self.parse) {
            days.append(CalendarDay(date: date, name: "Nghỉ bù \(vi)", nameEnglish: "Substitute day off for \(en)", kind: .substitute, source: source))
        }
        for (off, work) in zip(swappedDaysOff.map(Self.parse), weekendWork.map(Self.parse)) {
            days.append(CalendarDay(
                date: off, name: "Nghỉ hoán đổi \(vi) (làm bù \(HolidayListing.shortDate(work)))",
                nameEnglish: "Day off for \(en), worked on \(work)", kind: .substitute, source: source
            ))
            days.append(CalendarDay(
                date: work, name: "Làm bù cho ngày nghỉ \(HolidayListing.shortDate(off))",
                nameEnglish: "Working day in exchange for \(off)", kind: .weekendWork, source: source
            ))
        }
        return days
    }

    static func parse(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso: iso) else { preconditionFailure("Malformed date '\(iso)' in the shipped holiday announcements") }
        return date
    }
}
