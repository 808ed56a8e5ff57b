public import NhacHanCore
public import NhacHanDelivery

/// The transports as the runner sees them: email and webhooks, each batch bounded by a gate.
///
/// ``Transports`` is the real one, on libcurl; tests of the runner give a fake that records
/// what it was asked to send and answers what the test says.
public protocol DeliveryChannels: Sendable {
    /// The sender of every email; `nil` when email cannot be sent (see ``emailProblem``).
    var from: Mailbox? { get }
    /// Why there is no email, when there is none: a dead letter's reason.
    var emailProblem: String? { get }
    var templates: ReminderTemplates { get }

    func sendEmails(_ messages: [EmailMessage], gate: SendGate) async -> [EmailResult]
    func sendWebhooks(_ requests: [WebhookRequest], gate: SendGate) async -> [WebhookResult]
    /// A unit's webhook with its signing secret resolved now.
    func endpoint(for hook: Webhook) throws -> WebhookEndpoint
}
