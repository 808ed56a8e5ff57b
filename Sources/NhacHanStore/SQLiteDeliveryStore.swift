import GRDB

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

    /// Opens (creating it if needed) the database at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        let writer: any DatabaseWriter
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError.cannotOpen(path, Self.reason(error))
        }
        try self.init(writer: writer, path: path)
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
        return try SQLiteDeliveryStore(writer: writer, path: path)
    }

    private init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        do {
            try Self.migrate(writer)
        } catch {
            throw StoreError.cannotOpen(path, Self.reason(error))
        }
    }

    /// The names of the schema migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read("read the schema version") { db in try Self.migrator.appliedMigrations(db) }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "nhachan.state"
        return configuration
    }
}

// MARK: - Error mapping

extension SQLiteDeliveryStore {
    /// Runs `body` in an immediate write transaction, turning any failure into a ``StoreError``.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw mapped(error, operation)
        }
    }

    /// Runs `body` on a snapshot: readers never wait for the writer in WAL mode.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
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
