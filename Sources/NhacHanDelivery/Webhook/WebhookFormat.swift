/// The body a webhook receiver expects: `nhachan`, `slack`, `googlechat`, `teams`, `telegram`.
///
/// A struct around an internal enum, so that formats can be added without breaking callers
/// that switch over them.
public struct WebhookFormat: Hashable, Sendable, CustomStringConvertible {
    enum Base: String, CaseIterable {
        case nhachan, slack, googlechat, teams, telegram
    }

    let base: Base

    /// The versioned nhachan JSON body (docs/webhook.md).
    public static let nhachan = Self(base: .nhachan)
    /// `{"text": ...}`; also Mattermost and Rocket.Chat incoming webhooks.
    public static let slack = Self(base: .slack)
    /// `{"text": ...}` for a Google Chat space webhook.
    public static let googlechat = Self(base: .googlechat)
    /// An Adaptive Card message for a Teams workflow ("When a Teams webhook request is received").
    public static let teams = Self(base: .teams)
    /// Bot API `sendMessage`: the URL carries the bot token, `chat_id` comes from settings.
    public static let telegram = Self(base: .telegram)

    /// The format named in configuration, or `nil` for an unknown name.
    public init?(name: String) {
        guard let base = Base(rawValue: name.lowercased()) else { return nil }
        self.base = base
    }

    init(base: Base) { self.base = base }

    public static let allNames = Base.allCases.map(\.rawValue)

    public var name: String { base.rawValue }
    public var description: String { base.rawValue }
}
