/// Accumulates reminders per unit, applying acks, the record of past stages and late arrival.
struct PlanBuilder {
    struct Occurrence {
        var directive: Directive
        var task: DirectiveTask
        var deadline: Deadline
        var policy: Policy
        var stages: [Stage]
    }

    /// Seconds after its slot during which a late notice is still due that day.
    static let lateSlotGrace = 3_600

    let now: LocalTime
    let from: LocalTime
    let to: LocalTime
    let state: PlannerState
    let hasAcks: Bool
    private(set) var items: [PlannedItem] = []
    private(set) var reminders: [Plan.Reminder] = []
    private var lateItems: [String: Int32] = [:]

    init(request: PlanRequest, state: PlannerState) {
        self.now = request.now
        self.from = request.from
        self.to = request.to
        self.state = state
        self.hasAcks = !state.acks.isEmpty
    }

    mutating func add(occurrence o: Occurrence, units: [Int32], sortedUnits: [OfficeUnit], calendar: some WorkingCalendar) {
        let firstItem = Int32(items.count)
        for stage in o.stages {
            items.append(PlannedItem(directive: o.directive, task: o.task, deadline: o.deadline, stage: stage))
        }
        let todayStart = LocalTime(day: now.day)
        let knownStart = o.directive.knownFrom.map { LocalTime(day: $0) } ?? .distantPast
        let lateBoundary = max(todayStart, knownStart)
        let needsPast = o.stages[0].instant < lateBoundary || o.stages[0].instant < now

        // The common case: nothing in the past and no acks; every unit gets every stage in the window.
        if !needsPast && !hasAcks {
            for (index, stage) in o.stages.enumerated() where stage.instant >= from && stage.instant <= to {
                let item = firstItem + Int32(index)
                for unit in units { reminders.append(Plan.Reminder(sendAt: stage.instant, unit: unit, item: item)) }
            }
            return
        }
        for unit in units {
            let unitID = sortedUnits[Int(unit)].id
            let occurrenceKey = AckKey(directive: o.directive.id, task: o.task.id, unit: unitID, occurrence: o.deadline.occurrence)
            let ackedAt = hasAcks ? state.acks[occurrenceKey] : nil
            var collapsed: [String] = []
            var kept: [(Int, Stage)] = []
            for (index, stage) in o.stages.enumerated() {
                if let ackedAt, stage.instant >= ackedAt { break }
                if stage.instant < now || stage.instant < knownStart {
                    if state.recorded.contains(StageKey(occurrence: occurrenceKey, stage: stage.id)) { continue }
                    if stage.instant < lateBoundary {
                        collapsed.append(stage.id)
                        continue
                    }
                }
                kept.append((index, stage))
            }
            for (index, stage) in kept where stage.instant >= from && stage.instant <= to {
                reminders.append(Plan.Reminder(sendAt: stage.instant, unit: unit, item: firstItem + Int32(index)))
            }
            guard let lastCollapsed = collapsed.last, lastCollapsed != o.stages.last?.id else { continue }
            // A slot that passed less than `lateSlotGrace` ago still counts: the tick that sends a
            // late notice runs a moment after its slot, and must not push it to the next day.
            let slot = nextSlot(atOrAfter: max(LocalTime(seconds: now.seconds - Self.lateSlotGrace), knownStart), policy: o.policy, calendar: calendar)
            if let ackedAt, slot >= ackedAt { continue }
            if kept.contains(where: { $0.1.instant == slot }) { continue }
            let late = Stage(kind: .lateNotice, id: "late-\(lastCollapsed)", instant: slot)
            if state.recorded.contains(StageKey(occurrence: occurrenceKey, stage: late.id)) { continue }
            guard slot >= from && slot <= to else { continue }
            let item = lateItem(o, stage: late, collapsed: collapsed)
            reminders.append(Plan.Reminder(sendAt: slot, unit: unit, item: item))
        }
    }

    private mutating func lateItem(_ o: Occurrence, stage: Stage, collapsed: [String]) -> Int32 {
        let key = "\(o.directive.id)/\(o.task.id)/\(o.deadline.occurrence)/\(stage.id)@\(stage.instant.seconds)/\(collapsed.joined(separator: ","))"
        if let index = lateItems[key] { return index }
        let index = Int32(items.count)
        items.append(PlannedItem(directive: o.directive, task: o.task, deadline: o.deadline, stage: stage, collapsed: collapsed))
        lateItems[key] = index
        return index
    }

    private func nextSlot(atOrAfter time: LocalTime, policy: Policy, calendar: some WorkingCalendar) -> LocalTime {
        var day = time.day
        if policy.slot(on: day) < time { day = day.adding(days: 1) }
        return policy.slot(on: calendar.workingDay(onOrAfter: day))
    }

    /// Sorts reminders by instant, unit id and deadline, and cuts them into messages.
    consuming func finish(units: [OfficeUnit]) -> Plan {
        let order = items.indices.sorted { a, b in
            let x = items[a], y = items[b]
            if x.deadline.instant != y.deadline.instant { return x.deadline.instant < y.deadline.instant }
            if x.directive.id != y.directive.id { return x.directive.id < y.directive.id }
            if x.task.id != y.task.id { return x.task.id < y.task.id }
            return x.stage.instant < y.stage.instant
        }
        var rank = [Int32](repeating: 0, count: items.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        ReminderOrder.sort(&reminders, itemRank: rank, unitCount: units.count)
        var bounds: [Int32] = []
        for (index, reminder) in reminders.enumerated() {
            if index == 0 || reminders[index - 1].sendAt != reminder.sendAt || reminders[index - 1].unit != reminder.unit {
                bounds.append(Int32(index))
            }
        }
        bounds.append(Int32(reminders.count))
        return Plan(units: units, items: items, reminders: reminders, messageBounds: reminders.isEmpty ? [0] : bounds)
    }
}
