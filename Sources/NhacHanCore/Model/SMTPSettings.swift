/// How to reach the mail server: the `smtp:` block of the configuration (DESIGN.md §3).
///
/// The one SMTP settings type of the product: the config loader makes it, the transport takes
/// it. The password is a reference, resolved only by the transport of a command that sends.
public struct SMTPSettings: Hashable, Sendable {
    /// STARTTLS policy for `smtp://` URLs (ignored by `smtps://`, which is TLS from the start).
    public enum StartTLS: String, Hashable, Sendable, CaseIterable {
        /// Upgrade or fail: the default.
        case required
        /// Upgrade when offered; refused with credentials to a host other than loopback.
        case optional
        /// Never upgrade: loopback hosts only.
        case off
    }

    /// `smtp://host:587` (STARTTLS) or `smtps://host:465` (implicit TLS).
    public var url: String
    /// `Name <address>` or a bare address.
    public var from: String
    public var startTLS: StartTLS
    public var username: String?
    public var password: SecretReference?
    /// A PEM file of CAs to trust in addition to the system bundle.
    public var caFile: String?
    /// Seconds.
    public var connectTimeout: Int
    /// Seconds per message, from connecting to the server's final reply.
    public var timeout: Int

    public init(
        url: String, from: String, startTLS: StartTLS = .required, username: String? = nil, password: SecretReference? = nil,
        caFile: String? = nil, connectTimeout: Int = 10, timeout: Int = 60
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
}
