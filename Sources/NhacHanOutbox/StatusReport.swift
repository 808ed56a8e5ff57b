import Foundation
public import NhacHanCore

/// Who has reported what (`nhachan status`): per directive, task, unit and deadline occurrence.
extension Outbox {
    public struct StatusRow: Sendable {
        public enum State: String, Sendable {
            case reported, reportedLate = "reported_late", pending, overdue
        }

        public var directive: String
        public var task: String
        public var unit: String
        public var deadline: Deadline
        public var state: State
        public var ackedAt: LocalTime?
    }

    /// Every dated occurrence from `from` to `to` (by written date), per unit, with its state at `now`.
    public func status(directive filter: String?, now: LocalTime, from: CivilDate, to: CivilDate) throws -> [StatusRow] {
        var acks: [String: LocalTime] = [:]
        for ack in try store.acks() {
            acks["\(ack.directive)/\(ack.task)/\(ack.unit)/\(ack.occurrence)"] = zone.local(Date(timeIntervalSince1970: TimeInterval(ack.at)))
        }
        let registry = config.registry
        var rows: [StatusRow] = []
        for directive in registry.directives where filter == nil || directive.id == filter {
            for task in directive.tasks {
                guard let due = task.due else { continue }
                let deadlines = Deadline.occurrences(of: due, directive: directive, window: from...to, rollOver: registry.rollOver, calendar: calendar)
                for deadline in deadlines {
                    for unit in registry.expand(task.units) {
                        let acked = acks["\(directive.id)/\(task.id)/\(unit)/\(deadline.occurrence)"]
                        let state: StatusRow.State
                        if let acked {
                            state = acked >= deadline.instant ? .reportedLate : .reported
                        } else {
                            state = now >= deadline.instant ? .overdue : .pending
                        }
                        rows.append(StatusRow(directive: directive.id, task: task.id, unit: unit, deadline: deadline, state: state, ackedAt: acked))
                    }
                }
            }
        }
        return rows
    }
}
