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

    /// A command libcurl sent (one or more CRLF-terminated lines). Matched as bytes: the
    /// commands are ASCII, and this runs for every command of every message.
    func sent(_ bytes: UnsafeBufferPointer<UInt8>) {
        let command = bytes.prefix(256)
        quitting = Self.hasPrefix(command, "QUIT")
        pendingRecipient = Self.hasPrefix(command, "RCPT TO:") ? Self.address(in: command) : nil
    }

    /// Reply bytes libcurl read; may hold part of a line or several lines.
    func received(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            inbound.append(contentsOf: bytes[start..<index])
            replyLine(inbound)
            inbound.removeAll(keepingCapacity: true)
            start = index + 1
        }
        inbound.append(contentsOf: bytes[start...])
    }

    /// One reply line without its LF; CRs anywhere in it are dropped.
    private func replyLine(_ raw: [UInt8]) {
        var bytes = raw.contains(0x0D) ? raw.filter { $0 != 0x0D } : raw
        if !bytes.allSatisfy({ $0 < 0x80 }) {
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)  // invalid UTF-8 repaired, as text
        }
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else { return }
        let isContinuation = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        replyText.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard !isContinuation else { return }
        let reply = ServerResponse(status: code, text: replyText.count == 1 ? replyText[0] : replyText.joined(separator: " "))
        replyText.removeAll(keepingCapacity: true)
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

    /// Whether `bytes` start with `prefix`, ignoring ASCII case.
    private static func hasPrefix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        return zip(bytes, UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)).allSatisfy { byte, expected in
            byte == expected || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && byte - 0x20 == expected)
        }
    }

    /// The address inside `RCPT TO:<addr> ...`.
    private static func address(in command: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        if let open = command.firstIndex(of: UInt8(ascii: "<")),
            let close = command[open...].firstIndex(of: UInt8(ascii: ">"))
        {
            return String(decoding: command[(open + 1)..<close], as: UTF8.self)
        }
        return address(in: String(decoding: command, as: UTF8.self))
    }

    /// The address inside `RCPT TO:<addr> ...`.
    static func address(in command: String) -> String {
        guard let open = command.firstIndex(of: "<"), let close = command[open...].firstIndex(of: ">") else {
            return String(command.dropFirst("RCPT TO:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(command[command.index(after: open)..<close])
    }
}
