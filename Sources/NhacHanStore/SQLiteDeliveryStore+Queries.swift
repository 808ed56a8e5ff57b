import GRDB

/// What the runner and the status commands read; none of it takes the write lock.
extension SQLiteDeliveryStore {
    public func recordedStageKeys() throws -> Set<String> {
        try read("read the recorded stage keys") { db in
            try String.fetchSet(db, sql: "SELECT DISTINCT stage_key FROM delivery_stages")
        }
    }

    /// Only the filters given go into the SQL, so that SQLite can use the unit or state index.
    public func deliveries(state: DeliveryState?, unit: String?) throws -> [DeliveryRecord] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let state {
            conditions.append("state = ?")
            arguments += [state.rawValue]
        }
        if let unit {
            conditions.append("unit = ?")
            arguments += [unit]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read("list deliveries") { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(DeliveryRecord.columns) FROM deliveries \(filter) ORDER BY send_at, key
                """, arguments: arguments)
            return try Array(rows.map { try DeliveryRecord(row: $0) })
        }
    }

    public func counts() throws -> [DeliveryState: Int] {
        try read("count deliveries") { db in
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
    public func nextWakeTime() throws -> Int64? {
        try read("find the next wake time") { db in
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
