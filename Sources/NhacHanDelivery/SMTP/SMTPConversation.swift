import Foundation

/// Follows one message's SMTP dialogue as libcurl reports it, to learn each recipient's fate.
///
/// libcurl's result tells how the message as a whole went, but with
/// `CURLOPT_MAIL_RCPT_ALLOWFAILS` a refused recipient is skipped silently. libcurl speaks
/// SMTP strictly one command at a time (it does not pipeline), and reports every command it
/// sends (`CURLINFO_HEADER_OUT`) and every reply line it reads (`CURLINFO_HEADER_IN`)
/// through `CURLOPT_DEBUGFUNCTION`, in order. So each final reply answers the last command
/// seen: a reply after `RCPT TO:<x>` is x's, and the first final reply after a 354 (the
/// go-ahead for DATA) is the end-of-data verdict. Nothing else from the stream is kept:
/// the AUTH exchange is never stored or logged.
final class SMTPConversation {
    private(set) var recipientReplies: [String: ServerResponse] = [:]
    /// The last final reply of the dialogue, whatever it answered.
    private(set) var lastReply: ServerResponse?
    /// The reply to the end of DATA, when the message got that far.
    private(set) var dataReply: ServerResponse?

    private var pendingRecipient: String?
    private var awaitingDataVerdict = false
    /// The 221 answering QUIT says nothing about the message: it must not hide a 421.
    private var quitting = false
    private var inbound: [UInt8] = []
    private var replyText: [String] = []

    /// A command libcurl sent (one or more CRLF-terminated lines).
    func sent(_ bytes: UnsafeBufferPointer<UInt8>) {
        let line = String(decoding: bytes.prefix(256), as: UTF8.self)
        let upper = line.uppercased()
        quitting = upper.hasPrefix("QUIT")
        if upper.hasPrefix("RCPT TO:") {
            pendingRecipient = Self.address(in: line)
        } else {
            pendingRecipient = nil
        }
    }

    /// Reply bytes libcurl read; may hold part of a line or several lines.
    func received(_ bytes: UnsafeBufferPointer<UInt8>) {
        inbound.append(contentsOf: bytes)
        while let newline = inbound.firstIndex(of: 0x0A) {
            let lineBytes = inbound[..<newline].filter { $0 != 0x0D }
            inbound.removeSubrange(...newline)
            replyLine(String(decoding: lineBytes, as: UTF8.self))
        }
    }

    private func replyLine(_ line: String) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else { return }
        let isContinuation = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        replyText.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard !isContinuation else { return }
        let reply = ServerResponse(status: code, text: replyText.joined(separator: " "))
        replyText = []
        guard !quitting else { return }
        lastReply = reply
        if let recipient = pendingRecipient {
            recipientReplies[recipient.lowercased()] = reply
            pendingRecipient = nil
        } else if awaitingDataVerdict {
            dataReply = reply
            awaitingDataVerdict = false
        } else if code == 354 {
            awaitingDataVerdict = true
        }
    }

    /// The address inside `RCPT TO:<addr> ...`.
    static func address(in command: String) -> String {
        guard let open = command.firstIndex(of: "<"), let close = command[open...].firstIndex(of: ">") else {
            return String(command.dropFirst("RCPT TO:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(command[command.index(after: open)..<close])
    }
}
