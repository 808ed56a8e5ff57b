import Foundation
import Synchronization
public import NhacHanConfig
public import NhacHanCore
public import NhacHanDelivery

/// The transports a configuration calls for, made once and reused (their connections too).
///
/// Made only by commands that send (`tick`, `run`, `send-test`, `retry`): this is where the
/// delivery secrets are resolved. A CA file that is not PEM or a template that cannot be read
/// fails here, before anything is sent, so that `run` can keep its last good configuration.
public final class Transports: DeliveryChannels {
    let smtp: SMTPTransport?
    public let emailProblem: String?
    let webhooks: WebhookTransport
    public let from: Mailbox?
    public let templates: ReminderTemplates

    public init(config: Config) throws {
        var problem: String?
        var transport: SMTPTransport?
        var from: Mailbox?
        if let s = config.smtp {
            // A missing password stops a sender before it sends anything: better than a dead
            // letter per email.
            let smtp = try SMTPTransport(settings: s)
            transport = smtp
            from = smtp.from
        } else {
            problem = "chưa cấu hình smtp: (no smtp settings)"
        }
        smtp = transport
        emailProblem = problem
        self.from = from
        let hooks = config.webhooks
        webhooks = try WebhookTransport(settings: .init(
            connectTimeout: .seconds(hooks.connectTimeout), timeout: .seconds(hooks.timeout),
            maxConnectionsPerHost: hooks.maxConnectionsPerHost, caFile: hooks.caFile))
        templates = try config.templatesDirectory.map { try ReminderTemplates(directory: URL(fileURLWithPath: $0)) } ?? .defaults
    }

    public func sendEmails(_ messages: [EmailMessage], gate: SendGate) async -> [EmailResult] {
        guard let smtp else {
            let reason = emailProblem ?? "smtp"
            return messages.map { .uniform($0, .permanent(reason: reason, response: nil)) }
        }
        return await smtp.send(messages, gate: gate)
    }

    public func sendWebhooks(_ requests: [WebhookRequest], gate: SendGate) async -> [WebhookResult] {
        await webhooks.send(requests, gate: gate)
    }

    /// Each webhook secret is read once per transports, that is once per configuration load
    /// (SIGHUP makes new ones, so a rotated secret is picked up).
    private let secrets = Mutex<[SecretReference: String]>([:])

    public func endpoint(for hook: Webhook) throws -> WebhookEndpoint {
        let secret = try hook.secret.map { reference in
            if let known = secrets.withLock({ $0[reference] }) { return known }
            let value = try Secrets.resolve(reference)
            secrets.withLock { $0[reference] = value }
            return value
        }
        return WebhookEndpoint(
            url: hook.url, format: hook.format, secret: secret,
            allowHTTP: hook.allowHTTP, telegramChatID: hook.chatID)
    }
}
