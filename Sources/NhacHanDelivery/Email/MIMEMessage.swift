/// Renders an `EmailMessage` as an RFC 5322 message: `multipart/alternative` with a
/// text/plain and a text/html part, UTF-8, CRLF line endings.
public enum MIMEMessage {
    /// The message bytes as sent in SMTP DATA (before libcurl's dot-stuffing).
    ///
    /// - throws: `HeaderValueError` when a subject, display name or address carries CR, LF
    ///   or another control character: such a value is refused, never passed through.
    public static func render(_ message: EmailMessage) throws(HeaderValueError) -> String {
        String(decoding: try renderBytes(message), as: UTF8.self)
    }

    /// `render` as UTF-8, built in one buffer: the transport renders every message it sends.
    static func renderBytes(_ message: EmailMessage) throws(HeaderValueError) -> [UInt8] {
        try validate(message)
        let boundary = "=_nhachan_" + EmailMessage.hashHex("boundary:" + message.idempotencyKey, bytes: 12)
        var subject = HeaderFolder(name: "Subject")
        subject.appendText(message.subject)
        let parts = [("text/plain", message.textBody), ("text/html", message.htmlBody)].map { type, body in
            let bytes = BodyEncoding.normalizedBytes(body)
            return (type: type, bytes: bytes, encoding: BodyEncoding.choose(for: bytes))
        }

        var output: [UInt8] = []
        output.reserveCapacity(1024 + parts.reduce(0) { $0 + $1.bytes.count * 3 })
        func line(_ text: String) {
            output += text.utf8
            output += [0x0D, 0x0A]
        }
        line("Date: " + RFC5322Date.format(message.date, offsetSeconds: message.utcOffsetSeconds))
        line(addressField("From", [message.from]))
        if !message.to.isEmpty { line(addressField("To", message.to)) }
        if !message.cc.isEmpty { line(addressField("Cc", message.cc)) }
        if let replyTo = message.replyTo { line(addressField("Reply-To", [replyTo])) }
        line(subject.rendered)
        line("Message-ID: " + message.messageID)
        line("Auto-Submitted: auto-generated")
        line("X-Auto-Response-Suppress: All")
        line("MIME-Version: 1.0")
        line("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        line("")
        line("This is a multi-part message in MIME format.")
        for part in parts {
            line("")
            line("--" + boundary)
            line("Content-Type: \(part.type); charset=UTF-8")
            line("Content-Transfer-Encoding: \(part.encoding.rawValue)")
            line("")
            part.encoding.append(part.bytes, to: &output)
        }
        line("")
        line("--\(boundary)--")
        return output
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
