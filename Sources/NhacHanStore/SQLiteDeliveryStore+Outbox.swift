import GRDB

/// The outbox's life cycle: enqueue, claim, complete, release.
extension SQLiteDeliveryStore {
    @discardableResult
    public func enqueue(_ deliveries: [DeliveryRecord], now: Int64) async throws -> Int {
        try await write("enqueue \(deliveries.count) deliveries") { db in
            // Prepared once for the whole batch: a plan can carry 100k deliveries.
            let insert = try db.makeStatement(sql: """
                INSERT INTO deliveries (\(DeliveryRecord.columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO NOTHING
                """)
            let insertStage = try db.makeStatement(sql: """
                INSERT INTO delivery_stages (stage_key, key) VALUES (?, ?) ON CONFLICT DO NOTHING
                """)
            var inserted = 0
            for d in deliveries {
                insert.setUncheckedArguments([
                    d.key, d.messageKey, d.unit, d.channel, d.target, d.role, d.sendAt, d.expiresAt, d.payload,
                    StageKeysJSON.encode(d.stageKeys), d.state.rawValue, d.attempts, d.nextAttemptAt,
                    d.leaseUntil, d.leaseOwner, d.lastError, d.response, now, now, d.sentAt,
                ])
                try insert.execute()
                guard db.changesCount > 0 else { continue }
                inserted += 1
                for stageKey in d.stageKeys {
                    insertStage.setUncheckedArguments([stageKey, d.key])
                    try insertStage.execute()
                }
            }
            return inserted
        }
    }

