import NhacHanCore
/// How to reach the SMTP server: the `smtp:` block of the configuration, secrets resolved.
///
/// `description` never shows the password.
public struct SMTPSettings: Hashable, Sendable, CustomStringConvertible {
    /// STARTTLS policy for `smtp://` URLs (ignored by `smtps://`, which is TLS from the start).
    public enum StartTLS: String, Hashable, Sendable, CaseIterable {
        /// Upgrade or fail (`CURLUSESSL_ALL`): the default.
        case required
        /// Upgrade when offered (`CURLUSESSL_TRY`).
        case optional
        /// Never upgrade: loopback hosts only.
        case off
    }

    /// `smtp://host:587` (STARTTLS) or `smtps://host:465` (implicit TLS).
    public var url: String
    public var from: Mailbox
    public var startTLS: StartTLS
    public var username: String?
    /// Already resolved from `password_env` / `password_file`; never logged.
    public var password: String?
    /// A PEM file of CAs to trust in addition to the system bundle.
    public var caFile: String?
    public var connectTimeout: Duration
    /// Per message, from connecting to the server's final reply.
    public var timeout: Duration

    public init(
        url: String,
        from: Mailbox,
        startTLS: StartTLS = .required,
        username: String? = nil,
        password: String? = nil,
        caFile: String? = nil,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.from = from
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// Checks what can be checked without a network: the scheme, STARTTLS `off` only on
    /// loopback, positive timeouts. `SMTPTransport.init` calls it; the config loader may too.
    public func validate() throws(TransportConfigurationError) {
        guard let (scheme, host) = URLParts.schemeAndHost(url), scheme == "smtp" || scheme == "smtps" else {
            throw .unsupportedURL(url)
        }
        if scheme == "smtp", startTLS == .off, !Loopback.isLoopback(host: host) {
            throw .plaintextNotAllowed("starttls: off is only allowed for loopback hosts, not '\(host)'")
        }
        if (username == nil) != (password == nil) {
            throw .invalid("smtp username and password go together")
        }
        guard connectTimeout > .zero, timeout > .zero else {
            throw .invalid("smtp timeouts must be positive")
        }
    }

    public var description: String {
        var parts = ["url: \(url)", "from: \(from)", "starttls: \(startTLS.rawValue)"]
        if let username { parts.append("username: \(username)") }
        if password != nil { parts.append("password: <hidden>") }
        if let caFile { parts.append("ca_file: \(caFile)") }
        return "SMTPSettings(\(parts.joined(separator: ", ")))"
    }
}

extension SMTPSettings: CustomDebugStringConvertible {
    public var debugDescription: String { description }
}
