/// What happened to one message of a batch, recipient by recipient.
public struct EmailResult: Hashable, Sendable {
    /// One envelope recipient's fate.
    public struct Recipient: Hashable, Sendable {
        public var address: String
        public var outcome: DeliveryOutcome

        public init(address: String, outcome: DeliveryOutcome) {
            self.address = address
            self.outcome = outcome
        }
    }

    public init(idempotencyKey: String, messageID: String, recipients: [Recipient], outcome: DeliveryOutcome) {
        self.idempotencyKey = idempotencyKey
        self.messageID = messageID
        self.recipients = recipients
        self.outcome = outcome
    }

    /// Every recipient of `message` with the same outcome.
    public static func uniform(_ message: EmailMessage, _ outcome: DeliveryOutcome) -> EmailResult {
        EmailResult(
            idempotencyKey: message.idempotencyKey, messageID: message.messageID,
            recipients: message.envelopeRecipients.map { Recipient(address: $0, outcome: outcome) }, outcome: outcome)
    }

    public var idempotencyKey: String
    public var messageID: String
    /// In envelope order (To, Cc, Bcc; duplicates removed).
    public var recipients: [Recipient]
    /// The message as a whole: the end-of-data reply, or the failure before it.
    public var outcome: DeliveryOutcome

    /// The outcome for `address`, compared case-insensitively.
    public func outcome(for address: String) -> DeliveryOutcome? {
        recipients.first { $0.address.lowercased() == address.lowercased() }?.outcome
    }
}
