import Testing
@testable import NhacHanCore

@Suite("Late arrival, acknowledgements and the record of the past")
struct PlannerStateTests {
    let due = Due.before(Fixture.day(2024, 3, 29))

    @Test("stages that passed before the directive was received collapse into one late notice at the next send slot")
    func lateArrivalCollapses() {
        let registry = Fixture.registry(due: due, received: Fixture.day(2024, 3, 26))
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan).prefix(3) == ["2024-03-26 late_notice", "2024-03-27 before", "2024-03-28 due"])
        let late = plan.messages.first!.items.first!
        #expect(late.collapsed == ["before-7d", "before-3wd"])
    }

    @Test("a late notice whose slot passed a moment ago is still due now, not pushed to the next day", arguments: [0, 5, 59 * 60])
    func lateNoticeAtSlotIsDue(_ secondsLate: Int) {
        let registry = Fixture.registry(due: due, received: Fixture.day(2024, 3, 26))
        let sendingAt = LocalTime(seconds: Fixture.at(2024, 3, 26).seconds + secondsLate)
        let plan = Planner(registry: registry, calendar: WeekendCalendar()).plan(.init(now: sendingAt, from: .distantPast, to: sendingAt))
        #expect(Fixture.days(plan) == ["2024-03-26 late_notice"], "\(secondsLate) s after the slot")
        let hoursLater = LocalTime(seconds: Fixture.at(2024, 3, 26).seconds + 2 * 3600)
        let later = Planner(registry: registry, calendar: WeekendCalendar()).plan(.init(now: hoursLater, from: hoursLater))
        #expect(Fixture.days(later).first == "2024-03-27 before", "past the grace the late notice merges into the next slot")
    }

    @Test("a late notice that would land with a regular stage merges into it")
    func lateNoticeMergesWithStage() {
        let registry = Fixture.registry(due: due, received: Fixture.day(2024, 3, 27))
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        #expect(Fixture.days(plan).prefix(2) == ["2024-03-27 before", "2024-03-28 due"])
    }

    @Test("a deadline whose overdue series has ended produces nothing")
    func endedSeriesProducesNothing() {
        let plan = Fixture.plan(Fixture.registry(due: due), now: Fixture.at(2024, 5, 2, 0))
        #expect(plan.reminders.isEmpty)
    }

    @Test("stages on record are not sent again, and only unrecorded past stages make a late notice")
    func recordedStagesAreSkipped() {
        let registry = Fixture.registry(due: due)
        let now = Fixture.at(2024, 3, 27, 8)
        func key(_ stage: String) -> StageKey {
            StageKey(occurrence: AckKey(directive: "cv-1", task: "bao-cao", unit: "xa-a", occurrence: Fixture.day(2024, 3, 29)), stage: stage)
        }
        let allRecorded = Fixture.plan(registry, now: now, state: PlannerState(recorded: [key("before-7d"), key("before-3wd")]))
        #expect(Fixture.days(allRecorded).first == "2024-03-27 before")
        let oneMissing = Fixture.plan(registry, now: Fixture.at(2024, 3, 27, 7), state: PlannerState(recorded: [key("before-7d")]))
        #expect(Fixture.days(oneMissing).prefix(2) == ["2024-03-27 before", "2024-03-28 due"])
        let lateWanted = Fixture.plan(registry, now: Fixture.at(2024, 3, 26, 7), state: PlannerState(recorded: [key("before-7d")]))
        #expect(Fixture.days(lateWanted).first == "2024-03-26 late_notice")
    }

    @Test("a stage due earlier today that is not on record is still sent as itself")
    func todaysStageIsStillDue() {
        let plan = Planner(registry: Fixture.registry(due: due), calendar: WeekendCalendar())
            .plan(.init(now: Fixture.at(2024, 3, 21, 9), from: .distantPast))
        #expect(Fixture.days(plan).first == "2024-03-21 before")
    }

    @Test("an acknowledgement suppresses every reminder after it, and only for that unit")
    func ackSuppressesLaterReminders() {
        let registry = Fixture.registry(due: due, units: ["xa-a", "xa-b"])
        let ack = AckKey(directive: "cv-1", task: "bao-cao", unit: "xa-a", occurrence: Fixture.day(2024, 3, 29))
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0), state: PlannerState(acks: [ack: Fixture.at(2024, 3, 26, 10)]))
        #expect(Fixture.days(plan, unit: "xa-a") == ["2024-03-21 before", "2024-03-25 before"])
        #expect(Fixture.days(plan, unit: "xa-b").count == 9)
    }
}

@Suite("Grouping and units")
struct GroupingTests {
    @Test("everything due to one unit at one instant is one message, items sorted by deadline")
    func oneMessagePerUnitAndInstant() {
        let second = DirectiveTask(id: "thong-ke", units: ["xa-a"], action: "Gửi thống kê", due: .before(Fixture.day(2024, 3, 28)))
        let policy = Policy(id: "p", before: [DayCount(0, working: false)], onDueDay: true)
        var registry = Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), policy: policy, extraTasks: [second])
        registry.policies["p"] = Policy(id: "p", onDueDay: true)
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        // Last days: 27/3 (thong-ke) and 28/3 (bao-cao); both get a due-day message, one each.
        #expect(plan.messages.map { $0.items.map(\.task.id) } == [["thong-ke"], ["bao-cao"]])
        let overlapping = DirectiveTask(id: "thong-ke", units: ["xa-a"], action: "Gửi thống kê", due: .through(Fixture.day(2024, 3, 28)))
        var same = Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), extraTasks: [overlapping])
        same.policies = ["p": Policy(id: "p", onDueDay: true)]
        same.defaultPolicy = "p"
        let merged = Fixture.plan(same, now: Fixture.at(2024, 3, 1, 0))
        #expect(merged.messageCount == 1)
        #expect(merged.message(at: 0).items.map(\.task.id) == ["thong-ke", "bao-cao"])
    }

    @Test("groups expand to their members recursively, each unit once, and a cycle does not hang")
    func groupExpansion() {
        let groups = [
            UnitGroup(id: "xa", name: "Các xã", members: ["xa-a", "xa-b"]),
            UnitGroup(id: "tat-ca", name: "Tất cả", members: ["xa", "phong-a", "xa-a"]),
            UnitGroup(id: "vong-1", name: "Vòng 1", members: ["vong-2", "xa-a"]),
            UnitGroup(id: "vong-2", name: "Vòng 2", members: ["vong-1", "xa-b"]),
        ]
        let registry = Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), units: ["tat-ca"], groups: groups)
        #expect(registry.expand(["tat-ca"]) == ["xa-a", "xa-b", "phong-a"])
        #expect(Set(registry.expand(["vong-1"])) == ["xa-a", "xa-b"])
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        #expect(Set(plan.messages.map(\.unit.id)) == ["xa-a", "xa-b", "phong-a"])
        #expect(plan.messages.count == 27)
    }

    @Test("messages are sorted by send instant, then unit id")
    func sortedOutput() {
        let registry = Fixture.registry(due: .before(Fixture.day(2024, 3, 29)), units: ["xa-c", "xa-a", "xa-b"])
        let plan = Fixture.plan(registry, now: Fixture.at(2024, 3, 1, 0))
        let keys = plan.messages.map { ($0.sendAt.seconds, $0.unit.id) }
        #expect(keys.map(\.1).prefix(3) == ["xa-a", "xa-b", "xa-c"])
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }
}
