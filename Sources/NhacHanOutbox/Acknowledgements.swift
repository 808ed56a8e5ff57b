import Foundation
public import NhacHanCore
import NhacHanStore

/// Records that units have reported, and withdraws what was enqueued for them.
extension Outbox {
    /// Why an ack cannot be recorded.
    public struct AckError: Error, CustomStringConvertible {
        public var description: String
    }

    /// One recorded ack: which unit, task and occurrence.
    public struct AckResult: Sendable {
        public var unit: String
        public var task: String
        public var occurrence: String
    }

    /// Acks a unit (or each member of a group) for a directive's tasks (or one task) at `at`.
    ///
    /// Each task's occurrence is the current one: the earliest whose reminders have not ended
    /// and that this unit has not reported yet. Deliveries already enqueued for it are withdrawn.
    public func ack(directive directiveID: String, unit: String, task taskID: String?, at: LocalTime, note: String?, how: String = "cli") throws -> [AckResult] {
        let registry = config.registry
        guard let directive = registry.directive(directiveID) else {
            throw AckError(description: "không có văn bản '\(directiveID)' (unknown directive)")
        }
        let units = registry.expand([unit])
        guard !units.isEmpty else { throw AckError(description: "không có đơn vị hay nhóm '\(unit)' (unknown unit or group)") }
        if let taskID, !directive.tasks.contains(where: { $0.id == taskID }) {
            throw AckError(description: "văn bản '\(directiveID)' không có nhiệm vụ '\(taskID)' (unknown task)")
        }
        let existing = Set(try store.acks().map { "\($0.directive)/\($0.task)/\($0.unit)/\($0.occurrence)" })
        var results: [AckResult] = []
        // Without --task: every task that asks for a report, that is every task with a `due`.
        for task in directive.tasks where taskID == task.id || (taskID == nil && task.due != nil) {
            let bound = Set(registry.expand(task.units))
            for unitID in units where bound.contains(unitID) {
                let occurrence = currentOccurrence(of: task, in: directive, unit: unitID, at: at, acked: existing)
                try store.ack(AckRecord(
                    directive: directive.id, task: task.id, unit: unitID, occurrence: occurrence, at: unix(at), how: how, note: note))
                results.append(AckResult(unit: unitID, task: task.id, occurrence: occurrence))
            }
        }
        guard !results.isEmpty else {
            throw AckError(description: "'\(unit)' không được giao nhiệm vụ nào của văn bản '\(directiveID)'\(taskID.map { " (\($0))" } ?? "")")
        }
        try withdrawAcknowledged(now: at)
        return results
    }

    /// Removes acks; returns how many.
    public func unack(directive: String, unit: String, task: String?) throws -> Int {
        var removed = 0
        for unitID in config.registry.expand([unit]) {
            removed += try store.unack(directive: directive, task: task, unit: unitID, occurrence: nil)
        }
        return removed
    }

    /// Expires pending and retrying deliveries whose every item has been reported.
    func withdrawAcknowledged(now: LocalTime) throws {
        var acked: [String: Int64] = [:]
        for ack in try store.acks() { acked["\(ack.directive)/\(ack.task)/\(ack.unit)/\(ack.occurrence)"] = ack.at }
        for state in [DeliveryState.pending, .retrying] {
            for record in try store.deliveries(state: state, unit: nil) {
                let occurrences = record.stageKeys.map { $0.split(separator: "/").prefix(4).joined(separator: "/") }
                if !occurrences.isEmpty && occurrences.allSatisfy({ acked[$0].map { record.sendAt >= $0 } ?? false }) {
                    try store.complete(
                        key: record.key, update: DeliveryUpdate(state: .expired, error: "đơn vị đã báo cáo (acknowledged)", countsAsAttempt: false),
                        now: unix(now))
                }
            }
        }
    }

    /// The occurrence an ack at `at` is about: for a one-off deadline, its only one; for a
    /// recurring one, the not yet reported occurrence whose deadline is nearest to `at`.
    func currentOccurrence(of task: DirectiveTask, in directive: Directive, unit: String, at: LocalTime, acked: Set<String>) -> String {
        guard let due = task.due, !due.isUndated else { return "undated" }
        let window = at.day.adding(days: -3 * 366)...at.day.adding(days: 3 * 366)
        let deadlines = Deadline.occurrences(of: due, directive: directive, window: window, rollOver: config.registry.rollOver, calendar: calendar)
        guard !deadlines.isEmpty else { return "undated" }
        let open = deadlines.filter { !acked.contains("\(directive.id)/\(task.id)/\(unit)/\($0.occurrence)") }
        let nearest = (open.isEmpty ? deadlines : open).min { a, b in
            let da = abs(a.instant.seconds - at.seconds), db = abs(b.instant.seconds - at.seconds)
            return da != db ? da < db : a.instant < b.instant
        }!
        return nearest.occurrence.description
    }
}