    /// - note: A row becomes `sending` only when its `next_attempt_at` has come, so every leased row
    ///   has `next_attempt_at <= now` and one bound on the due index finds both kinds of due row.
    ///   `INDEXED BY` keeps the planner on that index, already in claim order; left alone it picks
    ///   the state index and sorts every due row on each claim (and SQLite refuses the query,
    ///   rather than running it slowly, if the index ever stops fitting it). The outer query
    ///   reads the chosen messages by their index; left alone it scanned every due row per
    ///   claim, which made a large tick quadratic.
    public func claimDue(now: Int64, limit: Int, leaseSeconds: Int64, owner: String) async throws -> [DeliveryRecord] {
        guard limit > 0 else { return [] }
        return try await write("claim due deliveries") { db in
            // Whole messages: the recipients of one email share one SMTP transaction, so the
            // batch takes every due delivery of each message it starts.
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(DeliveryRecord.columns) FROM deliveries INDEXED BY deliveries_message
                WHERE message_key IN (
                    SELECT message_key FROM deliveries INDEXED BY deliveries_due
                    WHERE state IN ('pending', 'retrying', 'sending') AND next_attempt_at <= :now
                      AND (state <> 'sending' OR lease_until < :now)
                    ORDER BY next_attempt_at, key
                    LIMIT :limit)
                  AND state IN ('pending', 'retrying', 'sending') AND next_attempt_at <= :now
                  AND (state <> 'sending' OR lease_until < :now)
                ORDER BY next_attempt_at, key
                """, arguments: ["now": now, "limit": limit])
            let lease = try db.makeStatement(sql: """
                UPDATE deliveries SET state = 'sending', lease_until = ?, lease_owner = ?, updated_at = ?
                WHERE key = ?
                """)
            return try rows.map { row in
                var record = try DeliveryRecord(row: row)
                record.state = .sending
                record.leaseUntil = now + leaseSeconds
                record.leaseOwner = owner
                record.updatedAt = now
                try lease.execute(arguments: [record.leaseUntil, owner, now, record.key])
                return record
            }
        }
    }

    /// A `nil` error or response keeps the one recorded before: a delivery sent on its third try
    /// still shows why the second failed. One transaction for the whole batch: a commit per
    /// delivery cost more than sending it.
    @discardableResult
    public func complete(_ completions: [DeliveryCompletion], owner: String, now: Int64) async throws -> [String] {
        guard !completions.isEmpty else { return [] }
        return try await write("record the end of \(completions.count) attempts") { db in
            let update = try db.makeStatement(sql: """
                UPDATE deliveries SET
                    state = CASE WHEN :state = 'pending' AND attempts > 0 THEN 'retrying' ELSE :state END,
                    attempts = attempts + :attempt,
                    next_attempt_at = CASE WHEN :state = 'retrying' THEN COALESCE(:next, :now) ELSE next_attempt_at END,
                    last_error = COALESCE(:error, last_error),
                    response = COALESCE(:response, response),
                    sent_at = CASE WHEN :state = 'sent' THEN :now ELSE sent_at END,
                    lease_until = NULL, lease_owner = NULL, updated_at = :now
                WHERE key = :key AND state = 'sending' AND lease_owner = :owner
                """)
            var lost: [String] = []
            for completion in completions {
                let u = completion.update
                let (target, attempt) = try DeliveryLifecycle.completion(u)
                try update.execute(arguments: [
                    "state": target.rawValue, "attempt": attempt,
                    "next": u.nextAttemptAt, "error": u.error, "response": u.response,
                    "now": now, "key": completion.key, "owner": owner,
                ])
                if db.changesCount == 0 { lost.append(completion.key) }
            }
            return lost
        }
    }

    @discardableResult
    public func renewLeases(owner: String, until: Int64, now: Int64) async throws -> Int {
        try await write("renew leases") { db in
            try db.execute(sql: """
                UPDATE deliveries SET lease_until = ?, updated_at = ? WHERE state = 'sending' AND lease_owner = ?
                """, arguments: [until, now, owner])
            return db.changesCount
        }
    }

    /// A delivery that was tried before goes back to `retrying`, so its history still reads right.
    public func releaseLeases(owner: String?, now: Int64) async throws {
        try await write("release leases") { db in
            try db.execute(sql: """
                UPDATE deliveries SET
                    state = CASE WHEN attempts > 0 THEN 'retrying' ELSE 'pending' END,
                    lease_until = NULL, lease_owner = NULL, updated_at = :now
                WHERE state IN \(DeliveryLifecycle.sqlStates(DeliveryLifecycle.sources(of: .release)))
                  AND (:owner IS NULL OR lease_owner = :owner)
                """, arguments: ["owner": owner, "now": now])
        }
    }

    /// Only waiting deliveries: one being sent finishes its attempt, and the dispatcher drops
    /// the items acked by then.
    @discardableResult
    public func expire(keys: [String], reason: String, now: Int64) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        let waiting = DeliveryLifecycle.sources(of: .expire).filter { $0 != .sending }
        return try await write("expire \(keys.count) deliveries") { db in
            let statement = try db.makeStatement(sql: """
                UPDATE deliveries SET state = 'expired', last_error = ?, updated_at = ?
                WHERE key = ? AND state IN \(DeliveryLifecycle.sqlStates(waiting))
                """)
            var changed = 0
            for key in keys {
                try statement.execute(arguments: [reason, now, key])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// The attempt count starts again. It becomes due at its original send time, so it is due at
    /// once under any clock, the simulated one of `run --now` included.
    @discardableResult
    public func requeueDead(unit: String?, key: String?, now: Int64) async throws -> Int {
        try await write("re-queue dead letters") { db in
            try db.execute(sql: """
                UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = send_at, updated_at = :now
                WHERE state IN \(DeliveryLifecycle.sqlStates(DeliveryLifecycle.sources(of: .requeue)))
                  AND (:unit IS NULL OR unit = :unit) AND (:key IS NULL OR key = :key OR message_key = :key)
                """, arguments: ["unit": unit, "key": key, "now": now])
            return db.changesCount
        }
    }

    @discardableResult
    public func prune(finishedBefore: Int64) async throws -> Int {
        try await write("prune finished deliveries") { db in
            try db.execute(
                sql: "DELETE FROM deliveries WHERE state IN ('sent', 'expired', 'dead') AND updated_at < ?",
                arguments: [finishedBefore])
            return db.changesCount
        }
    }
}
