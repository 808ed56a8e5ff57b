public import NhacHanConfig
public import NhacHanCore
public import NhacHanStore

/// Records that units have reported, and withdraws what was enqueued for them.
///
/// Works beside a running daemon: it writes the ack and expires only deliveries that are
/// waiting (not those being sent); the daemon's dispatcher re-reads acks before every batch, so
/// an ack stops that unit's reminders at once.
public struct Acknowledgements: Sendable {
    /// Why an ack cannot be recorded: bad input, exit 2.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// One recorded ack: which unit, task and occurrence.
    public struct Result: Sendable {
        public var unit: String
        public var task: String
        public var occurrence: String
        /// `false` when the occurrence was already acked: the first ack stands.
        public var isNew: Bool
    }

    public var registry: Registry
    public var calendar: VietnameseCalendar
    public var zone: CivilTimeZone
    public var store: any DeliveryStore

    public init(registry: Registry, calendar: VietnameseCalendar, zone: CivilTimeZone, store: any DeliveryStore) {
        self.registry = registry
        self.calendar = calendar
        self.zone = zone
        self.store = store
    }

    /// Acks a unit (or each member of a group) for a directive's tasks (or one task) at `at`.
    ///
    /// Each task's occurrence is the current one: the not yet reported occurrence whose
    /// deadline is nearest to `at`. Deliveries waiting for it are withdrawn.
    public func record(directive directiveID: String, unit: String, task taskID: String?, at: LocalTime, note: String?, via: String) async throws -> [Result] {
        guard let directive = registry.directive(directiveID) else {
            throw Refusal(description: "không có văn bản '\(directiveID)' (unknown directive)")
        }
        let units = registry.expand([unit])
        guard !units.isEmpty else { throw Refusal(description: "không có đơn vị hay nhóm '\(unit)' (unknown unit or group)") }
        if let taskID, !directive.tasks.contains(where: { $0.id == taskID }) {
            throw Refusal(description: "văn bản '\(directiveID)' không có nhiệm vụ '\(taskID)' (unknown task)")
        }
        let existing = Dictionary(try await store.acks().map { ($0.occurrenceKey, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [Result] = []
        // Without --task: every task that asks for a report, that is every task with a `due`.
        for task in directive.tasks where taskID == task.id || (taskID == nil && task.due != nil) {
            let bound = Set(registry.expand(task.units))
            for unitID in units where bound.contains(unitID) {
                let occurrence = currentOccurrence(of: task, in: directive, unit: unitID, at: at, acked: Set(existing.keys))
                let key = AckRecord.occurrenceKey(directive: directive.id, task: task.id, unit: unitID, occurrence: occurrence)
                if existing[key] == nil {
                    try await store.ack(AckRecord(
                        directive: directive.id, task: task.id, unit: unitID, occurrence: occurrence, at: zone.unix(at), how: via, note: note))
                }
                results.append(Result(unit: unitID, task: task.id, occurrence: occurrence, isNew: existing[key] == nil))
            }
        }
        guard !results.isEmpty else {
            throw Refusal(description: "'\(unit)' không được giao nhiệm vụ nào của văn bản '\(directiveID)'\(taskID.map { " (\($0))" } ?? "")")
        }
        try await withdrawAcknowledged(now: at)
        return results
    }

    /// Acks one named occurrence (an ack link, the coordinator's page): the task must still be
    /// the unit's in the config. Returns the ack that stands: the new one, or the first one.
    public func record(
        directive directiveID: String, task taskID: String, unit unitID: String, occurrence: String, at: LocalTime, note: String?, via: String
    ) async throws -> (ack: AckRecord, isNew: Bool) {
        guard let directive = registry.directive(directiveID), let task = directive.tasks.first(where: { $0.id == taskID }),
              registry.expand(task.units).contains(unitID)
        else {
            throw Refusal(description: "nhiệm vụ \(directiveID)/\(taskID) không còn giao cho đơn vị '\(unitID)' trong cấu hình (no longer assigned)")
        }
        let key = AckRecord.occurrenceKey(directive: directiveID, task: taskID, unit: unitID, occurrence: occurrence)
        let ack = AckRecord(directive: directiveID, task: taskID, unit: unitID, occurrence: occurrence, at: zone.unix(at), how: via, note: note)
        // The store keeps the first ack of an occurrence; reading back tells whether it is ours.
        try await store.ack(ack)
        let stands = try await store.acks().first(where: { $0.occurrenceKey == key }) ?? ack
        guard stands == ack else { return (stands, false) }
        try await withdrawAcknowledged(now: at)
        return (ack, true)
    }

    /// Removes the ack of one occurrence; returns how many (0 or 1).
    public func remove(directive: String, task: String, unit: String, occurrence: String) async throws -> Int {
        try await store.unack(directive: directive, task: task, unit: unit, occurrence: occurrence)
    }

    /// Removes acks; returns how many.
    public func remove(directive: String, unit: String, task: String?) async throws -> Int {
        guard registry.directive(directive) != nil else {
            throw Refusal(description: "không có văn bản '\(directive)' (unknown directive)")
        }
        let units = registry.expand([unit])
        guard !units.isEmpty else { throw Refusal(description: "không có đơn vị hay nhóm '\(unit)' (unknown unit or group)") }
        var removed = 0
        for unitID in units {
            removed += try await store.unack(directive: directive, task: task, unit: unitID, occurrence: nil)
        }
        return removed
    }

    /// Expires waiting deliveries whose every item has been reported before their send time.
    func withdrawAcknowledged(now: LocalTime) async throws {
        var acked: [String: Int64] = [:]
        for ack in try await store.acks() { acked[ack.occurrenceKey] = ack.at }
        var keys: [String] = []
        for state in [DeliveryState.pending, .retrying] {
            for record in try await store.deliveries(state: state, unit: nil) {
                let occurrences = record.stageKeys.map { $0.split(separator: "/").prefix(4).joined(separator: "/") }
                if !occurrences.isEmpty && occurrences.allSatisfy({ acked[$0].map { record.sendAt >= $0 } ?? false }) {
                    keys.append(record.key)
                }
            }
        }
        try await store.expire(keys: keys, reason: "đơn vị đã báo cáo (acknowledged)", now: zone.unix(now))
    }

    /// The occurrence an ack at `at` is about: for a one-off deadline, its only one; for a
    /// recurring one, the not yet reported occurrence whose deadline is nearest to `at`.
    func currentOccurrence(of task: DirectiveTask, in directive: Directive, unit: String, at: LocalTime, acked: Set<String>) -> String {
        guard let due = task.due, !due.isUndated else { return "undated" }
        let window = at.day.adding(days: -3 * 366)...at.day.adding(days: 3 * 366)
        let deadlines = Deadline.occurrences(of: due, directive: directive, window: window, rollOver: registry.rollOver, calendar: calendar)
        guard !deadlines.isEmpty else { return "undated" }
        let open = deadlines.filter {
            !acked.contains(AckRecord.occurrenceKey(directive: directive.id, task: task.id, unit: unit, occurrence: $0.occurrence.description))
        }
        let nearest = (open.isEmpty ? deadlines : open).min { a, b in
            let da = abs(a.instant.seconds - at.seconds), db = abs(b.instant.seconds - at.seconds)
            return da != db ? da < db : a.instant < b.instant
        }!
        return nearest.occurrence.description
    }
}
