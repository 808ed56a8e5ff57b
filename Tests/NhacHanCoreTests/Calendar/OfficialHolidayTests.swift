import NhacHanCore
import Testing

/// A run of consecutive days off as a government decision announced it.
struct OfficialBreak: Sendable, CustomTestStringConvertible {
    let from: String
    let to: String
    let source: String
    var testDescription: String { "\(from)…\(to)" }
}

extension OfficialBreak {
    /// The days off of state bodies, 2020-2026, weekends included, as announced. Each
    /// break must be off from end to end, and the working day on each side must be worked.
    static let cases2020to2026: [OfficialBreak] = [
        .init(from: "2020-01-01", to: "2020-01-01", source: "Labour Code 2012 art. 115"),
        .init(from: "2020-01-23", to: "2020-01-29", source: "Bộ LĐ-TB&XH, Tết 2020: 29 tháng Chạp to mùng 5"),
        .init(from: "2020-04-02", to: "2020-04-02", source: "Giỗ Tổ on a Thursday"),
        .init(from: "2020-04-30", to: "2020-05-03", source: "30/4 and 1/5 on Thursday and Friday"),
        .init(from: "2020-09-02", to: "2020-09-02", source: "one day under the 2012 Code"),
        .init(from: "2021-01-01", to: "2021-01-03", source: "Labour Code 2019 art. 112"),
        .init(from: "2021-02-10", to: "2021-02-16", source: "Công văn 9895/VPCP-KGVX"),
        .init(from: "2021-04-21", to: "2021-04-21", source: "Giỗ Tổ on a Wednesday"),
        .init(from: "2021-04-30", to: "2021-05-03", source: "1/5 on a Saturday, nghỉ bù Monday 3/5"),
        .init(from: "2021-09-02", to: "2021-09-05", source: "Công văn 9895/VPCP-KGVX"),
        .init(from: "2022-01-01", to: "2022-01-03", source: "1/1 on a Saturday, nghỉ bù Monday 3/1"),
        .init(from: "2022-01-29", to: "2022-02-06", source: "Công văn 245/VPCP-KGVX"),
        .init(from: "2022-04-09", to: "2022-04-11", source: "Giỗ Tổ on a Sunday, nghỉ bù Monday 11/4"),
        .init(from: "2022-04-30", to: "2022-05-03", source: "30/4 and 1/5 on a weekend, nghỉ bù 2/5 and 3/5"),
        .init(from: "2022-09-01", to: "2022-09-04", source: "2/9 on a Friday, with 1/9"),
        .init(from: "2022-12-31", to: "2023-01-02", source: "1/1/2023 on a Sunday, nghỉ bù Monday 2/1"),
        .init(from: "2023-01-20", to: "2023-01-26", source: "VPCP, 01/12/2022"),
        .init(from: "2023-04-29", to: "2023-05-03", source: "Giỗ Tổ 29/4 and 30/4 on a weekend, nghỉ bù 2/5 and 3/5"),
        .init(from: "2023-09-01", to: "2023-09-04", source: "VPCP, 01/12/2022"),
        .init(from: "2023-12-30", to: "2024-01-01", source: "1/1/2024 on a Monday"),
        .init(from: "2024-02-08", to: "2024-02-14", source: "Thông báo 5015/TB-LĐTBXH"),
        .init(from: "2024-04-18", to: "2024-04-18", source: "Giỗ Tổ on a Thursday"),
        .init(from: "2024-04-27", to: "2024-05-01", source: "Công văn 2450/VPCP-KGVX"),
        .init(from: "2024-08-31", to: "2024-09-03", source: "Thông báo 5015/TB-LĐTBXH"),
        .init(from: "2025-01-01", to: "2025-01-01", source: "1/1 on a Wednesday"),
        .init(from: "2025-01-25", to: "2025-02-02", source: "Công văn 8726/VPCP-KGVX"),
        .init(from: "2025-04-05", to: "2025-04-07", source: "Giỗ Tổ on a Monday"),
        .init(from: "2025-04-30", to: "2025-05-04", source: "Công văn 8726/VPCP-KGVX"),
        .init(from: "2025-08-30", to: "2025-09-02", source: "Công văn 8726/VPCP-KGVX"),
        .init(from: "2026-01-01", to: "2026-01-04", source: "Công văn 12729/VPCP-KGVX"),
        .init(from: "2026-02-14", to: "2026-02-22", source: "Thông báo 9441/TB-BNV"),
        .init(from: "2026-04-25", to: "2026-04-27", source: "Giỗ Tổ on a Sunday, nghỉ bù Monday 27/4"),
        .init(from: "2026-04-30", to: "2026-05-03", source: "30/4 and 1/5 on Thursday and Friday"),
        .init(from: "2026-08-29", to: "2026-09-02", source: "Thông báo 9441/TB-BNV: 31/8 swapped for Saturday 22/8"),
    ]
}

@Suite("Official holidays 2020-2026")
struct OfficialHolidayTests {
    let calendar = VietnameseCalendar(years: 2019...2027)

