public import NhacHanCore
/// One webhook of a unit: where, in which format, and the signing secret (resolved).
///
/// `description` hides the secret and a Telegram bot token in the URL.
public struct WebhookEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var url: String
    public var format: WebhookFormat
    /// Standard Webhooks secret: `whsec_<base64>` or raw text. `nil` sends unsigned.
    public var secret: String?
    /// Allows `http://` to a non-loopback host. Off by default: HTTPS only.
    public var allowHTTP: Bool
    /// Telegram only: the chat to post in.
    public var telegramChatID: String?
    /// Telegram only: `HTML` (the chat text is then HTML-escaped) or `nil` for plain text.
    public var telegramParseMode: String?

    public init(
        url: String,
        format: WebhookFormat = .nhachan,
        secret: String? = nil,
        allowHTTP: Bool = false,
        telegramChatID: String? = nil,
        telegramParseMode: String? = nil
    ) {
        self.url = url
        self.format = format
        self.secret = secret
        self.allowHTTP = allowHTTP
        self.telegramChatID = telegramChatID
        self.telegramParseMode = telegramParseMode
    }

    /// HTTPS, or HTTP to a loopback host or with `allow_http`; Telegram needs a chat id;
    /// nothing that reaches a header may hold CR or LF.
    public func validate() throws(TransportConfigurationError) {
        guard let (scheme, host) = URLParts.schemeAndHost(url), scheme == "https" || scheme == "http" else {
            throw .unsupportedURL(redactedURL)
        }
        if scheme == "http", !allowHTTP, !Loopback.isLoopback(host: host) {
            throw .plaintextNotAllowed("webhook \(redactedURL) uses http:// (set allow_http: true to permit it)")
        }
        if format == .telegram, (telegramChatID ?? "").isEmpty {
            throw .invalid("telegram webhook \(redactedURL) needs a chat_id")
        }
        for value in [url, secret ?? "", telegramChatID ?? ""] where value.contains(where: \.isNewline) {
            throw .invalid("webhook \(redactedURL) settings contain a line break")
        }
    }

    /// The URL with its secrets masked (``SecretURL/redacted(_:)``).
    public var redactedURL: String { SecretURL.redacted(url) }

    public var description: String {
        "WebhookEndpoint(\(redactedURL), format: \(format)\(secret == nil ? "" : ", secret: <hidden>"))"
    }
}
