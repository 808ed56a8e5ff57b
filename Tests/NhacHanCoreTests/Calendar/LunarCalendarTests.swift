import NhacHanCore
import Testing

/// A Tết date from a published table, for table-driven tests.
struct TetCase: Sendable, CustomTestStringConvertible {
    let year: Int
    let month: Int
    let day: Int
    var testDescription: String { "Tết \(year) on \(day)/\(month)" }
}

extension TetCase {
    /// Mùng 1 tháng Giêng, 1985-2030, as listed in Hồ Ngọc Đức's published tables
    /// "Âm lịch Việt Nam 1900-2199" (informatik.uni-leipzig.de/~duc/amlich) and in the
    /// Vietnamese Wikipedia article "Tết Nguyên Đán". 1985, 2007 and 2030 are the years
    /// in which Vietnam's Tết differs from China's (20 Feb 1985, 18 Feb 2007, 3 Feb 2030).
    static let published: [TetCase] = [
        (1985, 1, 21), (1986, 2, 9), (1987, 1, 29), (1988, 2, 17), (1989, 2, 6),
        (1990, 1, 27), (1991, 2, 15), (1992, 2, 4), (1993, 1, 23), (1994, 2, 10),
        (1995, 1, 31), (1996, 2, 19), (1997, 2, 7), (1998, 1, 28), (1999, 2, 16),
        (2000, 2, 5), (2001, 1, 24), (2002, 2, 12), (2003, 2, 1), (2004, 1, 22),
        (2005, 2, 9), (2006, 1, 29), (2007, 2, 17), (2008, 2, 7), (2009, 1, 26),
        (2010, 2, 14), (2011, 2, 3), (2012, 1, 23), (2013, 2, 10), (2014, 1, 31),
        (2015, 2, 19), (2016, 2, 8), (2017, 1, 28), (2018, 2, 16), (2019, 2, 5),
        (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10),
        (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13),
        (2030, 2, 2),
    ].map { TetCase(year: $0.0, month: $0.1, day: $0.2) }
}

