import Testing
@testable import NhacHanCore

@Suite("Stages of the default policy")
struct StageScheduleTests {
    @Test("'trước ngày 29/3/2024' gives 7d, 3wd, 1wd, the last day, then overdue repeats every 2 working days")
    func beforeDeadlineSchedule() {
        let plan = Fixture.plan(Fixture.registry(due: .before(Fixture.day(2024, 3, 29))), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan) == [
            "2024-03-21 before", "2024-03-25 before", "2024-03-27 before", "2024-03-28 due",
            "2024-03-29 overdue", "2024-04-02 escalation", "2024-04-04 escalation", "2024-04-08 escalation",
            "2024-04-10 escalation",
        ])
        #expect(plan.messages.allSatisfy { $0.sendAt.secondOfDay == 8 * 3600 })
    }

    @Test("the last day to act of 'trước ngày D' is the working day before D; of 'đến hết ngày D' it is D")
    func lastDayOfBeforeAndThrough() {
        let cal = WeekendCalendar()
        let before = Deadline.fixed(.before, date: Fixture.day(2024, 4, 1), rollOver: false, calendar: cal)
        #expect(before.lastDay == Fixture.day(2024, 3, 29))
        #expect(before.instant == LocalTime(day: Fixture.day(2024, 4, 1)))
        let through = Deadline.fixed(.through, date: Fixture.day(2024, 4, 1), rollOver: false, calendar: cal)
        #expect(through.lastDay == Fixture.day(2024, 4, 1))
        #expect(through.instant == LocalTime(seconds: LocalTime(day: Fixture.day(2024, 4, 2)).seconds - 1))
    }

    @Test("a before-stage that falls on a Saturday moves to the Friday before")
    func saturdayBeforeStageMovesToFriday() {
        let policy = Policy(id: "p", before: [DayCount(2, working: false)])
        // Through Monday 25/3/2024: two days before is Saturday 23/3.
        let plan = Fixture.plan(Fixture.registry(due: .through(Fixture.day(2024, 3, 25)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan) == ["2024-03-22 before"])
    }

    @Test("an overdue repeat that falls on a Sunday moves to the Monday after")
    func sundayOverdueMovesToMonday() {
        let policy = Policy(id: "p", overdue: OverdueRepeat(every: DayCount(2, working: false), max: 4))
        let plan = Fixture.plan(Fixture.registry(due: .through(Fixture.day(2024, 3, 29)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        // Saturday 30/3 -> Monday 1/4; then 3/4, 5/4, and Sunday 7/4 -> Monday 8/4.
        #expect(Fixture.days(plan) == ["2024-04-01 overdue", "2024-04-03 overdue", "2024-04-05 overdue", "2024-04-08 overdue"])
    }

    @Test("working-day stages skip a day off the config declares")
    func workingDaysSkipConfiguredDayOff() {
        let policy = Policy(id: "p", before: [DayCount(3, working: true)])
        let registry = Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), policy: policy)
        let plain = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plain) == ["2024-03-25 before"])
        let withDayOff = Fixture.plan(
            registry, now: Fixture.at(2024, 3, 1, 0),
            calendar: WeekendCalendar(daysOff: [NamedDay(date: Fixture.day(2024, 3, 26), name: "Nghỉ bù")]))
        #expect(Fixture.days(withDayOff) == ["2024-03-22 before"])
    }

    @Test("stages landing on the same instant merge into one, keeping the later stage")
    func sameInstantStagesMerge() {
        let policy = Policy(id: "p", before: [DayCount(1, working: false), DayCount(3, working: false)], onDueDay: true)
        // Last day Monday 25/3: 1d before is Sunday -> Friday 22/3; 3d before is Friday 22/3.
        let plan = Fixture.plan(Fixture.registry(due: .through(Fixture.day(2024, 3, 25)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan) == ["2024-03-22 before", "2024-03-25 due"])
        #expect(plan.items.count == 2)
    }

    @Test("escalation starts at the k-th overdue reminder and copies the escalation contacts")
    func escalationFromKthOverdue() {
        var policy = Policy(id: "p", overdue: OverdueRepeat(every: DayCount(1, working: true), max: 4), escalateAfter: 3)
        let plan = Fixture.plan(Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.schedule(plan).map(\.1) == [.overdue, .overdue, .escalation, .escalation])
        #expect(plan.messages.map(\.escalates) == [false, false, true, true])
        policy.escalateAfter = nil
        let none = Fixture.plan(Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.schedule(none).allSatisfy { $0.1 == .overdue })
    }

    @Test("overdue repeats stop at max")
    func overdueStopsAtMax() {
        let policy = Policy(id: "p", overdue: OverdueRepeat(every: DayCount(2, working: true), max: 2))
        let plan = Fixture.plan(Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), policy: policy), now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan) == ["2024-03-29 overdue", "2024-04-02 overdue"])
    }
}
