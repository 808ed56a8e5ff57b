public import Foundation
import NhacHanSpawn
import Synchronization

/// A PostgreSQL server of Debian's packages, started by the tests in a temporary folder on a
/// loopback port: `initdb`, then `pg_ctl start`; one per test process, stopped at its exit.
///
/// As root (CI) the server runs as the `postgres` user that the Debian package creates, since
/// PostgreSQL refuses to run as root. Missing packages are a failure that says what to install.
public final class PostgresTestServer: Sendable {
    public let port: Int
    public let dataDirectory: String
    let binDirectory: String
    let asUser: String?

    private static let shared = Mutex<Task<PostgresTestServer, any Error>?>(nil)

    /// The process's server, started on first use; concurrent callers await the same start.
    ///
    /// `initdb` and `pg_ctl` run on a thread of their own: run on Swift's cooperative pool
    /// (two threads on a 2-core machine) they stalled every other test of the process for a
    /// minute, and timing bounds elsewhere failed.
    public static func start() async throws -> PostgresTestServer {
        let task = shared.withLock { cached in
            if let cached { return cached }
            let task = Task { try await offPool { try PostgresTestServer() } }
            cached = task
            return task
        }
        return try await task.value
    }

    /// A server of the caller's own, for a test that stops or restarts it while others run.
    public static func startPrivate() async throws -> PostgresTestServer {
        try await offPool { try PostgresTestServer() }
    }

    private init() throws(TestEnvironmentError) {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last, FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb") else {
            throw TestEnvironmentError("PostgreSQL is not installed: `apt-get install -y postgresql` (the tests start their own server)")
        }
        binDirectory = "/usr/lib/postgresql/\(version)/bin"
        asUser = getuid() == 0 ? "postgres" : nil
        dataDirectory = NSTemporaryDirectory() + "nhachan-pg-\(UUID().uuidString.prefix(8))"
        port = closedLoopbackPort()
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if let asUser { _ = try Self.run("/bin/chown", [asUser, dataDirectory]) }
            let initdb = try run("initdb", ["-D", dataDirectory + "/data", "-U", "nhachan", "--auth=trust", "-E", "UTF8", "--no-sync"])
            guard initdb.status == 0 else { throw TestEnvironmentError("initdb failed: \(initdb.output)") }
            try startServer()
        } catch let error as TestEnvironmentError {
            throw error
        } catch {
            throw TestEnvironmentError("cannot start PostgreSQL: \(error)")
        }
        let stop = (user: asUser, pgctl: binDirectory + "/pg_ctl", data: dataDirectory + "/data")
        Self.running.withLock { $0.append(stop) }
        atexit { PostgresTestServer.stopAll() }
    }

    /// Servers to stop when the test process exits.
    private static let running = Mutex<[(user: String?, pgctl: String, data: String)]>([])

    static func stopAll() {
        for server in running.withLock({ $0 }) {
            _ = try? run(as: server.user, server.pgctl, ["-D", server.data, "-m", "immediate", "-w", "stop"])
        }
    }

    private func startServer() throws {
        let options = "-p \(port) -k \(dataDirectory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        let start = try run("pg_ctl", ["-D", dataDirectory + "/data", "-o", options, "-l", dataDirectory + "/server.log", "-w", "-t", "60", "start"])
        guard start.status == 0 else {
            let log = (try? String(contentsOfFile: dataDirectory + "/server.log", encoding: .utf8)) ?? ""
            throw TestEnvironmentError("pg_ctl start failed: \(start.output)\n\(log)")
        }
    }

    /// A new empty database; its URL (loopback, no TLS, no password: trust on a test socket).
    public func createDatabase() async throws -> String {
        let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let created = try await offPool { try self.run("createdb", ["-h", "127.0.0.1", "-p", "\(self.port)", "-U", "nhachan", name]) }
        guard created.status == 0 else { throw TestEnvironmentError("createdb failed: \(created.output)") }
        return "postgres://nhachan@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// Runs SQL with `psql` on `database`; its output.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") async throws -> String {
        let result = try await offPool { try self.run("psql", ["-h", "127.0.0.1", "-p", "\(self.port)", "-U", "nhachan", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]) }
        guard result.status == 0 else { throw TestEnvironmentError("psql failed: \(result.output)") }
        return result.output
    }

    /// Stops the server for good (a private one, at the end of its test).
    public func stop() async throws {
        _ = try await offPool { try self.run("pg_ctl", ["-D", self.dataDirectory + "/data", "-m", "immediate", "-w", "stop"]) }
    }

    /// Stops the server (fast shutdown) and starts it again on the same port and data.
    public func restart(downFor seconds: Double = 0) async throws {
        try await offPool { try self.restartBlocking(downFor: seconds) }
    }

    private func restartBlocking(downFor seconds: Double) throws {
        let stop = try run("pg_ctl", ["-D", dataDirectory + "/data", "-m", "fast", "-w", "stop"])
        guard stop.status == 0 else { throw TestEnvironmentError("pg_ctl stop failed: \(stop.output)") }
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
        try startServer()
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(as: asUser, binDirectory + "/" + tool, arguments)
    }

    /// Runs a program to its end; its exit status and what it printed. `ChildProcess` closes
    /// every other descriptor in the child: the server that `pg_ctl start` leaves running must
    /// hold none of the test process's (a receiver's stdin pipe held open never sees EOF).
    static func run(as user: String? = nil, _ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--", executable] } ?? [executable]
        do {
            let result = try ChildProcess.run(argv[0], Array(argv.dropFirst()) + arguments, errorToOutput: true)
            return (result.status, String(decoding: result.output, as: UTF8.self))
        } catch {
            throw TestEnvironmentError("cannot run \(argv[0]): \(error)")
        }
    }
}

/// Runs blocking work (a child process waited for, a long CPU-bound measure) on a thread of
/// its own, off the cooperative pool: on two cores the pool has two threads, and a test that
/// holds one for minutes starves every async test beside it.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
