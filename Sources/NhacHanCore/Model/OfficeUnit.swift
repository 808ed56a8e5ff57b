/// An office that receives reminders: a phòng, ban, sở, UBND xã, Mặt trận or đoàn thể.
public struct OfficeUnit: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Names as directives write them ("Phòng GD&ĐT"), used when importing.
    public var aliases: [String]
    public var email: EmailRecipients
    public var webhooks: [Webhook]
    /// Copied from the `escalate_after`-th overdue reminder on.
    public var escalateTo: [String]

    public init(
        id: String, name: String, aliases: [String] = [], email: EmailRecipients = .init(),
        webhooks: [Webhook] = [], escalateTo: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.email = email
        self.webhooks = webhooks
        self.escalateTo = escalateTo
    }

    /// The channels a reminder to this unit goes out on, as shown by `plan`.
    public var channels: [String] {
        (email.to.isEmpty ? [] : ["email"]) + webhooks.map { "webhook:\($0.format.rawValue)" }
    }
}

/// Email recipients of a unit.
public struct EmailRecipients: Hashable, Sendable {
    public var to: [String]
    public var cc: [String]

    public init(to: [String] = [], cc: [String] = []) {
        self.to = to
        self.cc = cc
    }
}

/// A webhook endpoint of a unit.
public struct Webhook: Hashable, Sendable {
    public var url: String
    public var format: WebhookFormat
    /// Where the signing secret comes from; never the secret itself.
    public var secret: SecretReference?
    /// Plain HTTP to a host other than loopback, allowed explicitly.
    public var allowHTTP: Bool
    /// Telegram's `chat_id`, for the `telegram` format.
    public var chatID: String?

    public init(url: String, format: WebhookFormat = .nhachan, secret: SecretReference? = nil, allowHTTP: Bool = false, chatID: String? = nil) {
        self.url = url
        self.format = format
        self.secret = secret
        self.allowHTTP = allowHTTP
        self.chatID = chatID
    }
}

/// The body a webhook receiver expects (DESIGN.md §3): the one webhook format type of the
/// product, read by the config loader and written by the webhook transport.
public enum WebhookFormat: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The versioned nhachan JSON body (docs/webhook.md).
    case nhachan
    /// `{"text": ...}`; also Mattermost and Rocket.Chat incoming webhooks.
    case slack
    /// `{"text": ...}` for a Google Chat space webhook.
    case googlechat
    /// An Adaptive Card message for a Teams workflow.
    case teams
    /// Bot API `sendMessage`: the URL carries the bot token, `chat_id` comes from settings.
    case telegram

    public var description: String { rawValue }
}

/// A secret given by reference: the name of an environment variable or a file path.
public enum SecretReference: Hashable, Sendable {
    case environment(String)
    case file(String)
}

/// Named units bound together ("UBND các xã, thị trấn"); members may be groups.
public struct UnitGroup: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var members: [String]

    public init(id: String, name: String, aliases: [String] = [], members: [String]) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.members = members
    }
}
