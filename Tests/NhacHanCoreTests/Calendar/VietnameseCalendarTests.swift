import NhacHanCore
import Testing

/// The protocol's day-by-day defaults over the same days, to check the table against.
struct Walking: WorkingCalendar {
    let base: VietnameseCalendar
    func isWorkingDay(_ date: CivilDate) -> Bool { base.isWorkingDay(date) }
}

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

@Suite("Working-day arithmetic")
struct VietnameseCalendarTests {
    let calendar = VietnameseCalendar(years: 2020...2030)

    @Test("adding one working day to the eve of Tết 2024 lands after the break")
    func addAcrossTet() {
        #expect(calendar.adding(workingDays: 1, to: day("2024-02-07")) == day("2024-02-15"))
        #expect(calendar.adding(workingDays: 3, to: day("2024-02-02")) == day("2024-02-07"))
        #expect(calendar.adding(workingDays: 4, to: day("2024-02-02")) == day("2024-02-15"))
        #expect(calendar.adding(workingDays: -1, to: day("2024-02-15")) == day("2024-02-07"))
        #expect(calendar.adding(workingDays: 0, to: day("2024-02-10")) == day("2024-02-10"))
    }

    @Test("adding from a day off counts from the day off, not the next working day")
    func addFromDayOff() {
        #expect(calendar.adding(workingDays: 1, to: day("2024-02-10")) == day("2024-02-15"))
        #expect(calendar.adding(workingDays: -1, to: day("2024-02-10")) == day("2024-02-07"))
    }

    @Test("February 2024 has 16 working days: 21 weekdays less 5 of Tết")
    func countFebruary() {
        #expect(calendar.workingDays(from: day("2024-02-01"), to: day("2024-03-01")) == 16)
        #expect(calendar.workingDays(from: day("2024-03-01"), to: day("2024-02-01")) == 0)
    }

    @Test("on or before a Tết day is the last working day before the break")
    func onOrBeforeAcrossTet() {
        #expect(calendar.workingDay(onOrBefore: day("2024-02-10")) == day("2024-02-07"))
        #expect(calendar.workingDay(onOrAfter: day("2024-02-10")) == day("2024-02-15"))
        #expect(calendar.workingDay(onOrBefore: day("2024-02-07")) == day("2024-02-07"))
    }

    @Test("a deadline on a day off rolls over to the next working day (Civil Code art. 148)")
    func rollOver() {
        #expect(calendar.rollOver(day("2024-04-27")) == day("2024-05-02"))
        #expect(calendar.rollOver(day("2024-05-04")) == day("2024-05-04"))
    }

    @Test("configured days off and working days win over holidays and weekends")
    func overridesWin() {
        let configured = VietnameseCalendar(
            years: 2024...2024,
            daysOff: [NamedDay(date: day("2024-03-08"), name: "Nghỉ theo quyết định của UBND")],
            workingDays: [NamedDay(date: day("2024-02-14"), name: "Trực Tết"), NamedDay(date: day("2024-03-09"), name: "Làm bù")]
        )
        #expect(!configured.isWorkingDay(day("2024-03-08")))
        #expect(configured.dayOffName(day("2024-03-08")) == "Nghỉ theo quyết định của UBND")
        #expect(configured.isWorkingDay(day("2024-02-14")))
        #expect(configured.isWorkingDay(day("2024-03-09")))
        #expect(configured.adding(workingDays: 1, to: day("2024-02-07")) == day("2024-02-14"))
        let listing = configured.nonWorkingDays(inYear: 2024)
        #expect(!listing.contains { $0.date == day("2024-02-14") })
        #expect(listing.contains { $0.date == day("2024-03-09") && $0.kind == .weekendWork })
        #expect(listing.contains { $0.date == day("2024-03-08") && $0.kind == .holiday })
    }

    @Test("dates outside the table are computed and agree with a wider table")
    func outsideTable() {
        let narrow = VietnameseCalendar(years: 2024...2024)
        for iso in ["2023-01-20", "2023-01-27", "2025-01-27", "2025-04-26", "2025-05-02"] {
            #expect(narrow.isWorkingDay(day(iso)) == calendar.isWorkingDay(day(iso)), "\(iso)")
        }
        #expect(narrow.adding(workingDays: 5, to: day("2024-12-27")) == calendar.adding(workingDays: 5, to: day("2024-12-27")))
        #expect(narrow.workingDays(from: day("2023-12-01"), to: day("2025-02-01"))
            == calendar.workingDays(from: day("2023-12-01"), to: day("2025-02-01")))
        #expect(narrow.dayOffName(day("2025-01-28")) == "Tết Nguyên đán")
    }

    @Test("the table answers as the day-by-day walk does", .timeLimit(.minutes(3)))
    func tableMatchesWalk() {
        let walking = Walking(base: calendar)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        let first = day("2020-01-01").dayNumber
        for _ in 0..<800 {
            let date = CivilDate(dayNumber: first + next(3650))
            let n = next(120) - 60
            #expect(calendar.adding(workingDays: n, to: date) == walking.adding(workingDays: n, to: date), "\(date) + \(n)")
            let to = date.adding(days: next(400))
            #expect(calendar.workingDays(from: date, to: to) == walking.workingDays(from: date, to: to))
            #expect(calendar.workingDay(onOrAfter: date) == walking.workingDay(onOrAfter: date))
            #expect(calendar.workingDay(onOrBefore: date) == walking.workingDay(onOrBefore: date))
        }
    }

    @Test("years beyond the shipped announcements follow the rules: Tết 2027 is 29 tháng Chạp to mùng 4")
    func rulesYear() {
        let days = calendar.nonWorkingDays(inYear: 2027).filter { $0.name == "Tết Nguyên đán" }
        #expect(days.map(\.date) == (0..<5).map { day("2027-02-05").adding(days: $0) })
        // Mùng 1 and 2 fall on the weekend: two substitutes follow.
        #expect(!calendar.isWorkingDay(day("2027-02-10")) && !calendar.isWorkingDay(day("2027-02-11")))
        #expect(calendar.isWorkingDay(day("2027-02-12")))
    }
}
