import Foundation
public import Logging
import NhacHanCore
import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// The delivery store on PostgreSQL, for several daemons sharing one queue (DESIGN §6).
///
/// Claims take due rows with `FOR UPDATE SKIP LOCKED`, so nodes never wait for each other or
/// take the same row; every completion is fenced on the lease owner. Finished deliveries move
/// from the hot `deliveries` table to `delivery_history`, so a year of sent mail does not slow
/// the queue. The client's connection pool runs in a task the store owns.
public final class PostgresDeliveryStore: DeliveryStore {
    let client: PostgresClient
    let location: PostgresLocation
    let logger: Logger
    /// One connection of its own for `LISTEN`: a pooled one goes back to the pool.
    let listenerConfiguration: PostgresConnection.Configuration
    /// Where each owner's last claim ended, in claim order.
    let claimCursors = Mutex<[String: ClaimCursor]>([:])
    private let runner: Task<Void, Never>?
    /// The pool as a service of the caller's group, when the store does not run it itself.
    public let poolService: ConnectionPoolService?
    /// Migrations, once, before the first operation; every operation awaits it.
    private let ready: Task<Void, any Error>

    /// Connects lazily: the first operation waits for the schema and reports a connection failure.
    ///
    /// `poolInGroup`: the connection pool runs as ``poolService`` in the caller's service group
    /// (`nhachan run`), registered before the services that use the store, so that it is shut
    /// down after them; nothing is asked of the database before the group starts it. Otherwise
    /// (the commands) the store runs its pool in a task of its own.
    public init(url: String, password: String?, caFile: String?, poolInGroup: Bool = false, logger: Logger = Logger(label: "nhachan.postgres")) throws {
        do {
            location = try PostgresLocation(url: url)
        } catch {
            throw StoreError(code: .cannotOpen, message: error.description)
        }
        let configuration: PostgresClient.Configuration
        do {
            configuration = try location.clientConfiguration(password: password, caFile: caFile)
            listenerConfiguration = try location.connectionConfiguration(password: password, caFile: caFile)
        } catch {
            throw StoreError(code: .cannotOpen, message: "state_ca_file: \(error)")
        }
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        let location = location
        if poolInGroup {
            let (started, starting) = AsyncStream.makeStream(of: Void.self)
            runner = nil
            poolService = ConnectionPoolService(client: client, starting: starting)
            ready = Task {
                for await _ in started { break }
                try await Self.migrate(client, location: location, logger: logger)
            }
        } else {
            // Detached: the pool lives as long as the store, not until the first SIGTERM reaches
            // the task that opened it.
            runner = Task.detached { await client.run() }
            poolService = nil
            ready = Task {
                try await Self.migrate(client, location: location, logger: logger)
            }
        }
    }

    /// Opens the store and waits until its schema is current: a connection or migration failure
    /// is thrown here, with its reason.
    public static func open(url: String, password: String?, caFile: String?, logger: Logger = Logger(label: "nhachan.postgres")) async throws -> PostgresDeliveryStore {
        let store = try PostgresDeliveryStore(url: url, password: password, caFile: caFile, logger: logger)
        try await store.verifyIntact()
        return store
    }

    deinit {
        ready.cancel()
        runner?.cancel()
    }

    /// Runs `body` once the schema is ready, mapping PostgreSQL's errors to `StoreError`.
    func run<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            try await ready.value
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(code: .operationFailed, message: "cannot \(operation) in the state database at \(location.description): \(Self.reason(error))")
        }
    }

    func transaction<T: Sendable>(_ operation: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await run(operation) {
            try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// PostgreSQL's own words when it has them; the query and its binds are never shown.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return String(describing: error)
    }

    public func verifyIntact() async throws {
        try await run("reach the state") {
            let rows = try await client.query("SELECT count(*)::BIGINT FROM schema_migrations", logger: logger)
            for try await count in rows.decode(Int64.self) where count < Int64(Self.migrations.count) {
                throw StoreError(code: .notAState, message: "the state database at \(location.description) lost its schema")
            }
        }
    }

    // MARK: Acks and meta

    public func ack(_ ack: AckRecord) async throws {
        try await run("record an acknowledgement") {
            try await client.query("""
                INSERT INTO acks (directive, task, unit, occurrence, at, how, note)
                VALUES (\(ack.directive), \(ack.task), \(ack.unit), \(ack.occurrence), \(ack.at), \(ack.how), \(ack.note))
                ON CONFLICT (directive, task, unit, occurrence) DO NOTHING
                """, logger: logger)
        }
    }

    @discardableResult
    public func unack(directive: String, task: String?, unit: String, occurrence: String?) async throws -> Int {
        try await run("remove an acknowledgement") {
            let rows = try await client.query("""
                DELETE FROM acks WHERE directive = \(directive) AND unit = \(unit)
                  AND (\(task)::TEXT IS NULL OR task = \(task)) AND (\(occurrence)::TEXT IS NULL OR occurrence = \(occurrence))
                RETURNING 1
                """, logger: logger)
            var removed = 0
            for try await _ in rows { removed += 1 }
            return removed
        }
    }

    public func acks() async throws -> [AckRecord] {
        try await run("list acknowledgements") {
            let rows = try await client.query("""
                SELECT directive, task, unit, occurrence, at, how, note FROM acks ORDER BY directive, task, unit, occurrence
                """, logger: logger)
            var acks: [AckRecord] = []
            for try await (directive, task, unit, occurrence, at, how, note) in rows.decode((String, String, String, String, Int64, String, String?).self) {
                acks.append(AckRecord(directive: directive, task: task, unit: unit, occurrence: occurrence, at: at, how: how, note: note))
            }
            return acks
        }
    }

    public func meta(_ key: String) async throws -> String? {
        try await run("read a note") {
            let rows = try await client.query("SELECT value FROM meta WHERE key = \(key)", logger: logger)
            for try await value in rows.decode(String.self) { return value }
            return nil
        }
    }

    public func setMeta(_ key: String, _ value: String) async throws {
        try await run("write a note") {
            try await client.query("""
                INSERT INTO meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """, logger: logger)
        }
    }

    /// One statement: of several nodes claiming the same day, exactly one sees its row returned.
    public func claimMeta(_ key: String, _ value: String) async throws -> Bool {
        try await run("claim a note") {
            let rows = try await client.query("""
                INSERT INTO meta (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE meta.value <> EXCLUDED.value
                RETURNING 1
                """, logger: logger)
            var changed = false
            for try await _ in rows { changed = true }
            return changed
        }
    }
}

/// The `(next_attempt_at, key)` of the last row an owner claimed.
struct ClaimCursor: Sendable {
    var nextAttemptAt: Int64
    var key: String
}

/// The store's connection pool as a service of a `ServiceGroup`: shut down gracefully when the
/// group reaches it, after the services registered after it have stopped.
public struct ConnectionPoolService: Service {
    let client: PostgresClient
    let starting: AsyncStream<Void>.Continuation

    public func run() async throws {
        starting.yield()
        starting.finish()
        await client.run()
    }
}
