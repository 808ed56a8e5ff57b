/// Computes every reminder a configuration implies: a pure function of its inputs.
///
/// (registry, calendar, state, now, window) -> plan. Nothing here reads the clock, the disk or
/// the network, so `plan` previews exactly what `tick` and `run` will send.
public struct Planner<Calendar: WorkingCalendar>: Sendable {
    public var registry: Registry
    public var calendar: Calendar

    public init(registry: Registry, calendar: Calendar) {
        self.registry = registry
        self.calendar = calendar
    }

    /// What to plan; see `PlanRequest`.
    public typealias Request = PlanRequest

    public func plan(_ request: Request, state: PlannerState = .empty) -> Plan {
        let sortedUnits = registry.units.sorted { $0.id < $1.id }
        let resolver = UnitResolver(registry: registry, sortedUnits: sortedUnits)
        let allowed: Set<Int32>? = request.units.map { Set(resolver.ranks(for: $0)) }
        var builder = PlanBuilder(request: request, state: state)

        for directive in registry.directives {
            for task in directive.tasks {
                guard let due = task.due, !due.isUndated else { continue }
                let policy = registry.policy(for: task, in: directive)
                var ranks = resolver.ranks(for: task.units)
                if let allowed { ranks = ranks.filter(allowed.contains) }
                guard !ranks.isEmpty else { continue }
                let window = occurrenceWindow(request, policy: policy)
                let deadlines = Deadline.occurrences(
                    of: due, directive: directive, window: window, rollOver: registry.rollOver, calendar: calendar)
                for deadline in deadlines {
                    let stages = policy.stages(for: deadline, calendar: calendar)
                    guard !stages.isEmpty else { continue }
                    builder.add(
                        occurrence: .init(directive: directive, task: task, deadline: deadline, policy: policy, stages: stages),
                        units: ranks, sortedUnits: sortedUnits, calendar: calendar)
                }
            }
        }
        return builder.finish(units: sortedUnits)
    }

    /// The written dates whose stages can reach into the request's window.
    private func occurrenceWindow(_ request: Request, policy: Policy) -> ClosedRange<CivilDate> {
        func span(_ count: DayCount) -> Int { count.working ? count.count * 2 + 21 : count.count }
        let beforeSpan = policy.before.map(span).max() ?? 0
        let overdueSpan = policy.overdue.map { span($0.every) * $0.max + 21 } ?? 0
        let earliest = max(request.from, LocalTime(seconds: request.now.seconds - (overdueSpan + 31) * 86_400))
        let lower = LocalTime(seconds: earliest.seconds - (overdueSpan + 31) * 86_400).day
        let upper = request.to.day.adding(days: beforeSpan + 31)
        return lower...max(lower, upper)
    }
}

/// Turns unit and group ids into unit ranks (positions in id order), groups expanded once each.
struct UnitResolver {
    private var rankByID: [String: Int32] = [:]
    private var expandedGroups: [String: [Int32]] = [:]

    init(registry: Registry, sortedUnits: [OfficeUnit]) {
        for (rank, unit) in sortedUnits.enumerated() { rankByID[unit.id] = Int32(rank) }
        for group in registry.groups {
            expandedGroups[group.id] = registry.expand([group.id]).compactMap { rankByID[$0] }
        }
    }

    func ranks(for ids: [String]) -> [Int32] {
        if ids.count == 1, let only = ids.first {
            if let rank = rankByID[only] { return [rank] }
            return expandedGroups[only] ?? []
        }
        var seen = Set<Int32>()
        var result: [Int32] = []
        for id in ids {
            for rank in rankByID[id].map({ [$0] }) ?? expandedGroups[id] ?? [] where seen.insert(rank).inserted {
                result.append(rank)
            }
        }
        return result
    }
}

/// What to plan: the present, the window of send instants, and optionally some units.
public struct PlanRequest: Sendable {
    /// The present: stages before it are on record, due today, or collapsed into a late notice.
    public var now: LocalTime
    /// Only reminders sent in `from...to`.
    public var from: LocalTime
    public var to: LocalTime
    /// Only these units (unit or group ids); `nil` for all.
    public var units: [String]?

    /// How far `plan` looks when no end is given: a year and a day of send instants.
    /// A window is always bounded, so an open-ended recurring rule costs one year of occurrences.
    public static let defaultWindowDays = 366

    /// - Parameter to: the last send instant; `nil` for ``defaultWindowDays`` after `from`
    ///   (or after `now`, when `from` lies further back).
    public init(now: LocalTime, from: LocalTime? = nil, to: LocalTime? = nil, units: [String]? = nil) {
        self.now = now
        self.from = from ?? now
        let start = max(self.from, now)
        self.to = to ?? LocalTime(seconds: start.seconds + Self.defaultWindowDays * 86_400)
        self.units = units
    }
}
