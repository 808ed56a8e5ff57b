import Foundation

/// An aiosmtpd receiver on loopback (Tests/Support/smtp_server.py), recording what it got.
public final class SMTPTestServer: Sendable {
    /// How the receiver behaves.
    public struct Options: Sendable {
        public enum TLS: Sendable {
            /// STARTTLS offered and required before MAIL (certificate from `TestPKI`).
            case startTLS
            /// smtps: TLS from the first byte.
            case implicit
            /// No TLS at all: STARTTLS is not offered.
            case none
        }

        public var tls: TLS = .startTLS
        /// Serve the certificate signed by the rogue CA instead of the trusted one.
        public var rogueCertificate = false
        /// `(user, password)` required before MAIL.
        public var auth: (user: String, password: String)? = ("nhachan", "mật-khẩu-thử")
        public var failMail: Int?
        public var failData: Int?
        /// Seconds to wait before answering the end of DATA: a slow server.
        public var slowData: Double?
        public var rejectRecipients: [String] = []
        public var deferRecipients: [String] = []
        /// The port to bind; 0 for a free one.
        public var port = 0

        public init() {}
    }

    /// One JSON line of the receiver's log.
    public struct Record: Decodable, Sendable {
        public var event: String
        public var stage: String?
        public var code: Int?
        public var address: String?
        public var peer_port: Int?
        public var tls: Bool?
        public var auth_user: String?
        public var mail_from: String?
        public var rcpt_tos: [String]?
        public var data: String?
        public var ok: Bool?
        // Decoded by Python's email package (independent of the Swift encoder).
        public var subject: String?
        public var from: String?
        public var to: String?
        public var cc: String?
        public var message_id: String?
        public var date: String?
        public var auto_submitted: String?
        public var mime_version: String?
        public var content_type: String?
        public var header_names: [String]?
        public var text: String?
        public var html: String?
        public var defects: [String]?
        public var max_line_octets: Int?
    }

    public let port: Int
    private let process: LoopbackProcess
    private let logURL: URL

    public init(_ options: Options = Options()) throws {
        try Preflight.requireAiosmtpd()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logURL = directory.appendingPathComponent("received.jsonl")
        var arguments = ["--out", logURL.path]
        if options.tls != .none {
            let pki = try TestPKI.shared()
            arguments += ["--cert", options.rogueCertificate ? pki.rogueServerCert : pki.serverCert,
                          "--key", options.rogueCertificate ? pki.rogueServerKey : pki.serverKey]
        }
        if options.tls == .implicit { arguments.append("--implicit-tls") }
        if options.tls == .none { arguments.append("--no-starttls") }
        if let auth = options.auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
        if let code = options.failMail { arguments += ["--fail-mail", "\(code)"] }
        if let code = options.failData { arguments += ["--fail-data", "\(code)"] }
        if let seconds = options.slowData { arguments += ["--slow-data", "\(seconds)"] }
        for address in options.rejectRecipients { arguments += ["--reject-rcpt", address] }
        for address in options.deferRecipients { arguments += ["--defer-rcpt", address] }
        arguments += ["--port", "\(options.port)"]
        process = try LoopbackProcess(script: "smtp_server.py", arguments: arguments, logDirectory: directory)
        port = process.port
    }

    /// Everything recorded so far, in order.
    public func records() throws -> [Record] {
        try JSONLines.read(logURL)
    }

    /// Accepted messages only.
    public func messages() throws -> [Record] {
        try records().filter { $0.event == "message" }
    }

    public func stop() { process.stop() }
}

enum JSONLines {
    /// The complete lines only: the server appends while tests poll, and a line read before its
    /// newline is still being written (decoding it failed a campaign test once in CI).
    static func read<T: Decodable>(_ url: URL) throws -> [T] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        return try lines.filter { !$0.isEmpty }.map { try decoder.decode(T.self, from: Data($0)) }
    }
}
