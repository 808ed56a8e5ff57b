import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The embedded outbox: one SQLite file in WAL mode, shared safely by several processes.
///
/// Every write runs in an `IMMEDIATE` transaction, so two processes on the same file queue up
/// behind SQLite's write lock (waiting up to ``busyTimeoutSeconds``) instead of failing, and a
/// claim can never hand the same key to both. Every error thrown is a ``StoreError``.
public final class SQLiteDeliveryStore: DeliveryStore, Sendable {
    /// How long a write waits for another connection's lock before giving up.
    public static let busyTimeoutSeconds: Double = 10

    /// The file, or `:memory:`; named in every error message.
    public let path: String
    let writer: any DatabaseWriter
    /// The file's device and inode when it was opened: a different one later means it was replaced.
    let identity: StateFile.Identity?

    /// Opens the nhachan state at `path`, or creates it (mode 0600, its folder 0700) when no
    /// file is there, and brings its schema up to date.
    ///
    /// A file that exists but is empty, is not SQLite, or is another program's database is
    /// refused with ``StoreError/Code/notAState``: a state file is precious and is never
    /// silently re-created.
    public convenience init(path: String) throws {
        let identity = try StateFile.openOrCreate(path) { temporary in
            // A whole, migrated state before it takes its name.
            do {
                let queue = try DatabaseQueue(path: temporary, configuration: Self.configuration())
                try Self.migrate(queue)
                try queue.close()
            } catch {
                throw StoreError.cannotOpen(path, Self.reason(error))
            }
        }
        if !identity.created { try Self.requireNhachanTables(path) }
        let writer: any DatabaseWriter
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError.cannotOpen(path, Self.reason(error))
        }
        try self.init(writer: writer, path: path, identity: identity)
    }

    /// A private database in memory, gone when the store is; for tests and dry runs.
    public static func inMemory() throws -> SQLiteDeliveryStore {
        let path = ":memory:"
        let writer: any DatabaseWriter
        do {
            writer = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path, reason(error))
        }
        return try SQLiteDeliveryStore(writer: writer, path: path, identity: nil)
    }

    private init(writer: any DatabaseWriter, path: String, identity: StateFile.Identity?) throws {
        self.writer = writer
        self.path = path
        self.identity = identity
        do {
            try Self.migrate(writer)
        } catch {
            throw StoreError.cannotOpen(path, Self.reason(error))
        }
    }

    /// Reads the tables of an existing file read-only, before anything (WAL mode, migrations)
    /// can change another program's database.
    private static func requireNhachanTables(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be switching the new file to WAL at this instant: wait for it.
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        let tables: Set<String>
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            tables = try queue.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            try queue.close()
        } catch {
            throw StoreError.notAState(path, "không đọc được như một cơ sở dữ liệu SQLite (not an SQLite database): \(reason(error))")
        }
        guard tables.contains("deliveries"), tables.contains("grdb_migrations") else {
            throw StoreError.notAState(path, "không phải tệp trạng thái của nhachan (another program's SQLite database: tables \(tables.sorted().prefix(5).joined(separator: ", "))); nhachan không ghi đè lên nó")
        }
    }

    public func verifyIntact() async throws {
        guard let identity else { return }
        try StateFile.verify(path, identity: identity)
        // A read that costs nothing whatever the size of the outbox: the daemon asks twice a second.
        // A local file that cannot answer it (emptied, corrupted) is no longer a state.
        do {
            _ = try await read("read the schema version") { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
        } catch let error as StoreError {
            throw StoreError(code: .notAState, message: error.message)
        }
    }

    /// The names of the schema migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read("read the schema version") { db in try Self.migrator.appliedMigrations(db) }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "nhachan.state"
        // WAL with synchronous=NORMAL: a commit survives a crash of the process; only a power
        // loss can roll back the last commits, and then a delivery recorded as sent may be sent
        // again with the same key. A commit per batch at FULL cost more than the sending.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }
}

// MARK: - Error mapping

extension SQLiteDeliveryStore {
    /// Runs `body` in an immediate write transaction on GRDB's own queue, turning any failure
    /// into a ``StoreError``. The caller suspends: SQLite never blocks a thread of Swift's small
    /// cooperative pool, which the daemon's other tasks (and a test run's) share.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw mapped(error, operation)
        }
    }

    /// Runs `body` on a snapshot: readers never wait for the writer in WAL mode.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw mapped(error, operation)
        }
    }

    private func mapped(_ error: any Error, _ operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as UnreadableRow:
            return .unreadableRow("the state database at \(path) \(error.message)")
        default:
            return .operationFailed(operation, path, Self.reason(error))
        }
    }

    /// SQLite's own explanation, without the statement or its arguments.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        let message = error.message ?? "unknown error"
        return "\(message) (SQLite error \(error.resultCode.rawValue))"
    }
}

/// A row this version cannot decode; becomes ``StoreError/Code/unreadableRow``.
struct UnreadableRow: Error {
    var message: String
}
