/// Gregorian to Vietnamese lunar dates and back.
///
/// Vietnam reckons its lunar calendar at UTC+7, China at UTC+8. A new moon between
/// 16:00 and 17:00 UT falls on different civil days in the two zones, which is why Tết
/// 1985 and 2007 came a day (or a month) earlier in Vietnam; Foundation's `.chinese`
/// calendar is therefore not used. Months are computed, not tabulated, by Hồ Ngọc Đức's
/// astronomical method; every call is pure and takes a few microseconds.
///
/// - precondition: Dates are meant for 1900-2199, the range the method is checked on.
public enum LunarCalendar {
    /// Hours east of UTC at which Vietnam reckons new moons and solar terms.
    public static let vietnamUTCOffsetHours: Double = 7

    /// The Gregorian years on which conversion is verified.
    public static let supportedYears: ClosedRange<Int> = 1900...2199

    /// The lunar date of a civil day.
    ///
    /// `utcOffsetHours` exists only to compare with other zones (8 gives the Chinese calendar).
    public static func lunarDate(for date: CivilDate, utcOffsetHours zone: Double = vietnamUTCOffsetHours) -> LunarDate {
        let jdn = date.dayNumber + LunarAstronomy.unixEpochJDN
        let k = Int(((Double(jdn) - 2_415_021.076998695) / 29.530588853).rounded(.down))
        var monthStart = LunarAstronomy.newMoonDay(k + 1, zone: zone)
        if monthStart > jdn { monthStart = LunarAstronomy.newMoonDay(k, zone: zone) }
        // The mean-lunation estimate of `k` can be one too high near a new moon.
        if monthStart > jdn { monthStart = LunarAstronomy.newMoonDay(k - 1, zone: zone) }
        let year = date.year
        let thisYear = LunarAstronomy.month11(year, zone: zone)
        let interval = monthStart >= thisYear
            ? SolsticeInterval(year: year, start: thisYear, end: LunarAstronomy.month11(year + 1, zone: zone), zone: zone)
            : SolsticeInterval(year: year - 1, start: LunarAstronomy.month11(year - 1, zone: zone), end: thisYear, zone: zone)
        let label = interval.label((monthStart - interval.start) / 29)
        return LunarDate(day: jdn - monthStart + 1, month: label.month, year: label.year, isLeapMonth: label.isLeap)
    }

    /// The civil day of a lunar date, or `nil` when it does not exist (a 30th in a 29-day
    /// month, a leap month the year does not have).
    public static func civilDate(for lunar: LunarDate, utcOffsetHours zone: Double = vietnamUTCOffsetHours) -> CivilDate? {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day) else { return nil }
        // Months 11 and 12 open the interval of their own year; months 1-10 lie in the
        // interval that began at month 11 of the previous year.
        let interval = SolsticeInterval(year: lunar.month >= 11 ? lunar.year : lunar.year - 1, zone: zone)
        for i in 0..<interval.monthCount {
            let label = interval.label(i)
            guard label.month == lunar.month, label.isLeap == lunar.isLeapMonth, label.year == lunar.year else { continue }
            let first = interval.firstDay(i, zone: zone)
            guard lunar.day <= interval.firstDay(i + 1, zone: zone) - first else { return nil }
            return CivilDate(dayNumber: first + lunar.day - 1 - LunarAstronomy.unixEpochJDN)
        }
        return nil
    }

    /// The months of lunar year `year`, in order, leap month included.
    public static func months(ofYear year: Int, utcOffsetHours zone: Double = vietnamUTCOffsetHours) -> [LunarMonth] {
        var months: [LunarMonth] = []
        for interval in [SolsticeInterval(year: year - 1, zone: zone), SolsticeInterval(year: year, zone: zone)] {
            for i in 0..<interval.monthCount where interval.label(i).year == year {
                let label = interval.label(i)
                let first = interval.firstDay(i, zone: zone)
                months.append(LunarMonth(
                    year: year, month: label.month, isLeapMonth: label.isLeap,
                    firstDay: CivilDate(dayNumber: first - LunarAstronomy.unixEpochJDN),
                    length: interval.firstDay(i + 1, zone: zone) - first
                ))
            }
        }
        return months
    }

    /// Tết: the first day of the first month of lunar year `year`.
    public static func newYear(_ year: Int, utcOffsetHours zone: Double = vietnamUTCOffsetHours) -> CivilDate {
        let interval = SolsticeInterval(year: year - 1, zone: zone)
        let i = (0..<interval.monthCount).first { interval.label($0).month == 1 && !interval.label($0).isLeap } ?? 2
        return CivilDate(dayNumber: interval.firstDay(i, zone: zone) - LunarAstronomy.unixEpochJDN)
    }

    /// The number of the leap month of lunar year `year` (the month it repeats), if any.
    public static func leapMonth(inYear year: Int, utcOffsetHours zone: Double = vietnamUTCOffsetHours) -> Int? {
        months(ofYear: year, utcOffsetHours: zone).first(where: \.isLeapMonth)?.month
    }
}

/// The lunar months from one 11th month (the one holding the December solstice of
/// Gregorian `year`) up to the next: 12 months, or 13 when one of them is a leap month.
struct SolsticeInterval {
    let year: Int
    /// Julian day numbers of the two 11th months.
    let start: Int
    let end: Int
    /// The index (1-12) of the leap month, the first with no major solar term.
    let leapIndex: Int?

    init(year: Int, start: Int, end: Int, zone: Double) {
        self.year = year
        self.start = start
        self.end = end
        self.leapIndex = end - start > 365 ? LunarAstronomy.leapMonthOffset(start, zone: zone) : nil
    }

    init(year: Int, zone: Double) {
        self.init(
            year: year, start: LunarAstronomy.month11(year, zone: zone),
            end: LunarAstronomy.month11(year + 1, zone: zone), zone: zone
        )
    }

    var monthCount: Int { leapIndex == nil ? 12 : 13 }

    /// Month number, leap flag and lunar year of the `i`-th month (0 is month 11).
    func label(_ i: Int) -> (month: Int, isLeap: Bool, year: Int) {
        var month = i + 11
        var isLeap = false
        if let leapIndex, i >= leapIndex {
            month = i + 10
            isLeap = i == leapIndex
        }
        if month > 12 { month -= 12 }
        return (month, isLeap, month >= 11 && i < 4 ? year : year + 1)
    }

    /// Julian day number of the first day of the `i`-th month; `monthCount` gives `end`.
    func firstDay(_ i: Int, zone: Double) -> Int {
        if i == 0 { return start }
        if i >= monthCount { return end }
        return LunarAstronomy.newMoonDay(LunarAstronomy.lunationIndex(startingOn: start) + i, zone: zone)
    }
}
