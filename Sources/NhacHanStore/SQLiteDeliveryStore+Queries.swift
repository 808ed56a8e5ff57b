import GRDB

/// What the runner and the status commands read; none of it takes the write lock.
extension SQLiteDeliveryStore {
    public func recordedStageKeys() async throws -> Set<String> {
        try await read("read the recorded stage keys") { db in
            try String.fetchSet(db, sql: "SELECT DISTINCT stage_key FROM delivery_stages")
        }
    }

    /// Only the filters given go into the SQL, so that SQLite can use the unit or state index.
    public func deliveries(state: DeliveryState?, unit: String?) async throws -> [DeliveryRecord] {
        var conditions: [String] = []
        if state != nil { conditions.append("state = ?") }
        if unit != nil { conditions.append("unit = ?") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let values: [String] = [state?.rawValue, unit].compactMap { $0 }
        return try await read("list deliveries") { db in
            let arguments = StatementArguments(values)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(DeliveryRecord.columns) FROM deliveries \(filter) ORDER BY send_at, key
                """, arguments: arguments)
            return try Array(rows.map { try DeliveryRecord(row: $0) })
        }
    }

    public func counts() async throws -> [DeliveryState: Int] {
        try await read("count deliveries") { db in
            var counts = Dictionary(uniqueKeysWithValues: DeliveryState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state") {
                let name: String = row["state"]
                guard let state = DeliveryState(rawValue: name) else {
                    throw UnreadableRow(message: "holds deliveries in an unknown state '\(name)'")
                }
                counts[state] = row["n"]
            }
            return counts
        }
    }

    /// One indexed `MIN` per state rather than one over `IN (...)`, which SQLite would scan.
    public func nextWakeTime() async throws -> Int64? {
        try await read("find the next wake time") { db in
            let next = "SELECT MIN(next_attempt_at) FROM deliveries WHERE state = ?"
            let times = [
                try Int64.fetchOne(db, sql: next, arguments: [DeliveryState.pending.rawValue]),
                try Int64.fetchOne(db, sql: next, arguments: [DeliveryState.retrying.rawValue]),
                try Int64.fetchOne(db, sql: "SELECT MIN(lease_until) FROM deliveries WHERE state = 'sending'"),
            ]
            return times.compactMap { $0 }.min()
        }
    }
}
