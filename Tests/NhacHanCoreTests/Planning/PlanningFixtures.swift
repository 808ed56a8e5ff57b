@testable import NhacHanCore

/// Small registries and helpers shared by the planner tests.
enum Fixture {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 8, _ min: Int = 0) -> LocalTime {
        LocalTime(day: day(y, m, d), minute: h * 60 + min)
    }

    static let defaultPolicy = Policy.builtInDefault

    static func unit(_ id: String) -> OfficeUnit {
        OfficeUnit(id: id, name: "UBND \(id)", email: EmailRecipients(to: ["\(id)@example.gov.vn"]), escalateTo: ["lanhdao.\(id)@example.gov.vn"])
    }

    static func registry(
        due: Due?, units: [String] = ["xa-a"], policy: Policy = .builtInDefault, issued: CivilDate? = nil,
        received: CivilDate? = nil, extraTasks: [DirectiveTask] = [], groups: [UnitGroup] = [], rollOver: Bool = false
    ) -> Registry {
        let allUnits = Set(units + groups.flatMap(\.members) + extraTasks.flatMap(\.units)).filter { id in !groups.contains { $0.id == id } }
        let task = DirectiveTask(id: "bao-cao", units: units, action: "Báo cáo kết quả", due: due)
        let directive = Directive(
            id: "cv-1", number: "1/UBND", issuer: "UBND huyện", issued: issued, received: received, subject: "V/v thử",
            tasks: [task] + extraTasks)
        return Registry(
            units: allUnits.sorted().map(unit), groups: groups, policies: [policy.id: policy], defaultPolicy: policy.id,
            directives: [directive], rollOver: rollOver)
    }

    static func plan(
        _ registry: Registry, now: LocalTime, calendar: some WorkingCalendar = WeekendCalendar(), state: PlannerState = .empty
    ) -> Plan {
        Planner(registry: registry, calendar: calendar).plan(.init(now: now), state: state)
    }

    /// `(send instant, stage kind)` of every reminder to one unit.
    static func schedule(_ plan: Plan, unit: String = "xa-a") -> [(LocalTime, StageKind)] {
        plan.messages.filter { $0.unit.id == unit }.flatMap { m in m.items.map { (m.sendAt, $0.stage.kind) } }
    }

    static func days(_ plan: Plan, unit: String = "xa-a") -> [String] {
        schedule(plan, unit: unit).map { "\($0.0.day) \($0.1.rawValue)" }
    }
}
