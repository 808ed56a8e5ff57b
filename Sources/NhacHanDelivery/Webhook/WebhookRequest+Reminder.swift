public import Foundation

extension WebhookRequest {
    /// A reminder for `endpoint`, in its format, signed at send time.
    public static func reminder(
        to endpoint: WebhookEndpoint,
        idempotencyKey: String,
        content: ReminderContent,
        rendered: RenderedReminder,
        timestamp: Date = Date()
    ) -> WebhookRequest {
        WebhookRequest(
            endpoint: endpoint,
            idempotencyKey: idempotencyKey,
            body: WebhookBody.make(for: endpoint, content: content, rendered: rendered, idempotencyKey: idempotencyKey),
            timestamp: timestamp
        )
    }
}
