import Foundation
import NIOSSL
import PostgresNIO

/// `postgres://USER@HOST[:PORT]/DB[?sslmode=…]`, with the password and CA given beside it.
///
/// TLS is verified whenever it is used: `sslmode=disable` is allowed only for a loopback host,
/// and `require`, `verify-ca` and `verify-full` all verify the server's certificate and name
/// (libpq's `require` does not; nhachan never connects without verifying).
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var database: String
    public var usesTLS: Bool

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(url: String) throws(Invalid) {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty
        else {
            throw Invalid(description: "state phải là postgres://USER@HOST[:PORT]/DB; gặp '\(Self.redacted(url))'")
        }
        guard parts.password == nil else {
            throw Invalid(description: "đừng ghi mật khẩu trong state: dùng state_password_env hoặc state_password_file")
        }
        self.host = host
        port = parts.port ?? 5432
        username = parts.user ?? "nhachan"
        database = parts.path.hasPrefix("/") && parts.path.count > 1 ? String(parts.path.dropFirst()) : username
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? (Self.isLoopback(host) ? "disable" : "verify-full")
        switch mode {
        case "disable":
            guard Self.isLoopback(host) else {
                throw Invalid(description: "sslmode=disable chỉ dùng cho PostgreSQL trên loopback; \(host) cần sslmode=verify-full")
            }
            usesTLS = false
        case "require", "verify-ca", "verify-full":
            usesTLS = true
        default:
            throw Invalid(description: "sslmode phải là disable (chỉ loopback), require, verify-ca hoặc verify-full; gặp '\(mode)'")
        }
    }

    /// The client configuration: the password, TLS with the system's trust roots and `caFile`.
    func clientConfiguration(password: String?, caFile: String?) throws -> PostgresClient.Configuration {
        var tls = PostgresClient.Configuration.TLS.disable
        if let configuration = try tlsConfiguration(caFile: caFile) { tls = .require(configuration) }
        var client = PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
        client.options.connectTimeout = .seconds(10)
        client.options.maximumConnections = 8
        return client
    }

    /// The configuration of one connection outside the pool: the listener of `NOTIFY`.
    func connectionConfiguration(password: String?, caFile: String?) throws -> PostgresConnection.Configuration {
        var tls = PostgresConnection.Configuration.TLS.disable
        if let configuration = try tlsConfiguration(caFile: caFile) { tls = .require(try NIOSSLContext(configuration: configuration)) }
        var connection = PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
        connection.options.connectTimeout = .seconds(10)
        return connection
    }

    /// Verified TLS with the system's trust roots and `caFile`, or `nil` when TLS is off.
    private func tlsConfiguration(caFile: String?) throws -> TLSConfiguration? {
        guard usesTLS else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let caFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        }
        return configuration
    }

    /// `host:port/database`, for messages.
    public var description: String { "\(host):\(port)/\(database)" }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "postgres://…" }
        if parts.password != nil { parts.password = "…" }
        return parts.string ?? "postgres://…"
    }
}
