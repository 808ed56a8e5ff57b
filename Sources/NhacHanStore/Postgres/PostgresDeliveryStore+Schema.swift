import Foundation
import Logging
import PostgresNIO

/// Versioned migrations, applied at start under an advisory lock so that several nodes starting
/// at once apply each step once. The first four steps have the SQLite store's names.
extension PostgresDeliveryStore {
    public static let migrations: [(name: String, sql: [String])] = [
        ("Create deliveries", [
            """
            CREATE TABLE deliveries (
                key TEXT PRIMARY KEY, message_key TEXT NOT NULL, unit TEXT NOT NULL, channel TEXT NOT NULL,
                target TEXT NOT NULL, role TEXT NOT NULL, send_at BIGINT NOT NULL, expires_at BIGINT,
                payload TEXT NOT NULL, stage_keys TEXT NOT NULL, state TEXT NOT NULL, attempts BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL, lease_until BIGINT, lease_owner TEXT, last_error TEXT, response TEXT,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, sent_at BIGINT
            ) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02)
            """,
            // Only rows a claim can take, in claim order: a claim reads index entries up to now.
            "CREATE INDEX deliveries_due ON deliveries (next_attempt_at, key) WHERE state IN ('pending', 'retrying', 'sending')",
            "CREATE INDEX deliveries_unit ON deliveries (unit)",
            """
            CREATE TABLE delivery_stages (stage_key TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (stage_key, key))
            """,
            "CREATE INDEX delivery_stages_key ON delivery_stages (key)",
        ]),
        ("Create acks", [
            """
            CREATE TABLE acks (
                directive TEXT NOT NULL, task TEXT NOT NULL, unit TEXT NOT NULL, occurrence TEXT NOT NULL,
                at BIGINT NOT NULL, how TEXT NOT NULL, note TEXT, PRIMARY KEY (directive, task, unit, occurrence))
            """,
        ]),
        ("Create meta", ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]),
        ("Index deliveries by message", ["CREATE INDEX deliveries_message ON deliveries (message_key)"]),
        // Finished deliveries (sent, expired, dead) leave the hot table for this one.
        ("Create delivery history", [
            "CREATE TABLE delivery_history (LIKE deliveries INCLUDING DEFAULTS, PRIMARY KEY (key))",
            "CREATE INDEX delivery_history_updated ON delivery_history (updated_at)",
            "CREATE INDEX delivery_history_unit ON delivery_history (unit)",
            "CREATE INDEX delivery_history_state ON delivery_history (state)",
        ]),
    ]

    /// A constant of this program's: the advisory lock that serialises migrations across nodes.
    static let migrationLock: Int64 = 0x6E68_6163_6861_6E01

    static func migrate(_ client: PostgresClient, location: PostgresLocation, logger: Logger) async throws {
        do {
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(\(migrationLock))", logger: logger)
                do {
                    try await connection.query(
                        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)", logger: logger)
                    var applied = Set<String>()
                    for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                        applied.insert(name)
                    }
                    for step in migrations where !applied.contains(step.name) {
                        try await connection.withTransaction(logger: logger) { connection in
                            for statement in step.sql {
                                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                            }
                            let now = Int64(Date().timeIntervalSince1970)
                            try await connection.query("INSERT INTO schema_migrations (name, applied_at) VALUES (\(step.name), \(now))", logger: logger)
                        }
                    }
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger)
            }
        } catch {
            throw StoreError(code: .cannotOpen, message: "cannot open the state database at \(location.description): \(reason(error))")
        }
    }

    /// The names of the applied steps, in order.
    public func appliedMigrations() async throws -> [String] {
        try await run("read the migrations") {
            var names: [String] = []
            for try await name in try await client.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                names.append(name)
            }
            // In the order of the steps: several can be applied within one second.
            let order = Dictionary(uniqueKeysWithValues: Self.migrations.enumerated().map { ($0.element.name, $0.offset) })
            return names.sorted { order[$0, default: .max] < order[$1, default: .max] }
        }
    }
}
