import GRDB

/// Acknowledgements and the runner's own key-value notes.
extension SQLiteDeliveryStore {
    public func ack(_ ack: AckRecord) async throws {
        try await write("record an acknowledgement") { db in
            try db.execute(sql: """
                INSERT INTO acks (directive, task, unit, occurrence, at, how, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (directive, task, unit, occurrence) DO NOTHING
                """, arguments: [ack.directive, ack.task, ack.unit, ack.occurrence, ack.at, ack.how, ack.note])
        }
    }

    @discardableResult
    public func unack(directive: String, task: String?, unit: String, occurrence: String?) async throws -> Int {
        try await write("remove an acknowledgement") { db in
            try db.execute(sql: """
                DELETE FROM acks
                WHERE directive = :directive AND unit = :unit
                  AND (:task IS NULL OR task = :task) AND (:occurrence IS NULL OR occurrence = :occurrence)
                """, arguments: ["directive": directive, "task": task, "unit": unit, "occurrence": occurrence])
            return db.changesCount
        }
    }

    /// Sorted by directive, task, unit and occurrence, so listings and diffs are stable.
    public func acks() async throws -> [AckRecord] {
        try await read("list acknowledgements") { db in
            try Row.fetchAll(db, sql: """
                SELECT directive, task, unit, occurrence, at, how, note FROM acks
                ORDER BY directive, task, unit, occurrence
                """).map { row in
                AckRecord(
                    directive: row["directive"], task: row["task"], unit: row["unit"],
                    occurrence: row["occurrence"], at: row["at"], how: row["how"], note: row["note"]
                )
            }
        }
    }

    public func meta(_ key: String) async throws -> String? {
        try await read("read '\(key)' from meta") { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }

    public func claimMeta(_ key: String, _ value: String) async throws -> Bool {
        try await write("claim '\(key)' in meta") { db in
            try db.execute(sql: """
                INSERT INTO meta (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE meta.value <> excluded.value
                """, arguments: [key, value])
            return db.changesCount > 0
        }
    }

    public func setMeta(_ key: String, _ value: String) async throws {
        try await write("write '\(key)' to meta") { db in
            try db.execute(sql: """
                INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [key, value])
        }
    }
}
