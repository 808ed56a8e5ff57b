import NhacHanCore
import PostgresNIO

/// A whole state in and out, for `nhachan state migrate`.
extension PostgresDeliveryStore {
    public func exportState() async throws -> StateSnapshot {
        let deliveries = try await deliveries(state: nil, unit: nil)
        let acks = try await acks()
        let meta = try await run("read the notes") {
            var meta: [String: String] = [:]
            for try await (key, value) in try await client.query("SELECT key, value FROM meta", logger: logger).decode((String, String).self) {
                meta[key] = value
            }
            return meta
        }
        return StateSnapshot(deliveries: deliveries, acks: acks, meta: meta)
    }

    /// Finished deliveries go straight to the history, the others to the queue, as they were.
    public func importState(_ snapshot: StateSnapshot) async throws {
        let finished: Set<DeliveryState> = [.sent, .expired, .dead]
        let hot = Self.json(snapshot.deliveries.filter { !finished.contains($0.state) }, now: nil)
        let done = Self.json(snapshot.deliveries.filter { finished.contains($0.state) }, now: nil)
        let acks = JSONValue.array(snapshot.acks.map { ack in
            .object([
                ("directive", .string(ack.directive)), ("task", .string(ack.task)), ("unit", .string(ack.unit)),
                ("occurrence", .string(ack.occurrence)), ("at", .int(Int(ack.at))), ("how", .string(ack.how)),
                ("note", ack.note.map { .string($0) } ?? .null),
            ])
        }).rendered(pretty: false)
        let meta = JSONValue.object(snapshot.meta.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).rendered(pretty: false)
        // Checked before the transaction, whose errors postgres-nio wraps: a migration target is
        // one an operator has just created, with no daemon writing to it.
        let held = try await run("look into the target") {
            var held: Int64 = 0
            for try await count in try await client.query("""
                SELECT ((SELECT count(*) FROM deliveries) + (SELECT count(*) FROM delivery_history)
                      + (SELECT count(*) FROM acks) + (SELECT count(*) FROM meta))::BIGINT
                """, logger: logger).decode(Int64.self) { held = count }
            return held
        }
        guard held == 0 else {
            throw StoreError(code: .notEmpty, message: "the state database at \(location.description) is not empty: a migration writes only into an empty state")
        }
        try await transaction("import a state") { connection in
            for (table, input) in [("deliveries", hot), ("delivery_history", done)] {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    WITH input AS (SELECT * FROM jsonb_to_recordset($1::JSONB) AS r(\(Self.recordType))),
                    inserted AS (INSERT INTO \(table) (\(Self.columns)) SELECT \(Self.columns) FROM input RETURNING key, stage_keys)
                    INSERT INTO delivery_stages (stage_key, key)
                    SELECT jsonb_array_elements_text(stage_keys::JSONB), key FROM inserted ON CONFLICT DO NOTHING
                    """, binds: Self.binds(input)), logger: logger)
            }
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO acks (directive, task, unit, occurrence, at, how, note)
                SELECT * FROM jsonb_to_recordset($1::JSONB)
                    AS r(directive TEXT, task TEXT, unit TEXT, occurrence TEXT, at BIGINT, how TEXT, note TEXT)
                """, binds: Self.binds(acks)), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO meta (key, value) SELECT key, value FROM jsonb_each_text($1::JSONB)
                """, binds: Self.binds(meta)), logger: logger)
        }
    }
}
