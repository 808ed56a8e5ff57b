import GRDB

/// The schema, as named migration steps that run once each, in order, each in its own transaction.
///
/// - warning: Never edit a step once it has shipped; add a new one. A PostgreSQL store uses the same
///   names in the same order, so that `appliedMigrations()` means the same on both.
extension SQLiteDeliveryStore {
    static let migrationNames = ["Create deliveries", "Create acks", "Create meta", "Index deliveries by message"]

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("Create deliveries") { db in
            try db.execute(sql: createDeliveries)
        }
        migrator.registerMigration("Create acks") { db in
            try db.execute(sql: createAcks)
        }
        migrator.registerMigration("Create meta") { db in
            try db.execute(sql: createMeta)
        }
        migrator.registerMigration("Index deliveries by message") { db in
            try db.execute(sql: "CREATE INDEX deliveries_message ON deliveries(message_key)")
        }
        return migrator
    }()

    /// Migrates, and tries once more if another process was migrating the same new file: the
    /// migrator reads the applied steps before it takes the write lock, so the loser of that race
    /// fails on "table already exists" and then finds every step applied.
    static func migrate(_ writer: any DatabaseWriter) throws {
        do {
            try migrator.migrate(writer)
        } catch {
            try migrator.migrate(writer)
        }
    }

    /// `stage_keys` keeps each record's list (JSON, in order); `delivery_stages` indexes the same
    /// keys so that `recordedStageKeys()` reads one small index instead of every payload.
    /// `deliveries_due` holds only the rows a claim can take, in claim order, so a claim reads
    /// index entries up to `now` and stops.
    private static let createDeliveries = """
        CREATE TABLE deliveries (
            key TEXT NOT NULL PRIMARY KEY,
            message_key TEXT NOT NULL,
            unit TEXT NOT NULL,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            role TEXT NOT NULL,
            send_at INTEGER NOT NULL,
            expires_at INTEGER,
            payload TEXT NOT NULL,
            stage_keys TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            lease_until INTEGER,
            lease_owner TEXT,
            last_error TEXT,
            response TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            sent_at INTEGER
        );
        CREATE INDEX deliveries_state_next_attempt ON deliveries(state, next_attempt_at);
        CREATE INDEX deliveries_unit ON deliveries(unit);
        CREATE INDEX deliveries_due ON deliveries(next_attempt_at, key)
            WHERE state IN ('pending', 'retrying', 'sending');
        CREATE TABLE delivery_stages (
            stage_key TEXT NOT NULL,
            key TEXT NOT NULL REFERENCES deliveries(key) ON DELETE CASCADE,
            PRIMARY KEY (stage_key, key)
        ) WITHOUT ROWID;
        CREATE INDEX delivery_stages_key ON delivery_stages(key);
        """

    private static let createAcks = """
        CREATE TABLE acks (
            directive TEXT NOT NULL,
            task TEXT NOT NULL,
            unit TEXT NOT NULL,
            occurrence TEXT NOT NULL,
            at INTEGER NOT NULL,
            how TEXT NOT NULL,
            note TEXT,
            PRIMARY KEY (directive, task, unit, occurrence)
        );
        """

    private static let createMeta = """
        CREATE TABLE meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
}