    @Test("announced breaks are off end to end and worked on either side", arguments: OfficialBreak.cases2020to2026)
    func officialBreak(_ b: OfficialBreak) throws {
        let from = try #require(CivilDate(iso: b.from))
        let to = try #require(CivilDate(iso: b.to))
        var d = from
        while d <= to {
            #expect(!calendar.isWorkingDay(d), "\(d) should be off (\(b.source))")
            d = d.adding(days: 1)
        }
        // The nearest weekdays outside the break are working days.
        #expect(calendar.workingDay(onOrBefore: from) == WeekendCalendar().workingDay(onOrBefore: from.adding(days: -1)))
        #expect(calendar.workingDay(onOrAfter: to) == WeekendCalendar().workingDay(onOrAfter: to.adding(days: 1)))
    }

    @Test("swapped Saturdays are working days", arguments: ["2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"])
    func workingSaturday(_ iso: String) throws {
        let day = try #require(CivilDate(iso: iso))
        #expect(day.weekday == 6)
        #expect(calendar.isWorkingDay(day))
        #expect(calendar.nonWorkingDays(inYear: day.year).contains { $0.date == day && $0.kind == .weekendWork })
    }

    @Test("the 2024 listing names the Tết substitutes and the 30/4 swap")
    func listing2024() {
        let days = calendar.nonWorkingDays(inYear: 2024)
        func kind(_ iso: String) -> CalendarDay.Kind? { days.first { $0.date == CivilDate(iso: iso) }?.kind }
        #expect(kind("2024-01-01") == .holiday)
        #expect(kind("2024-02-10") == .holiday)
        #expect(kind("2024-02-13") == .substitute)
        #expect(kind("2024-02-14") == .substitute)
        #expect(kind("2024-04-18") == .holiday)
        #expect(kind("2024-04-29") == .substitute)
        #expect(kind("2024-05-04") == .weekendWork)
        #expect(kind("2024-09-03") == .holiday)
        #expect(days.allSatisfy { $0.date.year == 2024 })
        #expect(days.map(\.date) == days.map(\.date).sorted())
        #expect(calendar.dayOffName(CivilDate(iso: "2024-02-08")!) == "Tết Nguyên đán")
    }

    @Test("a holiday on a weekend gives the next working day off (1/1/2022 -> 3/1)")
    func substituteByRule() {
        let days = calendar.nonWorkingDays(inYear: 2022)
        let monday = days.first { $0.date == CivilDate(iso: "2022-01-03") }
        #expect(monday?.kind == .substitute)
        #expect(monday?.name == "Nghỉ bù Tết Dương lịch")
        #expect(calendar.dayOffName(CivilDate(iso: "2022-01-03")!) == "Nghỉ bù Tết Dương lịch")
    }

    @Test("years 2020-2026 ship an announcement, and 2030 does not")
    func announcements() {
        for year in 2020...2026 { #expect(calendar.hasAnnouncement(forYear: year)) }
        #expect(!calendar.hasAnnouncement(forYear: 2030))
    }

    @Test("every shipped entry parses, cites a source and is consistent", arguments: ShippedCase.all)
    func shippedEntry(_ c: ShippedCase) {
        let a = c.announcement
        #expect(!a.source.isEmpty && !a.occasions.isEmpty)
        #expect(a.swappedDaysOff.count == a.weekendWork.count)
        for iso in a.holidays + a.substitutes + a.swappedDaysOff + a.weekendWork {
            let date = CivilDate(iso: iso)
            #expect(date != nil && abs(date!.year - a.year) <= 1, "\(iso)")
        }
        #expect(a.weekendWork.compactMap { CivilDate(iso: $0) }.allSatisfy { $0.isWeekend })
        #expect(a.swappedDaysOff.compactMap { CivilDate(iso: $0) }.allSatisfy { !$0.isWeekend })
        // The announced holidays agree with the Code where it fixes the date.
        for occasion in a.occasions where occasion != .lunarNewYear {
            let fixed = occasion.ruleDates(inYear: a.year)[occasion == .nationalDay ? fixed2September(a.year) : 0]
            #expect(a.holidays.contains(fixed.description), "\(occasion) \(a.year)")
        }
        if a.occasions == [.lunarNewYear] {
            let tet = LunarCalendar.newYear(a.year)
            #expect(a.holidays.compactMap { CivilDate(iso: $0) }.allSatisfy { abs($0.dayNumber - tet.dayNumber) <= 6 })
        }
    }

    /// Index of 2 September among the National Day rule dates (it may follow 1 September).
    func fixed2September(_ year: Int) -> Int {
        HolidayOccasion.nationalDay.ruleDates(inYear: year).firstIndex { $0.month == 9 && $0.day == 2 } ?? 0
    }
}

/// A shipped announcement, named for the test log.
struct ShippedCase: Sendable, CustomTestStringConvertible {
    let announcement: HolidayAnnouncement
    var testDescription: String {
        "\(announcement.year) \(announcement.occasions.map(\.rawValue).joined(separator: "+"))"
    }
    static let all = HolidayAnnouncement.shipped.map(ShippedCase.init)
}
