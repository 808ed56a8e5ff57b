import Foundation
public import NhacHanConfig
public import NhacHanCore
public import NhacHanDelivery
public import NhacHanStore

/// The sending half of the service: plan a bounded window, enqueue, claim, send, record.
///
/// It holds no acks, status or digest of its own; it takes the store, the configuration's
/// registry and calendar, and the channels to send on. A tick at the same moment twice sends
/// nothing new: every delivery is keyed, and every record is fenced on this runner's lease.
public struct Runner: Sendable {
    /// Limits of one runner; the defaults are what `tick` and `run` use.
    public struct Limits: Sendable {
        /// Messages leased and sent together, their results recorded in one transaction before
        /// the next batch. It bounds what a crash can send twice: only the batch in flight.
        public var batchSize = 250
        /// Real seconds one batch may take, whatever the servers do; what is not sent by then is
        /// given back unsent and goes in the next batch.
        public var batchSeconds = 60
        /// Renewed every third of itself while a batch runs, so it outlives any batch of a live
        /// node; a node that dies gives its claims up within this long (under a minute).
        public var leaseSeconds: Int64 = 45
        /// How far ahead the planner looks for the next wake (days); an empty window is looked
        /// at again when it ends, so open-ended rules cost the same every year.
        public var lookaheadDays = 400

        public init() {}
    }

    public let config: Config
    public let zone: CivilTimeZone
    public let calendar: VietnameseCalendar
    public let store: any DeliveryStore
    public let channels: any DeliveryChannels
    public var retry: RetryPolicy
    public var limits: Limits
    /// Identifies this process's leases.
    public let owner: String
    /// Ack and feed links put in every reminder, when the config has `http:`.
    public var links: MessageLinks?
    /// The jitter's random draw in `0..<1`; pinned by tests.
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    public init(
        config: Config, zone: CivilTimeZone, calendar: VietnameseCalendar, store: any DeliveryStore, channels: any DeliveryChannels,
        retry: RetryPolicy = RetryPolicy(), limits: Limits = Limits(), owner: String? = nil
    ) {
        self.config = config
        self.zone = zone
        self.calendar = calendar
        self.store = store
        self.channels = channels
        self.retry = retry
        self.limits = limits
        self.owner = owner ?? "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
    }

    /// What one tick did.
    public struct Summary: Sendable, CustomStringConvertible {
        public var enqueued = 0
        public var counts: [DeliveryState: Int] = [:]
        /// Deliveries whose lease was taken over by another worker before their result was recorded.
        public var leaseLost = 0

        public var total: Int { counts.values.reduce(0, +) }

        public var description: String {
            "đã gửi \(counts[.sent, default: 0]), chờ thử lại \(counts[.retrying, default: 0]), "
                + "hết hiệu lực \(counts[.expired, default: 0]), lỗi vĩnh viễn \(counts[.dead, default: 0]), "
                + "trả lại hàng đợi \(counts[.pending, default: 0]) "
                + "(sent, retrying, expired, dead, released; \(enqueued) mới vào hàng đợi)"
        }
    }

    /// Messages expanded and inserted per transaction when enqueueing.
    static let enqueueChunk = 2_000

    /// Plans, enqueues, and delivers everything due at `now`, batch after batch, until nothing
    /// is due or `stop` is signalled.
    ///
    /// `clock`, when given, is read again before each batch is claimed: a long tick of a busy
    /// node then takes over the leases of a dead one as they run out, not at its next tick.
    public func tick(now: LocalTime, stop: StopSignal = StopSignal(), clock: (@Sendable () -> LocalTime)? = nil) async throws -> Summary {
        var summary = Summary()
        let nowUnix = zone.unix(now)
        summary.enqueued = try await enqueueDue(now: now)
        summary.enqueued += try await DigestJob(config: config, zone: zone, calendar: calendar).enqueueIfDue(now: now, store: store)
        // Two batches overlap: the next one is claimed and rendered while the current one is on
        // the wire, and is sent only once the current one is recorded. One batch at a time is
        // on the wire unrecorded: all that a crash can send twice.
        let renewal = renewLeases(from: nowUnix)
        defer { renewal.cancel() }
        var inFlight: Task<([(DeliveryRecord, DeliveryUpdate)], Int64), Never>?
        var progressing = true
        while true {
            var next: Dispatcher.PreparedBatch?
            var dispatcher: Dispatcher?
            var batchNow = nowUnix
            if progressing && !stop.isStopped {
                batchNow = clock.map { max(nowUnix, zone.unix($0())) } ?? nowUnix
                let batch = try await store.claimDue(now: batchNow, limit: limits.batchSize, leaseSeconds: limits.leaseSeconds, owner: owner)
                if !batch.isEmpty {
                    // Acks are read for every batch, so an ack recorded beside the daemon stops at once.
                    let made = Dispatcher(config: config, zone: zone, channels: channels, retry: retry, acks: try await store.acks(), links: links, random: random)
                    next = made.prepare(batch, now: batchNow)
                    dispatcher = made
                }
            }
            if let inFlight {
                let (results, sentAt) = await inFlight.value
                try await record(results, now: sentAt, into: &summary)
                // A batch that only gave deliveries back made no progress: claim nothing more;
                // the daemon's next wake takes them.
                if !results.isEmpty && results.allSatisfy({ $0.1.state == .pending }) { progressing = false }
            }
            guard let next, let dispatcher else {
                if inFlight == nil || !progressing || stop.isStopped { break }
                inFlight = nil
                continue
            }
            let gate = SendGate(deadline: .now + .seconds(limits.batchSeconds), stop: stop)
            inFlight = Task { [batchNow] in (await dispatcher.send(next, now: batchNow, gate: gate), batchNow) }
        }
        try await store.setMeta("last_tick", String(nowUnix))
        try await pruneOncePerDay(now: now)
        return summary
    }

