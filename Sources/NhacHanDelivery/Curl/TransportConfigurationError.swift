/// A transport setting that cannot work; reported when the transport is created, before
/// anything is sent.
public enum TransportConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The URL has no host, or a scheme this transport does not speak.
    case unsupportedURL(String)
    /// Plain text to a non-loopback host: STARTTLS `off` for SMTP, `http://` for webhooks
    /// without `allow_http`.
    case plaintextNotAllowed(String)
    /// `ca_file` is missing, unreadable or holds no PEM certificate.
    case unreadableCAFile(String)
    /// A setting's value is out of range.
    case invalid(String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url): "unsupported URL '\(url)'"
        case .plaintextNotAllowed(let what): "plain text is not allowed: \(what)"
        case .unreadableCAFile(let path): "ca_file '\(path)' cannot be read as PEM certificates"
        case .invalid(let what): what
        }
    }
}