@Suite("Vietnamese lunar calendar")
struct LunarCalendarTests {
    @Test("Tết falls on the published day", arguments: TetCase.published)
    func tet(_ c: TetCase) throws {
        let expected = try #require(CivilDate(year: c.year, month: c.month, day: c.day))
        #expect(LunarCalendar.newYear(c.year) == expected)
        #expect(LunarCalendar.lunarDate(for: expected) == LunarDate(day: 1, month: 1, year: c.year))
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 1, month: 1, year: c.year)) == expected)
    }

    @Test("Tết 2007 falls on 17 February in Vietnam, a day before China's")
    func tet2007() throws {
        let vietnam = try #require(CivilDate(year: 2007, month: 2, day: 17))
        #expect(LunarCalendar.lunarDate(for: vietnam).description == "2007-01-01")
        // At UTC+8 the same new moon falls on the 18th: the Chinese calendar's Tết.
        #expect(LunarCalendar.newYear(2007, utcOffsetHours: 8) == vietnam.adding(days: 1))
    }

    @Test("Tết 2030 falls on 2 February in Vietnam, a day before China's 3 February")
    func tet2030() {
        #expect(LunarCalendar.newYear(2030) == CivilDate(year: 2030, month: 2, day: 2))
        #expect(LunarCalendar.newYear(2030, utcOffsetHours: 8) == CivilDate(year: 2030, month: 2, day: 3))
    }

    @Test("Tết 1985 falls on 21 January in Vietnam, a month before China's")
    func tet1985() throws {
        #expect(LunarCalendar.newYear(1985) == CivilDate(year: 1985, month: 1, day: 21))
        #expect(LunarCalendar.newYear(1985, utcOffsetHours: 8) == CivilDate(year: 1985, month: 2, day: 20))
    }

    @Test(
        "leap months fall where the published calendars put them",
        arguments: [(2012, 4), (2014, 9), (2017, 6), (2020, 4), (2023, 2), (2025, 6), (2028, 5)]
    )
    func leapMonth(year: Int, month: Int) {
        #expect(LunarCalendar.leapMonth(inYear: year) == month)
        let months = LunarCalendar.months(ofYear: year)
        #expect(months.count == 13)
        #expect(months.map(\.length).allSatisfy { $0 == 29 || $0 == 30 })
    }

    @Test("common years have twelve months and no leap month", arguments: [2019, 2021, 2022, 2024, 2026])
    func commonYear(year: Int) {
        #expect(LunarCalendar.leapMonth(inYear: year) == nil)
        #expect(LunarCalendar.months(ofYear: year).map(\.month) == Array(1...12))
    }

    @Test("the leap 2nd month of 2023 begins on 22 March")
    func leapMonth2023() {
        let lunar = LunarCalendar.lunarDate(for: CivilDate(year: 2023, month: 3, day: 22)!)
        #expect(lunar == LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true))
        #expect(lunar.vietnameseDescription == "Mùng 1 tháng Hai nhuận năm Quý Mão")
    }

    @Test("Giỗ Tổ Hùng Vương (10/3 lunar) falls on the published days", arguments: [
        (2020, 4, 2), (2021, 4, 21), (2022, 4, 10), (2023, 4, 29), (2024, 4, 18), (2025, 4, 7), (2026, 4, 26),
    ])
    func hungKings(year: Int, month: Int, day: Int) {
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 10, month: 3, year: year)) == CivilDate(year: year, month: month, day: day))
    }

    @Test("dates that do not exist give nil")
    func impossible() {
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 1, month: 3, year: 2024, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 31, month: 1, year: 2024)) == nil)
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 1, month: 13, year: 2024)) == nil)
        let shortMonth = LunarCalendar.months(ofYear: 2024).first { $0.length == 29 }!
        #expect(LunarCalendar.civilDate(for: LunarDate(day: 30, month: shortMonth.month, year: 2024)) == nil)
    }

    @Test("every day of 1900-2199 converts to lunar and back", .timeLimit(.minutes(3)))
    func roundTrip() {
        let first = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: 2199, month: 12, day: 31)!.dayNumber
        var previous = LunarCalendar.lunarDate(for: CivilDate(dayNumber: first - 1))
        var failures = 0
        for n in first...last {
            let date = CivilDate(dayNumber: n)
            let lunar = LunarCalendar.lunarDate(for: date)
            // Consecutive days: the next day of the month, or day 1 after day 29 or 30.
            let continues = lunar.day == previous.day + 1 && lunar.month == previous.month
                && lunar.isLeapMonth == previous.isLeapMonth && lunar.year == previous.year
            let startsMonth = lunar.day == 1 && (previous.day == 29 || previous.day == 30)
            if LunarCalendar.civilDate(for: lunar) != date || !(continues || startsMonth) {
                failures += 1
                if failures < 5 { Issue.record("\(date) -> \(lunar) (previous \(previous))") }
            }
            previous = lunar
        }
        #expect(failures == 0)
    }
}

@Suite("Lunar names")
struct LunarNameTests {
    @Test("can-chi year names", arguments: [
        (2024, "Giáp Thìn"), (2025, "Ất Tỵ"), (2026, "Bính Ngọ"), (1985, "Ất Sửu"), (2007, "Đinh Hợi"), (1900, "Canh Tý"),
    ])
    func yearName(year: Int, name: String) {
        #expect(LunarDate.yearName(year) == name)
    }

    @Test("Tết 2024 reads Mùng 1 tháng Giêng năm Giáp Thìn")
    func tet2024() {
        #expect(LunarCalendar.lunarDate(for: CivilDate(year: 2024, month: 2, day: 10)!).vietnameseDescription
            == "Mùng 1 tháng Giêng năm Giáp Thìn")
    }

    @Test("days after the tenth read Ngày N, and the twelfth month is Chạp")
    func laterDays() {
        #expect(LunarDate(day: 15, month: 8, year: 2024).vietnameseDescription == "Ngày 15 tháng Tám năm Giáp Thìn")
        #expect(LunarDate(day: 30, month: 12, year: 2023).vietnameseDescription == "Ngày 30 tháng Chạp năm Quý Mão")
        #expect(LunarDate(day: 10, month: 11, year: 2023).vietnameseDescription == "Mùng 10 tháng Mười Một năm Quý Mão")
    }
}
