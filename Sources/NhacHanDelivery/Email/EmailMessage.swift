public import Foundation

/// One email: who, what, and the idempotency key its `Message-ID` comes from.
///
/// Bodies and subject are any Unicode; `MIMEMessage` normalises them to NFC and encodes.
public struct EmailMessage: Hashable, Sendable {
    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox]
    /// Envelope-only recipients: never written in a header.
    public var bcc: [Mailbox]
    public var replyTo: Mailbox?
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    /// The outbox's key for this delivery; the same key gives the same `Message-ID`, so a
    /// resend after a crash can be recognised as a duplicate by the receiver.
    public var idempotencyKey: String
    public var date: Date
    /// East of UTC, for the `Date:` header: +07:00 for Asia/Ho_Chi_Minh.
    public var utcOffsetSeconds: Int

    public init(
        from: Mailbox,
        to: [Mailbox],
        cc: [Mailbox] = [],
        bcc: [Mailbox] = [],
        replyTo: Mailbox? = nil,
        subject: String,
        textBody: String,
        htmlBody: String,
        idempotencyKey: String,
        date: Date = Date(),
        utcOffsetSeconds: Int = 7 * 3600
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.idempotencyKey = idempotencyKey
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Every envelope recipient once (To, then Cc, then Bcc), compared case-insensitively.
    public var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }

    /// `<hash@nhachan>`: the first 128 bits of SHA-256 of the idempotency key, in hex.
    public var messageID: String {
        "<\(Self.hashHex(idempotencyKey, bytes: 16))@nhachan>"
    }
}
