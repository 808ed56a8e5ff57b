import Foundation
import NhacHanCore

/// Request bodies for each webhook format, built from a reminder and its rendered texts.
public enum WebhookBody {
    /// The body for `endpoint.format`, as UTF-8 JSON.
    public static func make(
        for endpoint: WebhookEndpoint,
        content: ReminderContent,
        rendered: RenderedReminder,
        idempotencyKey: String
    ) -> [UInt8] {
        switch endpoint.format {
        case .nhachan:
            // The most common body, written directly: JSONEncoder cost more than the sending.
            // Its `Encodable` form stays as the reference the direct one is tested against.
            return NhacHanPayload(id: idempotencyKey, content: content, rendered: rendered).json()
        case .slack:
            return encode(["text": slackEscaped(rendered.chat)])
        case .googlechat:
            return encode(["text": rendered.chat])
        case .teams:
            return encode(TeamsPayload(title: rendered.subject, text: rendered.chat))
        case .telegram:
            return encode(TelegramPayload(
                chatID: endpoint.telegramChatID ?? "",
                text: endpoint.telegramParseMode?.uppercased() == "HTML" ? htmlEscaped(rendered.chat) : rendered.chat,
                parseMode: endpoint.telegramParseMode))
        }
    }

    static func encode(_ value: any Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            preconditionFailure("webhook bodies are plain strings and numbers: \(error)")
        }
    }

    /// Slack (and Mattermost, Rocket.Chat) read `&`, `<` and `>` as markup.
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `&`, `<`, `>` and `"` as HTML entities: for Telegram's HTML mode and plain HTML bodies.
    public static func htmlEscaped(_ text: String) -> String {
        slackEscaped(text).replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Microsoft Teams: an Adaptive Card message, the payload Teams workflows (and the retired
/// Office 365 connectors' successors) accept.
struct TeamsPayload: Encodable {
    var title: String
    var text: String

    func encode(to encoder: any Encoder) throws {
        struct Block: Encodable {
            var type = "TextBlock"
            var text: String
            var wrap = true
            var weight: String?
            var size: String?
        }
        struct Card: Encodable {
            var type = "AdaptiveCard"
            var version = "1.4"
            var body: [Block]
            enum CodingKeys: String, CodingKey {
                case schema = "$schema", type, version, body
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode("http://adaptivecards.io/schemas/adaptive-card.json", forKey: .schema)
                try container.encode(type, forKey: .type)
                try container.encode(version, forKey: .version)
                try container.encode(body, forKey: .body)
            }
        }
        struct Attachment: Encodable {
            var contentType = "application/vnd.microsoft.card.adaptive"
            var content: Card
        }
        struct Message: Encodable {
            var type = "message"
            var attachments: [Attachment]
        }
        let card = Card(body: [
            Block(text: title, weight: "Bolder", size: "Medium"),
            Block(text: text.replacingOccurrences(of: "\n", with: "\n\n")),
        ])
        try Message(attachments: [Attachment(content: card)]).encode(to: encoder)
    }
}

/// Telegram Bot API `sendMessage`.
struct TelegramPayload: Encodable {
    var chatID: String
    var text: String
    var parseMode: String?

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id", text, parseMode = "parse_mode"
    }
}
