/// What the planner must know of the past: who has reported and which reminders are on record.
public struct PlannerState: Sendable {
    /// When each unit reported each task occurrence.
    public var acks: [AckKey: LocalTime]
    /// Reminders already recorded (enqueued or sent), by occurrence and stage.
    public var recorded: Set<StageKey>

    public init(acks: [AckKey: LocalTime] = [:], recorded: Set<StageKey> = []) {
        self.acks = acks
        self.recorded = recorded
    }

    public static let empty = PlannerState()
}

/// A unit's report of one task occurrence.
public struct AckKey: Hashable, Sendable {
    public var directive: String
    public var task: String
    public var unit: String
    public var occurrence: CivilDate

    public init(directive: String, task: String, unit: String, occurrence: CivilDate) {
        self.directive = directive
        self.task = task
        self.unit = unit
        self.occurrence = occurrence
    }
}

/// One stage of one task occurrence for one unit: what the outbox records.
public struct StageKey: Hashable, Sendable, CustomStringConvertible {
    public var occurrence: AckKey
    public var stage: String

    public init(occurrence: AckKey, stage: String) {
        self.occurrence = occurrence
        self.stage = stage
    }

    /// `directive/task/unit/YYYY-MM-DD/stage`: the stem of every idempotency key.
    public var description: String {
        "\(occurrence.directive)/\(occurrence.task)/\(occurrence.unit)/\(occurrence.occurrence)/\(stage)"
    }
}
