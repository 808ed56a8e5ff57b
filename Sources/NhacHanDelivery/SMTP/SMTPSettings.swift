public import NhacHanCore

/// The transport's checks of the one ``SMTPSettings`` type (defined in the core).
extension SMTPSettings {
    /// Checks what can be checked without a network: the scheme, STARTTLS `off` only on
    /// loopback, credentials that go together, positive timeouts. `SMTPTransport.init` calls it.
    public func validate() throws(TransportConfigurationError) {
        guard let (scheme, host) = URLParts.schemeAndHost(url), scheme == "smtp" || scheme == "smtps" else {
            throw .unsupportedURL(SecretURL.redacted(url))
        }
        if scheme == "smtp", startTLS == .off, !Loopback.isLoopback(host: host) {
            throw .plaintextNotAllowed("starttls: off is only allowed for loopback hosts, not '\(host)'")
        }
        if (username == nil) != (password == nil) {
            throw .invalid("smtp username and password go together")
        }
        guard connectTimeout > 0, timeout > 0 else {
            throw .invalid("smtp timeouts must be positive")
        }
    }
}
