/// The public holidays of the Labour Code (2019 art. 112; 2012 art. 115 before 2021).
public enum HolidayOccasion: String, CaseIterable, Hashable, Sendable {
    case newYear
    case lunarNewYear
    case hungKings
    case reunification
    case labourDay
    case nationalDay

    public var vietnameseName: String {
        switch self {
        case .newYear: "Tết Dương lịch"
        case .lunarNewYear: "Tết Nguyên đán"
        case .hungKings: "Giỗ Tổ Hùng Vương"
        case .reunification: "Ngày Chiến thắng"
        case .labourDay: "Ngày Quốc tế Lao động"
        case .nationalDay: "Quốc khánh"
        }
    }

    public var englishName: String {
        switch self {
        case .newYear: "New Year's Day"
        case .lunarNewYear: "Lunar New Year (Tết)"
        case .hungKings: "Hùng Kings' Commemoration Day"
        case .reunification: "Reunification Day"
        case .labourDay: "International Labour Day"
        case .nationalDay: "National Day"
        }
    }

    /// The days the Labour Code gives for this holiday in `year`, before substitutes.
    ///
    /// Tết is 5 days from 2013 (4 before): the last day of the lunar year and the first
    /// days of the new one, the span the government has most often chosen. National Day
    /// gains an adjacent day from 2021, on the side that joins a weekend, as decided in
    /// 2021-2025. Giỗ Tổ is a holiday from 2007.
    public func ruleDates(inYear year: Int) -> [CivilDate] {
        switch self {
        case .newYear:
            return [CivilDate(dayNumber: CivilDate.days(year: year, month: 1, day: 1))]
        case .lunarNewYear:
            let tet = LunarCalendar.newYear(year)
            return (-1..<(year >= 2013 ? 4 : 3)).map { tet.adding(days: $0) }
        case .hungKings:
            guard year >= 2007, let day = LunarCalendar.civilDate(for: LunarDate(day: 10, month: 3, year: year)) else { return [] }
            return [day]
        case .reunification:
            return [CivilDate(dayNumber: CivilDate.days(year: year, month: 4, day: 30))]
        case .labourDay:
            return [CivilDate(dayNumber: CivilDate.days(year: year, month: 5, day: 1))]
        case .nationalDay:
            let day = CivilDate(dayNumber: CivilDate.days(year: year, month: 9, day: 2))
            guard year >= 2021 else { return [day] }
            // ISO weekday 1...7 of 2 September -> the side of the extra day.
            let side = [1, -1, -1, 1, -1, -1, 1][day.weekday - 1]
            return [day, day.adding(days: side)].sorted()
        }
    }
}
