/// Renders an `EmailMessage` as an RFC 5322 message: `multipart/alternative` with a
/// text/plain and a text/html part, UTF-8, CRLF line endings.
public enum MIMEMessage {
    /// The message bytes as sent in SMTP DATA (before libcurl's dot-stuffing).
    ///
    /// - throws: `HeaderValueError` when a subject, display name or address carries CR, LF
    ///   or another control character: such a value is refused, never passed through.
    public static func render(_ message: EmailMessage) throws(HeaderValueError) -> String {
        try validate(message)
        let boundary = "=_nhachan_" + EmailMessage.hashHex("boundary:" + message.idempotencyKey, bytes: 12)
        var headers: [String] = []
        headers.append("Date: " + RFC5322Date.format(message.date, offsetSeconds: message.utcOffsetSeconds))
        headers.append(addressField("From", [message.from]))
        if !message.to.isEmpty { headers.append(addressField("To", message.to)) }
        if !message.cc.isEmpty { headers.append(addressField("Cc", message.cc)) }
        if let replyTo = message.replyTo { headers.append(addressField("Reply-To", [replyTo])) }
        var subject = HeaderFolder(name: "Subject")
        subject.appendText(message.subject)
        headers.append(subject.rendered)
        headers.append("Message-ID: " + message.messageID)
        headers.append("Auto-Submitted: auto-generated")
        headers.append("X-Auto-Response-Suppress: All")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")

        var lines = headers.joined(separator: "\r\n") + "\r\n\r\n"
        lines += "This is a multi-part message in MIME format.\r\n"
        for (type, body) in [("text/plain", message.textBody), ("text/html", message.htmlBody)] {
            let (encoding, encoded) = BodyEncoding.encode(body)
            lines += "\r\n--\(boundary)\r\n"
            lines += "Content-Type: \(type); charset=UTF-8\r\n"
            lines += "Content-Transfer-Encoding: \(encoding.rawValue)\r\n\r\n"
            lines += encoded
        }
        lines += "\r\n--\(boundary)--\r\n"
        return lines
    }

    /// The checks `render` makes, for callers that want to fail before rendering.
    public static func validate(_ message: EmailMessage) throws(HeaderValueError) {
        try HeaderValue.validate(message.subject, field: "Subject")
        try HeaderValue.validate(message.idempotencyKey, field: "idempotency key")
        for mailbox in [message.from] + message.to + message.cc + message.bcc + [message.replyTo].compactMap({ $0 }) {
            if let name = mailbox.displayName { try HeaderValue.validate(name, field: "display name") }
            try Mailbox.validateAddress(mailbox.address)
        }
        if message.envelopeRecipients.isEmpty {
            throw HeaderValueError(field: "recipients", problem: .empty)
        }
    }

    private static func addressField(_ name: String, _ mailboxes: [Mailbox]) -> String {
        var folder = HeaderFolder(name: name)
        for (index, mailbox) in mailboxes.enumerated() {
            let separator = index == 0 ? " " : ", "
            if let displayName = mailbox.displayName {
                folder.appendText(displayName, separator: separator, phrase: true)
                folder.append("<\(mailbox.address)>")
            } else {
                folder.append(mailbox.address, separator: separator)
            }
        }
        return folder.rendered
    }
}
