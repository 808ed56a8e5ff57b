import Foundation
import Glibc

/// A webhook receiver on loopback (Tests/Support/http_server.py) that checks Standard
/// Webhooks signatures with Python's hmac and records every request.
public final class HTTPTestServer: Sendable {
    /// One JSON line of the receiver's log.
    public struct Record: Decodable, Sendable {
        public var path: String
        public var peer_port: Int
        public var headers: [String: String]
        public var body: String
        public var signature_valid: Bool
        public var reply: String
    }

    public let port: Int
    public let isTLS: Bool
    private let process: LoopbackProcess
    private let logURL: URL

    /// - parameter replies: successive answers, the last repeating: "200", "500",
    ///   "429/120" (with `Retry-After: 120`), "400", "404", "hang".
    public init(replies: [String] = ["200"], secret: String? = nil, tls: Bool = false, port requestedPort: Int = 0) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logURL = directory.appendingPathComponent("received.jsonl")
        var arguments = ["--out", logURL.path, "--replies", replies.joined(separator: ","), "--port", "\(requestedPort)"]
        if let secret { arguments += ["--secret", secret] }
        if tls {
            let pki = try TestPKI.shared()
            arguments += ["--cert", pki.serverCert, "--key", pki.serverKey]
        }
        process = try LoopbackProcess(script: "http_server.py", arguments: arguments, logDirectory: directory)
        port = process.port
        isTLS = tls
    }

    /// `http(s)://127.0.0.1:<port><path>`.
    public func url(_ path: String = "/hook") -> String {
        "\(isTLS ? "https" : "http")://127.0.0.1:\(port)\(path)"
    }

    public func records() throws -> [Record] {
        try JSONLines.read(logURL)
    }

    public func stop() { process.stop() }
}

/// A loopback port with nothing listening: for connection-refused tests.
public func closedLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
