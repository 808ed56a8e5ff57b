/// The durable outbox and the record of acknowledgements, behind one `async` interface.
///
/// SQLite (embedded, the default) implements it; PostgreSQL follows behind the same protocol and
/// the same contract suite. Times are Unix seconds (UTC): the store deals in real instants, the
/// planner in local civil time, and the runner converts between them.
///
/// Every write that ends or gives back a lease is **fenced** on the lease owner: a worker whose
/// lease ran out and was taken over cannot overwrite what the new owner records. Every change of
/// state follows ``DeliveryLifecycle``.
public protocol DeliveryStore: Sendable {
    /// Inserts each delivery whose key is new and ignores the others (idempotent upsert).
    /// Returns how many were new.
    @discardableResult
    func enqueue(_ deliveries: [DeliveryRecord], now: Int64) async throws -> Int

    /// Every stage key that any delivery has ever carried: the planner's record of the past.
    func recordedStageKeys() async throws -> Set<String>

    /// Leases the due deliveries of the messages that the first `limit` due deliveries belong to
    /// (a message's recipients are never split across batches). Due means pending or retrying with
    /// `nextAttemptAt <= now`, or sending with a lease that ran out. They become `sending`
    /// with `leaseUntil = now + leaseSeconds`, owned by `owner`.
    func claimDue(now: Int64, limit: Int, leaseSeconds: Int64, owner: String) async throws -> [DeliveryRecord]

    /// Records the end of attempts, all in one transaction: sent, retrying (with its next
    /// attempt), expired, dead, or given back (`pending`). Only deliveries still `sending` under
    /// `owner`'s lease change; returns the keys that did not (their lease was lost).
    @discardableResult
    func complete(_ completions: [DeliveryCompletion], owner: String, now: Int64) async throws -> [String]

    /// Extends every lease `owner` holds to `until`, while a long batch runs; returns how many.
    @discardableResult
    func renewLeases(owner: String, until: Int64, now: Int64) async throws -> Int

    /// Gives back every lease `owner` holds (`nil`: every lease), as due again. For a clean stop
    /// and for a single-node restart after a crash.
    func releaseLeases(owner: String?, now: Int64) async throws

    /// Expires the pending and retrying deliveries among `keys` (not those being sent); returns how many.
    @discardableResult
    func expire(keys: [String], reason: String, now: Int64) async throws -> Int

    /// Puts dead letters back in the queue for an immediate attempt (`nhachan retry`), all of
    /// them or those of one unit or one key; returns how many.
    @discardableResult
    func requeueDead(unit: String?, key: String?, now: Int64) async throws -> Int

    /// Deliveries in a state and for a unit (either filter optional), by send time then key.
    func deliveries(state: DeliveryState?, unit: String?) async throws -> [DeliveryRecord]

    /// How many deliveries are in each state.
    func counts() async throws -> [DeliveryState: Int]

    /// The earliest moment something becomes due: the next attempt of a pending or retrying
    /// delivery, or the end of a lease. `nil` when nothing waits.
    func nextWakeTime() async throws -> Int64?

    /// Deletes sent, expired and dead deliveries last updated before `finishedBefore`, with their
    /// stage records; returns how many. Keeps the state file and the planner's record bounded over
    /// years: stages that old belong to deadlines whose reminders ended long ago.
    @discardableResult
    func prune(finishedBefore: Int64) async throws -> Int

    /// Records that a unit has reported a task occurrence. The same occurrence acked again (by
    /// another path) stays one ack: the first time is kept.
    func ack(_ ack: AckRecord) async throws

    /// Removes an acknowledgement; returns how many were removed.
    @discardableResult
    func unack(directive: String, task: String?, unit: String, occurrence: String?) async throws -> Int

    func acks() async throws -> [AckRecord]

    /// A small key-value record of the runner's own (the last tick, say).
    func meta(_ key: String) async throws -> String?
    func setMeta(_ key: String, _ value: String) async throws

    /// Sets `key` to `value` unless it already holds it; `true` when this call changed it. Several
    /// daemons use it so that a once-a-day job (the digest) runs once.
    func claimMeta(_ key: String, _ value: String) async throws -> Bool

    /// Throws when the state is no longer there: the file deleted or replaced under a running
    /// daemon, the database unreachable.
    func verifyIntact() async throws

    /// Moves deliveries finished before `finishedBefore` out of the hot table, where the store
    /// has a history table (PostgreSQL); returns how many. Listings and counts still show them.
    @discardableResult
    func archive(finishedBefore: Int64) async throws -> Int

    /// Everything the state holds, for `nhachan state migrate`.
    func exportState() async throws -> StateSnapshot

    /// Yields when another process says that work became due (PostgreSQL's `NOTIFY`), so a
    /// sleeping daemon takes it at once; a store without such signals never yields, and the
    /// daemon's polling is all there is. Ends when the caller stops iterating.
    func dueSignals() -> AsyncStream<Void>

    /// Writes a whole state into this empty store; refuses (``StoreError/Code/notEmpty``) a
    /// store that holds anything.
    func importState(_ snapshot: StateSnapshot) async throws
}

/// A whole state: every delivery (finished ones included, with their stage keys), every ack,
/// every note of the runner's.
public struct StateSnapshot: Sendable {
    public var deliveries: [DeliveryRecord]
    public var acks: [AckRecord]
    public var meta: [String: String]

