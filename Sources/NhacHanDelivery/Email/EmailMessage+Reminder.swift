public import Foundation

extension EmailMessage {
    /// A reminder email: the rendered subject and both bodies.
    public static func reminder(
        from: Mailbox,
        to: [Mailbox],
        cc: [Mailbox] = [],
        rendered: RenderedReminder,
        idempotencyKey: String,
        date: Date = Date(),
        utcOffsetSeconds: Int = 7 * 3600
    ) -> EmailMessage {
        EmailMessage(
            from: from, to: to, cc: cc, subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html,
            idempotencyKey: idempotencyKey, date: date, utcOffsetSeconds: utcOffsetSeconds
        )
    }
}
