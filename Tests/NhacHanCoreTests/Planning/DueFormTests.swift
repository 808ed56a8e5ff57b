import Testing
@testable import NhacHanCore

@Suite("Every form of due")
struct DueFormTests {
    let calendar = WeekendCalendar()
    let window = Fixture.day(2020, 1, 1)...Fixture.day(2030, 1, 1)
    let directive = Directive(id: "d", issuer: "UBND", issued: Fixture.day(2024, 3, 1), received: Fixture.day(2024, 3, 4), subject: "s", tasks: [])

    func occurrences(_ due: Due, rollOver: Bool = false) -> [Deadline] {
        Deadline.occurrences(of: due, directive: directive, window: window, rollOver: rollOver, calendar: calendar)
    }

    @Test("'at' is an exact instant; its last day is that day")
    func atInstant() {
        let d = occurrences(.at(Fixture.day(2024, 3, 29), minute: 14 * 60)).first!
        #expect(d.instant == Fixture.at(2024, 3, 29, 14))
        #expect(d.lastDay == Fixture.day(2024, 3, 29))
    }

    @Test("'within 10d from issued' counts from the day after; a period ending on a Saturday ends on Monday")
    func withinCalendarDaysRollsOver() {
        let ten = occurrences(.within(DayCount(10, working: false), from: .issued)).first!
        #expect(ten.effective == Fixture.day(2024, 3, 11))
        let eight = occurrences(.within(DayCount(8, working: false), from: .issued)).first!
        #expect(eight.written == Fixture.day(2024, 3, 9))
        #expect(eight.effective == Fixture.day(2024, 3, 11))
        #expect(eight.kind == .through)
    }

    @Test("'within 5wd from received' counts working days after the day received")
    func withinWorkingDays() {
        let d = occurrences(.within(DayCount(5, working: true), from: .received)).first!
        #expect(d.effective == Fixture.day(2024, 3, 11))  // received Mon 4/3: 5,6,7,8,11
        let fromDate = occurrences(.within(DayCount(1, working: true), from: .date(Fixture.day(2024, 3, 29)))).first!
        #expect(fromDate.effective == Fixture.day(2024, 4, 1))
    }

    @Test("a fixed date on a day off stands, unless roll_over moves it to the next working day")
    func fixedDateRollOver() {
        let sunday = Fixture.day(2024, 3, 31)
        #expect(occurrences(.through(sunday)).first!.effective == sunday)
        let rolled = occurrences(.through(sunday), rollOver: true).first!
        #expect(rolled.effective == Fixture.day(2024, 4, 1))
        #expect(rolled.written == sunday)
    }

    @Test("'every' monthly on the 20th gives one deadline per month")
    func everyMonthly() throws {
        let rule = try Recurrence(parsing: "FREQ=MONTHLY;BYMONTHDAY=20", start: Fixture.day(2024, 1, 1))
        let got = rule.occurrences(from: Fixture.day(2024, 1, 1), to: Fixture.day(2024, 4, 30))
        #expect(got.map(\.description) == ["2024-01-20", "2024-02-20", "2024-03-20", "2024-04-20"])
        let deadlines = occurrences(.every(rule, kind: .before))
        #expect(deadlines.first?.kind == .before)
    }

    @Test("'every' understands -1FR, BYSETPOS, yearly days, COUNT and UNTIL")
    func everyRules() throws {
        func dates(_ text: String, _ start: CivilDate = Fixture.day(2024, 1, 1), to: CivilDate = Fixture.day(2026, 12, 31)) throws -> [String] {
            try Recurrence(parsing: text, start: start).occurrences(from: start, to: to).map(\.description)
        }
        #expect(try dates("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3") == ["2024-01-26", "2024-02-23", "2024-03-29"])
        #expect(try dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2", Fixture.day(2024, 6, 1)) == ["2024-06-28", "2024-07-31"])
        #expect(try dates("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=25", Fixture.day(2024, 3, 25)) == ["2024-03-25", "2025-03-25", "2026-03-25"])
        #expect(try dates("FREQ=WEEKLY;BYDAY=FR;UNTIL=20240119") == ["2024-01-05", "2024-01-12", "2024-01-19"])
        #expect(try dates("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4") == ["2024-01-31", "2024-04-30", "2024-07-31", "2024-10-31"])
        #expect(try dates("FREQ=DAILY;BYDAY=MO;COUNT=2") == ["2024-01-01", "2024-01-08"])
        // RFC 5545: BYMONTHDAY in a yearly rule without BYMONTH is that day of every month.
        #expect(try dates("FREQ=YEARLY;BYMONTHDAY=3;COUNT=3", Fixture.day(2024, 5, 1)) == ["2024-05-03", "2024-06-03", "2024-07-03"])
        #expect(try dates("FREQ=YEARLY;COUNT=2", Fixture.day(2024, 5, 7)) == ["2024-05-07", "2025-05-07"])
    }

    @Test("an RRULE outside the subset is refused with what is not supported", arguments: [
        "FREQ=HOURLY", "FREQ=MONTHLY;BYHOUR=8", "BYMONTHDAY=20", "FREQ=MONTHLY;BYDAY=XX", "FREQ=MONTHLY;COUNT=2;UNTIL=20240101",
    ])
    func unsupportedRule(_ text: String) {
        #expect(throws: RecurrenceError.self) { try Recurrence(parsing: text, start: Fixture.day(2024, 1, 1)) }
    }

    @Test("an undated obligation is never planned")
    func undatedIsNotPlanned() {
        #expect(occurrences(.undated("theo quy định")).isEmpty)
        let plan = Fixture.plan(Fixture.registry(due: .undated("theo quy định")), now: Fixture.at(2024, 3, 1, 0))
        #expect(plan.reminders.isEmpty)
    }
}
