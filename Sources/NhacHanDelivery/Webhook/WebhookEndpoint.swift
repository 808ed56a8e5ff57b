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
        guard let (scheme, host) = Loopback.schemeAndHost(url), scheme == "https" || scheme == "http" else {
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

    /// The URL with user info, query and any `/bot<token>` path segment masked.
    public var redactedURL: String {
        var text = url
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) + "?…" }
        if let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].firstIndex(of: "@"),
            !text[schemeEnd.upperBound..<at].contains("/")
        {
            text.replaceSubrange(schemeEnd.upperBound...at, with: "…@")
        }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("bot") && segment.contains(":") ? "bot…" : String(segment)
        }
        return segments.joined(separator: "/")
    }

    public var description: String {
        "WebhookEndpoint(\(redactedURL), format: \(format)\(secret == nil ? "" : ", secret: <hidden>"))"
    }
}
