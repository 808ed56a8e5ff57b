import Foundation
public import NhacHanConfig
public import NhacHanCore
public import NhacHanStore

/// Joins the planner to the transports through the durable outbox (DESIGN.md §5, §6).
///
/// A tick plans what is due, enqueues it idempotently, then sends what is due and retries what
/// is due. Everything is keyed, so a second tick at the same moment sends nothing new.
public final class Outbox: Sendable {
    public let config: Config
    public let zone: CivilTimeZone
    public let calendar: VietnameseCalendar
    public let store: any DeliveryStore
    let transports: Transports
    public let retry: RetryPolicy
    /// Identifies this process's leases.
    public let owner: String
    public let leaseSeconds: Int64

    public init(
        config: Config, zone: CivilTimeZone, calendar: VietnameseCalendar, store: any DeliveryStore,
        retry: RetryPolicy = RetryPolicy(), leaseSeconds: Int64 = 120
    ) throws {
        self.config = config
        self.zone = zone
        self.calendar = calendar
        self.store = store
        self.transports = try Transports(config: config)
        self.retry = retry
        self.leaseSeconds = leaseSeconds
        self.owner = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
    }

    /// What one tick did.
    public struct Summary: Sendable, CustomStringConvertible {
        public var enqueued = 0
        public var counts: [DeliveryState: Int] = [:]

        public var description: String {
            "đã gửi \(counts[.sent, default: 0]), chờ thử lại \(counts[.retrying, default: 0]), "
                + "hết hiệu lực \(counts[.expired, default: 0]), lỗi vĩnh viễn \(counts[.dead, default: 0]) "
                + "(sent, retrying, expired, dead; \(enqueued) mới vào hàng đợi)"
        }
    }

    /// Deliveries leased and sent together, their results recorded before the next batch.
    /// It bounds what a crash can send twice: only the batch in flight.
    public static let batchSize = 32

    public func unix(_ local: LocalTime) -> Int64 { Int64(zone.date(local).timeIntervalSince1970) }

    /// Plans, enqueues, and delivers everything due at `now`.
    public func tick(now: LocalTime) async throws -> Summary {
        var summary = Summary()
        let nowUnix = unix(now)
        summary.enqueued = try enqueueDue(now: now) + enqueueDigest(now: now)
        var rounds = 0
        while rounds < 10_000 {
            rounds += 1
            let batch = try store.claimDue(now: nowUnix, limit: Self.batchSize, leaseSeconds: leaseSeconds, owner: owner)
            if batch.isEmpty { break }
            let results = await (try dispatcher()).dispatch(batch, now: nowUnix)
            for (record, update) in results {
                try store.complete(key: record.key, update: update, now: nowUnix)
                summary.counts[update.state, default: 0] += 1
            }
        }
        try store.setMeta("last_tick", String(nowUnix))
        try pruneOncePerDay(now: now)
        return summary
    }

    /// Enqueues what the planner says is due up to `now`; returns how many deliveries were new.
    @discardableResult
    public func enqueueDue(now: LocalTime) throws -> Int {
        let state = try plannerState()
        let plan = Planner(registry: config.registry, calendar: calendar).plan(.init(now: now, from: .distantPast, to: now), state: state)
        let expansion = DeliveryExpansion(registry: config.registry, renderer: PlanRenderer(iso: zone.iso), unix: unix)
        return try store.enqueue(expansion.deliveries(for: plan, now: unix(now)), now: unix(now))
    }

    /// The next moment something is due: a planned send or a retry.
    public func nextWake(after now: LocalTime) throws -> LocalTime? {
        let state = try plannerState()
        let plan = Planner(registry: config.registry, calendar: calendar)
            .plan(.init(now: now, from: LocalTime(seconds: now.seconds + 1)), state: state)
        var candidates: [LocalTime] = []
        if let first = plan.reminders.first { candidates.append(first.sendAt) }
        if let retry = try store.nextWakeTime() {
            candidates.append(zone.local(Date(timeIntervalSince1970: TimeInterval(retry))))
        }
        return candidates.min()
    }

    /// Acks and on-record stages, as the planner wants them.
    func plannerState() throws -> PlannerState {
        var acks: [AckKey: LocalTime] = [:]
        for ack in try store.acks() {
            guard let occurrence = CivilDate(iso: ack.occurrence) else { continue }
            acks[AckKey(directive: ack.directive, task: ack.task, unit: ack.unit, occurrence: occurrence)] =
                zone.local(Date(timeIntervalSince1970: TimeInterval(ack.at)))
        }
        let recorded = try store.recordedStageKeys().compactMap(Self.stageKey)
        return PlannerState(acks: acks, recorded: Set(recorded))
    }

    static func stageKey(_ text: String) -> StageKey? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let date = CivilDate(iso: parts[3]) else { return nil }
        return StageKey(occurrence: AckKey(directive: parts[0], task: parts[1], unit: parts[2], occurrence: date), stage: parts[4])
    }

    func dispatcher() throws -> Dispatcher {
        var acked: [String: Int64] = [:]
        for ack in try store.acks() { acked["\(ack.directive)/\(ack.task)/\(ack.unit)/\(ack.occurrence)"] = ack.at }
        return Dispatcher(config: config, zone: zone, transports: transports, retry: retry, acked: acked)
    }

    /// Deletes deliveries finished more than `retention_days` ago, once a day.
    func pruneOncePerDay(now: LocalTime) throws {
        let day = now.day.description
        guard try store.meta("pruned_day") != day else { return }
        try store.prune(finishedBefore: unix(now) - Int64(config.retentionDays) * 86_400)
        try store.setMeta("pruned_day", day)
    }

    /// Gives back this process's leases, for a clean stop.
    public func releaseLeases(now: LocalTime) throws {
        try store.releaseLeases(owner: owner, now: unix(now))
    }
}
