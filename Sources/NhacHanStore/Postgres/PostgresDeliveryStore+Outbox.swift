import Foundation
import NhacHanCore
import PostgresNIO

/// The queue on PostgreSQL: batch writes go as one JSON parameter (`jsonb_to_recordset`), claims
/// skip the rows other nodes hold, completions are fenced on the owner.
extension PostgresDeliveryStore {
    static let recordType = """
        key TEXT, message_key TEXT, unit TEXT, channel TEXT, target TEXT, role TEXT, send_at BIGINT, expires_at BIGINT,
        payload TEXT, stage_keys TEXT, state TEXT, attempts BIGINT, next_attempt_at BIGINT, lease_until BIGINT,
        lease_owner TEXT, last_error TEXT, response TEXT, created_at BIGINT, updated_at BIGINT, sent_at BIGINT
        """
    static let columns = DeliveryRecord.columns
    /// The states a claim can take, from the life cycle's table.
    static let claimable = DeliveryLifecycle.sqlStates(DeliveryLifecycle.sources(of: .claim) + [.sending])

    static func json(_ records: [DeliveryRecord], now: Int64?) -> String {
        func int(_ value: Int64?) -> JSONValue { value.map { .int(Int($0)) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return JSONValue.array(records.map { d in
            .object([
                ("key", .string(d.key)), ("message_key", .string(d.messageKey)), ("unit", .string(d.unit)),
                ("channel", .string(d.channel)), ("target", .string(d.target)), ("role", .string(d.role)),
                ("send_at", int(d.sendAt)), ("expires_at", int(d.expiresAt)), ("payload", .string(d.payload)),
                ("stage_keys", .string(StageKeysJSON.encode(d.stageKeys))), ("state", .string(d.state.rawValue)),
                ("attempts", .int(d.attempts)), ("next_attempt_at", int(d.nextAttemptAt)), ("lease_until", int(d.leaseUntil)),
                ("lease_owner", text(d.leaseOwner)), ("last_error", text(d.lastError)), ("response", text(d.response)),
                ("created_at", int(now ?? d.createdAt)), ("updated_at", int(now ?? d.updatedAt)), ("sent_at", int(d.sentAt)),
            ])
        }).rendered(pretty: false)
    }

    static func record(_ row: PostgresRow) throws -> DeliveryRecord {
        let r = row.makeRandomAccess()
        func text(_ name: String) throws -> String { try r[name].decode(String.self) }
        func int(_ name: String) throws -> Int64 { try r[name].decode(Int64.self) }
        func optionalInt(_ name: String) throws -> Int64? { try r[name].decode(Int64?.self) }
        func optionalText(_ name: String) throws -> String? { try r[name].decode(String?.self) }
        let stateName = try text("state")
        guard let state = DeliveryState(rawValue: stateName) else {
            throw StoreError(code: .unreadableRow, message: "the state database holds a delivery in an unknown state '\(stateName)'")
        }
        var record = DeliveryRecord(
            key: try text("key"), messageKey: try text("message_key"), unit: try text("unit"), channel: try text("channel"),
            target: try text("target"), role: try text("role"), sendAt: try int("send_at"), expiresAt: try optionalInt("expires_at"),
            payload: try text("payload"), stageKeys: try StageKeysJSON.decode(try text("stage_keys")), state: state,
            attempts: Int(try int("attempts")), nextAttemptAt: try int("next_attempt_at"), createdAt: try int("created_at"))
        record.leaseUntil = try optionalInt("lease_until")
        record.leaseOwner = try optionalText("lease_owner")
        record.lastError = try optionalText("last_error")
        record.response = try optionalText("response")
        record.updatedAt = try int("updated_at")
        record.sentAt = try optionalInt("sent_at")
        return record
    }

    func records(_ query: PostgresQuery) async throws -> [DeliveryRecord] {
        let rows = try await client.query(query, logger: logger)
        var records: [DeliveryRecord] = []
        for try await row in rows { records.append(try Self.record(row)) }
        return records
    }

    /// Wakes the other nodes: something became due (they poll as well, should this be lost).
    func notifyDue(_ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_notify('nhachan_due', '')", logger: logger)
    }

    @discardableResult
    public func enqueue(_ deliveries: [DeliveryRecord], now: Int64) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let input = Self.json(deliveries, now: now)
        let inserted = try await transaction("enqueue \(deliveries.count) deliveries") { connection in
            // A key already finished (and moved to the history) is not new either.
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                WITH input AS (SELECT * FROM jsonb_to_recordset($1::JSONB) AS r(\(Self.recordType))),
                inserted AS (
                    INSERT INTO deliveries (\(Self.columns))
                    SELECT \(Self.columns) FROM input WHERE NOT EXISTS (SELECT 1 FROM delivery_history h WHERE h.key = input.key)
                    ON CONFLICT (key) DO NOTHING
                    RETURNING key, stage_keys),
                stages AS (
                    INSERT INTO delivery_stages (stage_key, key)
                    SELECT jsonb_array_elements_text(stage_keys::JSONB), key FROM inserted
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT (SELECT count(*) FROM inserted)::BIGINT
                """, binds: Self.binds(input)), logger: logger)
            var inserted = 0
            for try await count in rows.decode(Int64.self) { inserted = Int(count) }
            if inserted > 0 { try await notifyDue(connection) }
            return inserted
        }
        if inserted >= Self.analyzeAfter {
            // A burst of due rows that autovacuum has not counted yet makes the planner sort the
            // whole queue at every claim (60 ms instead of 6 for 250 rows of 20,000).
            try await run("update the queue's statistics") { try await client.query("ANALYZE deliveries", logger: logger) }
        }
        return inserted
    }

    /// New rows in one enqueue after which the planner's statistics are brought up to date.
    static let analyzeAfter = 500

    /// `$1, $2, …` in order; `nil` binds NULL.
    static func binds<each Value: PostgresDynamicTypeEncodable>(_ values: repeat Optional<each Value>) -> PostgresBindings {
        var bindings = PostgresBindings()
        repeat bindings.append(each values)
        return bindings
    }

    public func claimDue(now: Int64, limit: Int, leaseSeconds: Int64, owner: String) async throws -> [DeliveryRecord] {
        guard limit > 0 else { return [] }
        return try await run("claim due deliveries") {
            // Past the owner's last claim first: the rows before it are mostly finished, and an
            // old snapshot held open elsewhere keeps their dead versions in the index, where
            // every claim from the start would walk them again. Only when nothing is due past
            // it does a claim look from the start (a row given back, or enqueued late).
            if let cursor = claimCursors.withLock({ $0[owner] }) {
                let claimed = try await claim(now: now, limit: limit, leaseSeconds: leaseSeconds, owner: owner, after: cursor)
                if !claimed.isEmpty { return claimed }
            }
            return try await claim(now: now, limit: limit, leaseSeconds: leaseSeconds, owner: owner, after: nil)
        }
    }

    private func claim(now: Int64, limit: Int, leaseSeconds: Int64, owner: String, after cursor: ClaimCursor?) async throws -> [DeliveryRecord] {
        let until = now + leaseSeconds
        let due = "state IN \(Self.claimable) AND next_attempt_at <= $1 AND (state <> 'sending' OR lease_until < $1)"
        let past = cursor == nil ? "" : "AND (next_attempt_at, key) > ($5, $6)"
        // Whole messages: the first `limit` due rows not locked by another node, then every due
        // row of their messages. A row another node claims meanwhile is re-checked by the
        // UPDATE and left alone. `= ANY (ARRAY(…))` reaches the rows by the message index;
        // `IN (SELECT …)` was planned as a scan of the whole queue, at every claim.
        let claimed = try await records(PostgresQuery(unsafeSQL: """
            WITH chosen AS (
                SELECT message_key FROM deliveries WHERE \(due) \(past)
                ORDER BY next_attempt_at, key LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE deliveries SET state = 'sending', lease_until = $3, lease_owner = $4, updated_at = $1
            WHERE message_key = ANY (ARRAY(SELECT message_key FROM chosen)) AND \(due)
            RETURNING \(Self.columns)
            """, binds: cursor.map { Self.binds(now, Int64(limit), until, owner, $0.nextAttemptAt, $0.key) }
                ?? Self.binds(now, Int64(limit), until, owner)))
        let sorted = claimed.sorted { ($0.nextAttemptAt, $0.key) < ($1.nextAttemptAt, $1.key) }
        if let last = sorted.last {
            claimCursors.withLock { $0[owner] = ClaimCursor(nextAttemptAt: last.nextAttemptAt, key: last.key) }
        }
        return sorted
    }

    @discardableResult
    public func complete(_ completions: [DeliveryCompletion], owner: String, now: Int64) async throws -> [String] {
        guard !completions.isEmpty else { return [] }
        // Six parallel arrays, bound in PostgreSQL's binary format and joined by `unnest`: no
        // JSON to write here and parse there. NULL has no place in these arrays: an empty text
        // and -1 stand for it.
        var keys: [String] = [], states: [String] = [], attempts: [Int64] = [], nexts: [Int64] = []
        var errors: [String] = [], responses: [String] = []
        for completion in completions {
            let u = completion.update
            let (target, attempt) = try DeliveryLifecycle.completion(u)
            keys.append(completion.key)
            states.append(target.rawValue)
            attempts.append(attempt)
            nexts.append(u.nextAttemptAt ?? -1)
            errors.append(u.error ?? "")
            responses.append(u.response ?? "")
        }
        return try await run("record the end of \(completions.count) attempts") {
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                WITH input AS (SELECT * FROM unnest($1::TEXT[], $2::TEXT[], $3::BIGINT[], $4::BIGINT[], $5::TEXT[], $6::TEXT[])
                    AS r(key, state, attempt, next, error, response))
                UPDATE deliveries d SET
                    state = CASE WHEN i.state = 'pending' AND d.attempts > 0 THEN 'retrying' ELSE i.state END,
                    attempts = d.attempts + i.attempt,
                    next_attempt_at = CASE WHEN i.state = 'retrying' THEN COALESCE(NULLIF(i.next, -1), $7) ELSE d.next_attempt_at END,
                    last_error = COALESCE(NULLIF(i.error, ''), d.last_error), response = COALESCE(NULLIF(i.response, ''), d.response),
                    sent_at = CASE WHEN i.state = 'sent' THEN $7 ELSE d.sent_at END,
                    lease_until = NULL, lease_owner = NULL, updated_at = $7
                FROM input i
                WHERE d.key = i.key AND d.state = 'sending' AND d.lease_owner = $8
                RETURNING d.key
                """, binds: Self.binds(keys, states, attempts, nexts, errors, responses, now, owner)), logger: logger)
            var done = Set<String>()
            for try await key in rows.decode(String.self) { done.insert(key) }
            return completions.map(\.key).filter { !done.contains($0) }
        }
    }

    @discardableResult
    public func renewLeases(owner: String, until: Int64, now: Int64) async throws -> Int {
        try await run("renew leases") {
            let rows = try await client.query("""
                UPDATE deliveries SET lease_until = \(until), updated_at = \(now) WHERE state = 'sending' AND lease_owner = \(owner) RETURNING 1
                """, logger: logger)
            var renewed = 0
            for try await _ in rows { renewed += 1 }
            return renewed
        }
    }

    public func releaseLeases(owner: String?, now: Int64) async throws {
        try await transaction("release leases") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE deliveries SET state = CASE WHEN attempts > 0 THEN 'retrying' ELSE 'pending' END,
                    lease_until = NULL, lease_owner = NULL, updated_at = $1
                WHERE state IN \(DeliveryLifecycle.sqlStates(DeliveryLifecycle.sources(of: .release))) AND ($2::TEXT IS NULL OR lease_owner = $2)
                """, binds: Self.binds(now, owner)), logger: logger)
            try await notifyDue(connection)
        }
    }

    @discardableResult
    public func expire(keys: [String], reason: String, now: Int64) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        let waiting = DeliveryLifecycle.sources(of: .expire).filter { $0 != .sending }
        return try await run("expire \(keys.count) deliveries") {
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                UPDATE deliveries SET state = 'expired', last_error = $1, updated_at = $2
                WHERE key = ANY($3) AND state IN \(DeliveryLifecycle.sqlStates(waiting)) RETURNING 1
                """, binds: Self.binds(reason, now, keys)), logger: logger)
            var changed = 0
            for try await _ in rows { changed += 1 }
            return changed
        }
    }

    /// Dead letters come back from the history too, so an old one can be re-sent.
    @discardableResult
    public func requeueDead(unit: String?, key: String?, now: Int64) async throws -> Int {
        let filter = "state IN \(DeliveryLifecycle.sqlStates(DeliveryLifecycle.sources(of: .requeue))) AND ($1::TEXT IS NULL OR unit = $1) AND ($2::TEXT IS NULL OR key = $2 OR message_key = $2)"
        return try await transaction("re-queue dead letters") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: """
                WITH back AS (DELETE FROM delivery_history WHERE \(filter) RETURNING *)
                INSERT INTO deliveries SELECT * FROM back ON CONFLICT (key) DO NOTHING
                """, binds: Self.binds(unit, key)), logger: logger)
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = send_at, updated_at = $3
                WHERE \(filter) RETURNING 1
                """, binds: Self.binds(unit, key, now)), logger: logger)
            var changed = 0
            for try await _ in rows { changed += 1 }
            if changed > 0 { try await notifyDue(connection) }
            return changed
        }
    }

    /// Moves deliveries finished before `finishedBefore` from the hot table to the history.
    @discardableResult
    public func archive(finishedBefore: Int64) async throws -> Int {
        try await transaction("move finished deliveries to the history") { connection in
            let rows = try await connection.query("""
                WITH moved AS (
                    DELETE FROM deliveries WHERE state IN ('sent', 'expired', 'dead') AND updated_at < \(finishedBefore) RETURNING *),
                kept AS (INSERT INTO delivery_history SELECT * FROM moved ON CONFLICT (key) DO NOTHING RETURNING 1)
                SELECT (SELECT count(*) FROM moved)::BIGINT
                """, logger: logger)
            var moved = 0
            for try await count in rows.decode(Int64.self) { moved = Int(count) }
            return moved
        }
    }

    @discardableResult
    public func prune(finishedBefore: Int64) async throws -> Int {
        try await transaction("prune finished deliveries") { connection in
            let rows = try await connection.query("""
                WITH old_history AS (
                    DELETE FROM delivery_history WHERE state IN ('sent', 'expired', 'dead') AND updated_at < \(finishedBefore) RETURNING key),
                old_hot AS (
                    DELETE FROM deliveries WHERE state IN ('sent', 'expired', 'dead') AND updated_at < \(finishedBefore) RETURNING key),
                stages AS (
                    DELETE FROM delivery_stages WHERE key IN (SELECT key FROM old_history UNION ALL SELECT key FROM old_hot) RETURNING 1)
                SELECT ((SELECT count(*) FROM old_history) + (SELECT count(*) FROM old_hot))::BIGINT
                """, logger: logger)
            var pruned = 0
            for try await count in rows.decode(Int64.self) { pruned = Int(count) }
            return pruned
        }
    }

    public func recordedStageKeys() async throws -> Set<String> {
        try await run("read the recorded stage keys") {
            var keys = Set<String>()
            for try await key in try await client.query("SELECT DISTINCT stage_key FROM delivery_stages", logger: logger).decode(String.self) {
                keys.insert(key)
            }
            return keys
        }
    }

    public func deliveries(state: DeliveryState?, unit: String?) async throws -> [DeliveryRecord] {
        try await run("list deliveries") {
            let filter = "($1::TEXT IS NULL OR state = $1) AND ($2::TEXT IS NULL OR unit = $2)"
            return try await records(PostgresQuery(unsafeSQL: """
                SELECT \(Self.columns) FROM deliveries WHERE \(filter)
                UNION ALL SELECT \(Self.columns) FROM delivery_history WHERE \(filter)
                ORDER BY send_at, key
                """, binds: Self.binds(state?.rawValue, unit)))
        }
    }

    public func counts() async throws -> [DeliveryState: Int] {
        try await run("count deliveries") {
            var counts = Dictionary(uniqueKeysWithValues: DeliveryState.allCases.map { ($0, 0) })
            let rows = try await client.query("""
                SELECT state, count(*)::BIGINT FROM (SELECT state FROM deliveries UNION ALL SELECT state FROM delivery_history) s GROUP BY state
                """, logger: logger)
            for try await (name, count) in rows.decode((String, Int64).self) {
                guard let state = DeliveryState(rawValue: name) else {
                    throw StoreError(code: .unreadableRow, message: "the state database holds deliveries in an unknown state '\(name)'")
                }
                counts[state] = Int(count)
            }
            return counts
        }
    }

    public func nextWakeTime() async throws -> Int64? {
        try await run("find the next wake time") {
            let rows = try await client.query("""
                SELECT min(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END)
                FROM deliveries WHERE state IN ('pending', 'retrying', 'sending')
                """, logger: logger)
            for try await next in rows.decode(Int64?.self) { return next }
            return nil
        }
    }
}
