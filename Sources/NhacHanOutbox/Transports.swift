import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery

/// The transports a configuration calls for, made once and reused (their connections too).
final class Transports: Sendable {
    let smtp: SMTPTransport?
    /// Why there is no SMTP transport, when there is none.
    let smtpProblem: String?
    let webhooks: WebhookTransport
    let from: Mailbox?
    let templates: ReminderTemplates

    init(config: Config) throws {
        var problem: String?
        var transport: SMTPTransport?
        var from: Mailbox?
        if let s = config.smtp {
            do {
                let mailbox = try Mailbox(parsing: s.from)
                let password = try s.password.map { try Secrets.resolve($0) }
                let settings = NhacHanDelivery.SMTPSettings(
                    url: s.url, from: mailbox, startTLS: NhacHanDelivery.SMTPSettings.StartTLS(rawValue: s.startTLS.rawValue) ?? .required,
                    username: s.username, password: password, caFile: s.caFile,
                    connectTimeout: .seconds(s.connectTimeout), timeout: .seconds(s.timeout))
                transport = try SMTPTransport(settings: settings)
                from = mailbox
            } catch {
                problem = "smtp: \(error)"
            }
        } else {
            problem = "chưa cấu hình smtp: (no smtp settings)"
        }
        smtp = transport
        smtpProblem = problem
        self.from = from
        let hooks = config.webhooks
        webhooks = try WebhookTransport(settings: .init(
            connectTimeout: .seconds(hooks.connectTimeout), timeout: .seconds(hooks.timeout),
            maxConnectionsPerHost: hooks.maxConnectionsPerHost, caFile: hooks.caFile))
        templates = try config.templatesDirectory.map { try ReminderTemplates(directory: URL(fileURLWithPath: $0)) } ?? .defaults
    }

    /// The endpoint of a unit's webhook, secret resolved now.
    static func endpoint(_ hook: Webhook) throws -> WebhookEndpoint {
        let secret = try hook.secret.map { try Secrets.resolve($0) }
        return WebhookEndpoint(
            url: hook.url, format: NhacHanDelivery.WebhookFormat(name: hook.format.rawValue) ?? .nhachan, secret: secret,
            allowHTTP: hook.allowHTTP, telegramChatID: hook.chatID)
    }
}
