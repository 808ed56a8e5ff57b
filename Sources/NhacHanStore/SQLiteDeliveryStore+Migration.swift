import GRDB

/// A whole state in and out, for `nhachan state migrate`; and no history table to archive to.
extension SQLiteDeliveryStore {
    /// SQLite keeps finished deliveries in its one table: its queries read only the due index.
    public func archive(finishedBefore: Int64) async throws -> Int { 0 }

    public func exportState() async throws -> StateSnapshot {
        let deliveries = try await deliveries(state: nil, unit: nil)
        let acks = try await acks()
        let meta = try await read("read the notes") { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0["key"] as String, $0["value"] as String) }) { a, _ in a }
        }
        return StateSnapshot(deliveries: deliveries, acks: acks, meta: meta)
    }

    public func importState(_ snapshot: StateSnapshot) async throws {
        try await write("import a state") { db in
            let held = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM acks) + (SELECT count(*) FROM meta)") ?? 0
            guard held == 0 else {
                throw StoreError(code: .notEmpty, message: "the state database at \(self.path) is not empty: a migration writes only into an empty state")
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO deliveries (\(DeliveryRecord.columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertStage = try db.makeStatement(sql: "INSERT INTO delivery_stages (stage_key, key) VALUES (?, ?) ON CONFLICT DO NOTHING")
            for d in snapshot.deliveries {
                try insert.execute(arguments: [
                    d.key, d.messageKey, d.unit, d.channel, d.target, d.role, d.sendAt, d.expiresAt, d.payload,
                    StageKeysJSON.encode(d.stageKeys), d.state.rawValue, d.attempts, d.nextAttemptAt,
                    d.leaseUntil, d.leaseOwner, d.lastError, d.response, d.createdAt, d.updatedAt, d.sentAt,
                ])
                for stageKey in d.stageKeys { try insertStage.execute(arguments: [stageKey, d.key]) }
            }
            for ack in snapshot.acks {
                try db.execute(
                    sql: "INSERT INTO acks (directive, task, unit, occurrence, at, how, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [ack.directive, ack.task, ack.unit, ack.occurrence, ack.at, ack.how, ack.note])
            }
            for (key, value) in snapshot.meta {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }
}