    /// Enqueues what the planner says is due up to `now`; returns how many deliveries were new.
    ///
    /// The planner looks back only as far as a stage can still matter (its policy's span), so
    /// the work does not grow with the years a config covers.
    @discardableResult
    public func enqueueDue(now: LocalTime) async throws -> Int {
        let state = try await plannerState()
        let plan = Planner(registry: config.registry, calendar: calendar).plan(.init(now: now, from: .distantPast, to: now), state: state)
        let expansion = DeliveryExpansion(registry: config.registry, renderer: PlanRenderer(iso: zone.iso), unix: zone.unix)
        // In chunks, so that memory holds one chunk of payloads, not a whole campaign's.
        var inserted = 0
        var start = 0
        while start < plan.messageCount {
            let end = min(start + Self.enqueueChunk, plan.messageCount)
            let records = (start..<end).flatMap { expansion.deliveries(for: plan.message(at: $0), now: zone.unix(now)) }
            inserted += try await store.enqueue(records, now: zone.unix(now))
            start = end
        }
        return inserted
    }

    /// Records a batch's results in one transaction, fenced on this runner's lease.
    private func record(_ results: [(DeliveryRecord, DeliveryUpdate)], now: Int64, into summary: inout Summary) async throws {
        let lost = try await store.complete(results.map { DeliveryCompletion(key: $0.0.key, update: $0.1) }, owner: owner, now: now)
        summary.leaseLost += lost.count
        var perChannel: [SendMetrics.Outcome: Int] = [:]
        for (record, update) in results {
            summary.counts[update.state, default: 0] += 1
            perChannel[SendMetrics.Outcome(channel: record.channel, state: update.state), default: 0] += 1
        }
        SendMetrics.count(perChannel)
    }

    /// Keeps this runner's leases alive while a tick sends, however long its batches take.
    private func renewLeases(from now: Int64) -> Task<Void, Never> {
        let started = ContinuousClock.now
        let store = self.store, owner = self.owner, lease = limits.leaseSeconds
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(max(1, lease / 3)))
                if Task.isCancelled { break }
                let elapsed = (ContinuousClock.now - started).components.seconds
                _ = try? await store.renewLeases(owner: owner, until: now + elapsed + lease, now: now + elapsed)
            }
        }
    }

    /// Acks and on-record stages, as the planner wants them.
    func plannerState() async throws -> PlannerState {
        var acks: [AckKey: LocalTime] = [:]
        for ack in try await store.acks() {
            guard let occurrence = CivilDate(iso: ack.occurrence) else { continue }
            acks[AckKey(directive: ack.directive, task: ack.task, unit: ack.unit, occurrence: occurrence)] = zone.local(unix: ack.at)
        }
        let recorded = try await store.recordedStageKeys().compactMap(Self.stageKey)
        return PlannerState(acks: acks, recorded: Set(recorded))
    }

    static func stageKey(_ text: String) -> StageKey? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let date = CivilDate(iso: parts[3]) else { return nil }
        return StageKey(occurrence: AckKey(directive: parts[0], task: parts[1], unit: parts[2], occurrence: date), stage: parts[4])
    }

    /// Deletes deliveries finished more than `retention_days` ago, once a day.
    func pruneOncePerDay(now: LocalTime) async throws {
        guard try await store.claimMeta("pruned_day", now.day.description) else { return }
        try await store.prune(finishedBefore: zone.unix(now) - Int64(config.retentionDays) * 86_400)
        // A day after they finish, deliveries leave the hot table (PostgreSQL): the planner no
        // longer plans them, so no node can be enqueueing one while it moves.
        try await store.archive(finishedBefore: zone.unix(now) - 86_400)
    }

    /// Gives back this process's leases, for a clean stop.
    public func releaseLeases(now: LocalTime) async throws {
        try await store.releaseLeases(owner: owner, now: zone.unix(now))
    }
}