    public init(deliveries: [DeliveryRecord], acks: [AckRecord], meta: [String: String]) {
        self.deliveries = deliveries
        self.acks = acks
        self.meta = meta
    }

    public var isEmpty: Bool { deliveries.isEmpty && acks.isEmpty && meta.isEmpty }
}

/// One attempt's end, for ``DeliveryStore/complete(_:owner:now:)``.
public struct DeliveryCompletion: Sendable, Hashable {
    public var key: String
    public var update: DeliveryUpdate

    public init(key: String, update: DeliveryUpdate) {
        self.key = key
        self.update = update
    }
}

extension DeliveryStore {
    /// No signals: the file is shared by processes on one machine, which poll it.
    public func dueSignals() -> AsyncStream<Void> {
        AsyncStream { $0.finish() }
    }

    /// Records one attempt's end; throws when `key` is unknown or no longer leased by `owner`.
    public func complete(key: String, update: DeliveryUpdate, owner: String, now: Int64) async throws {
        let lost = try await complete([DeliveryCompletion(key: key, update: update)], owner: owner, now: now)
        if !lost.isEmpty { throw StoreError.leaseLost(key) }
    }
}

/// Where a delivery stands (DESIGN.md §5).
public enum DeliveryState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for its send time.
    case pending
    /// Leased by a worker that is sending it now.
    case sending
    case sent
    /// A transient failure; tried again at `nextAttemptAt`.
    case retrying
    /// Not sent, for a stated reason: its deadline passed, or the unit reported.
    case expired
    /// A permanent failure, or retried past the maximum age: a dead letter.
    case dead
}

/// One message on one channel to one recipient.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// The idempotency key: unique, stable, sent as `Message-ID` and `webhook-id`.
    public var key: String
    /// Shared by the deliveries of one message on one channel (the recipients of one email).
    public var messageKey: String
    public var unit: String
    /// `email` or `webhook`.
    public var channel: String
    /// An email address, or a webhook URL.
    public var target: String
    /// `to`, `cc` or `escalation` for email; `webhook` for webhooks.
    public var role: String
    /// When it is due (Unix seconds).
    public var sendAt: Int64
    /// After this instant it must not be sent: a before-stage whose deadline passed.
    public var expiresAt: Int64?
    /// Everything needed to render and send it again, as JSON.
    public var payload: String
    /// The planner stage keys (`directive/task/unit/occurrence/stage`) this message carries.
    public var stageKeys: [String]
    public var state: DeliveryState
    public var attempts: Int
    public var nextAttemptAt: Int64
    public var leaseUntil: Int64?
    public var leaseOwner: String?
    public var lastError: String?
    /// The server's last answer (status and text).
    public var response: String?
    public var createdAt: Int64
    public var updatedAt: Int64
    public var sentAt: Int64?

    public init(
        key: String, messageKey: String, unit: String, channel: String, target: String, role: String, sendAt: Int64,
        expiresAt: Int64?, payload: String, stageKeys: [String], state: DeliveryState = .pending, attempts: Int = 0,
        nextAttemptAt: Int64? = nil, createdAt: Int64 = 0
    ) {
        self.key = key
        self.messageKey = messageKey
        self.unit = unit
        self.channel = channel
        self.target = target
        self.role = role
        self.sendAt = sendAt
        self.expiresAt = expiresAt
        self.payload = payload
        self.stageKeys = stageKeys
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? sendAt
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

/// The end of one attempt.
public struct DeliveryUpdate: Sendable, Hashable {
    public var state: DeliveryState
    /// For `retrying`: when to try again.
    public var nextAttemptAt: Int64?
    public var error: String?
    public var response: String?
    /// Whether this counts as an attempt (an expiry or an ack before sending does not).
    public var countsAsAttempt: Bool

    public init(state: DeliveryState, nextAttemptAt: Int64? = nil, error: String? = nil, response: String? = nil, countsAsAttempt: Bool = true) {
        self.state = state
        self.nextAttemptAt = nextAttemptAt
        self.error = error
        self.response = response
        self.countsAsAttempt = countsAsAttempt
    }
}

/// A unit's report of one task occurrence.
public struct AckRecord: Sendable, Hashable, Codable {
    public var directive: String
    public var task: String
    public var unit: String
    /// The occurrence's written deadline date, `YYYY-MM-DD`.
    public var occurrence: String
    /// When the unit reported (Unix seconds).
    public var at: Int64
    /// How it was recorded: `cli`, `link`, `api`.
    public var how: String
    public var note: String?

    public init(directive: String, task: String, unit: String, occurrence: String, at: Int64, how: String = "cli", note: String? = nil) {
        self.directive = directive
        self.task = task
        self.unit = unit
        self.occurrence = occurrence
        self.at = at
        self.how = how
        self.note = note
    }
}

extension AckRecord {
    /// `directive/task/unit/occurrence`: how acks are looked up by the parts that check them.
    public static func occurrenceKey(directive: String, task: String, unit: String, occurrence: String) -> String {
        "\(directive)/\(task)/\(unit)/\(occurrence)"
    }

    public var occurrenceKey: String { Self.occurrenceKey(directive: directive, task: task, unit: unit, occurrence: occurrence) }
}
