public import NhacHanCore
public import NhacHanConfig
public import NhacHanStore

/// Who has reported what (`nhachan status`, the digest): per directive, task, unit and
/// deadline occurrence, in the five states that Vietnamese task-tracking systems count.
///
/// A pure function of the registry, the calendar, the acks and `now`; it reads no store itself.
public struct StatusReport: Sendable {
    public struct Row: Sendable, Hashable {
        public enum State: String, Sendable, CaseIterable {
            case reported, reportedLate = "reported_late", pending, dueSoon = "due_soon", overdue

            /// The one Vietnamese label of each state, for tables, the digest and pages.
            public var label: String {
                switch self {
                case .reported: "đã báo cáo"
                case .reportedLate: "báo cáo muộn"
                case .pending: "trong hạn"
                case .dueSoon: "sắp đến hạn"
                case .overdue: "quá hạn"
                }
            }
        }

        public var directive: String
        public var task: String
        public var unit: String
        public var deadline: Deadline
        public var state: State
        public var ackedAt: LocalTime?
        public var via: String?
        public var note: String?
    }

    /// A pending occurrence whose last day is this many working days away or fewer is `due_soon`.
    public static let dueSoonWorkingDays = 3

    public var registry: Registry
    public var calendar: VietnameseCalendar
    public var zone: CivilTimeZone

    public init(registry: Registry, calendar: VietnameseCalendar, zone: CivilTimeZone) {
        self.registry = registry
        self.calendar = calendar
        self.zone = zone
    }

    /// Every dated occurrence written from `from` to `to`, per unit, with its state at `now`.
    public func rows(acks: [AckRecord], directive filter: String?, now: LocalTime, from: CivilDate, to: CivilDate) -> [Row] {
        var byOccurrence: [String: AckRecord] = [:]
        for ack in acks { byOccurrence[ack.occurrenceKey] = ack }
        let soonLimit = calendar.adding(workingDays: Self.dueSoonWorkingDays, to: now.day)
        var rows: [Row] = []
        for directive in registry.directives where filter == nil || directive.id == filter {
            for task in directive.tasks {
                guard let due = task.due else { continue }
                let deadlines = Deadline.occurrences(of: due, directive: directive, window: from...to, rollOver: registry.rollOver, calendar: calendar)
                for deadline in deadlines {
                    for unit in registry.expand(task.units) {
                        let ack = byOccurrence[AckRecord.occurrenceKey(
                            directive: directive.id, task: task.id, unit: unit, occurrence: deadline.occurrence.description)]
                        let ackedAt = ack.map { zone.local(unix: $0.at) }
                        let state: Row.State
                        if let ackedAt {
                            state = ackedAt >= deadline.instant ? .reportedLate : .reported
                        } else if now >= deadline.instant {
                            state = .overdue
                        } else {
                            state = deadline.lastDay <= soonLimit ? .dueSoon : .pending
                        }
                        rows.append(Row(
                            directive: directive.id, task: task.id, unit: unit, deadline: deadline, state: state,
                            ackedAt: ackedAt, via: ack?.how, note: ack?.note))
                    }
                }
            }
        }
        return rows
    }

    /// The rows around `now` that `status` shows by default: three years back, one ahead.
    public func rows(store: any DeliveryStore, directive: String?, now: LocalTime) async throws -> [Row] {
        rows(acks: try await store.acks(), directive: directive, now: now)
    }

    /// The same window, from acks already read.
    public func rows(acks: [AckRecord], directive: String?, now: LocalTime) -> [Row] {
        rows(acks: acks, directive: directive, now: now, from: now.day.adding(days: -3 * 366), to: now.day.adding(days: 366))
    }
}
