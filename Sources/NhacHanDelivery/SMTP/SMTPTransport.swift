import CCurl
public import NhacHanCore
import CCurlShim
public import Foundation

/// Sends email batches over one SMTP connection, with libcurl.
///
/// One easy handle serves a whole batch, message after message: libcurl keeps the
/// connection (and its STARTTLS and AUTH state) open between transfers of the same handle,
/// so a batch costs one TCP and TLS handshake. Each message gets per-recipient outcomes
/// (see `SMTPConversation`). The handle is freed when the batch ends, on every path.
public final class SMTPTransport: Sendable {
    public let settings: SMTPSettings
    /// The sender, parsed from `settings.from`.
    public let from: Mailbox
    /// Resolved from `settings.password` when the transport is made; never shown.
    private let password: String?
    private let trust: TrustStore

    /// Validates the settings, resolves the password and reads `ca_file` now, so that a bad
    /// configuration or a missing secret fails before anything is sent.
    public init(settings: SMTPSettings, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try settings.validate()
        self.settings = settings
        self.from = try Mailbox(parsing: settings.from)
        self.password = try settings.password.map { try Secrets.resolve($0, environment: environment) }
        self.trust = try TrustStore(addingCAFile: settings.caFile)
        CurlGlobal.ensureInitialized()
    }

    private var timeout: Duration { .seconds(settings.timeout) }

    /// Sends `messages` in order on one connection, on a dedicated thread, within `gate`.
    public func send(_ messages: [EmailMessage], gate: SendGate = .open()) async -> [EmailResult] {
        await BlockingThread.run { self.sendBlocking(messages, gate: gate) }
    }

    /// Sends `messages` in order on one connection, blocking the calling thread.
    ///
    /// Each message's transfer is bounded by `smtp.timeout` and by what is left of the gate's
    /// deadline; a stop cuts the transfer in flight within about 0.1 s (its socket is shut down
    /// under libcurl, see `GateBox`), and messages not started when the gate closes come back
    /// `notAttempted`.
    public func sendBlocking(_ messages: [EmailMessage], gate: SendGate = .open()) -> [EmailResult] {
        let easy = CurlEasy()
        let errorBuffer = CurlErrorBuffer()
        let box = GateBox(gate)
        do {
            try configure(easy, errorBuffer: errorBuffer)
            try easy.setSocketWatch(smtpSocket, data: Unmanaged.passUnretained(box).toOpaque())
        } catch {
            return messages.map { Self.failed($0, .permanent(reason: error.description, response: nil)) }
        }
        box.watch()
        defer {
            box.finished.store(true, ordering: .releasing)
            withExtendedLifetime(box) {}
        }
        return messages.map { message in
            guard gate.isOpen else { return Self.failed(message, .notAttempted(reason: gate.closedReason)) }
            let limit = min(timeout, gate.remaining)
            try? easy.set(CURLOPT_TIMEOUT_MS, max(1, Int(limit.milliseconds)))
            try? easy.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Int(limit.milliseconds / 1000)))
            return send(message, on: easy, errorBuffer: errorBuffer)
        }
    }

    private func configure(_ easy: CurlEasy, errorBuffer: CurlErrorBuffer) throws(TransportError) {
        try errorBuffer.attach(to: easy)
        try easy.set(CURLOPT_URL, settings.url)
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout * 1000)
        try easy.set(CURLOPT_TIMEOUT_MS, settings.timeout * 1000)
        try easy.set(CURLOPT_SSL_VERIFYPEER, true)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let blob = trust.blob { try easy.set(CURLOPT_CAINFO_BLOB, blob: blob) }
        let useSSL: curl_usessl =
            switch settings.startTLS {
            case .required: CURLUSESSL_ALL
            case .optional: CURLUSESSL_TRY
            case .off: CURLUSESSL_NONE
            }
        try easy.set(CURLOPT_USE_SSL, Int(useSSL.rawValue))
        if let username = settings.username, let password {
            try easy.set(CURLOPT_USERNAME, username)
            try easy.set(CURLOPT_PASSWORD, password)
        }
        try easy.set(ccurl_opt_mail_rcpt_allowfails(), true)
        try easy.set(CURLOPT_UPLOAD, true)
        try easy.set(CURLOPT_READFUNCTION, callback: smtpRead)
        try easy.set(CURLOPT_VERBOSE, true)  // needed for the debug callback to be called
        try easy.setDebug(smtpDebug)
    }

    private func send(_ message: EmailMessage, on easy: CurlEasy, errorBuffer: CurlErrorBuffer) -> EmailResult {
        let rendered: [UInt8]
        do {
            rendered = try MIMEMessage.renderBytes(message)
        } catch {
            return Self.failed(message, .permanent(reason: "refused before sending: \(error)", response: nil))
        }
        let recipients = message.envelopeRecipients
        let rcptList = CurlSlist(recipients.map { "<\($0)>" })
        let upload = UploadSource(rendered)
        let conversation = SMTPConversation()
        errorBuffer.clear()
        let error = Self.transfer(
            easy, from: message.from.address, recipients: rcptList, upload: upload,
            conversation: conversation, errorBuffer: errorBuffer
        )
        let messageReply = conversation.dataReply ?? conversation.lastReply
        let overall = DeliveryOutcome.smtp(error: error, reply: messageReply)
        let perRecipient = recipients.map { address -> EmailResult.Recipient in
            if let reply = conversation.recipientReplies[address.lowercased()], reply.status >= 300 {
                return .init(address: address, outcome: DeliveryOutcome.smtp(error: nil, reply: reply))
            }
            return .init(address: address, outcome: overall)
        }
        return EmailResult(
            idempotencyKey: message.idempotencyKey,
            messageID: message.messageID,
            recipients: perRecipient,
            outcome: overall
        )
    }

    /// One message on the batch's handle. The callbacks get unretained pointers to `upload`
    /// and `conversation`, which this frame keeps alive until `perform` returns.
    private static func transfer(
        _ easy: CurlEasy,
        from: String,
        recipients: CurlSlist,
        upload: UploadSource,
        conversation: SMTPConversation,
        errorBuffer: CurlErrorBuffer
    ) -> TransportError? {
        defer {
            try? easy.set(CURLOPT_READDATA, pointer: nil)
            try? easy.set(CURLOPT_DEBUGDATA, pointer: nil)
            withExtendedLifetime((upload, conversation, recipients)) {}
        }
        do {
            try easy.set(CURLOPT_MAIL_FROM, "<\(from)>")
            try easy.set(CURLOPT_MAIL_RCPT, list: recipients)
            try easy.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(upload.bytes.count))
            try easy.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(upload).toOpaque())
            try easy.set(CURLOPT_DEBUGDATA, pointer: Unmanaged.passUnretained(conversation).toOpaque())
        } catch {
            return error
        }
        return easy.perform(errorBuffer: errorBuffer)
    }

    private static func failed(_ message: EmailMessage, _ outcome: DeliveryOutcome) -> EmailResult {
        .uniform(message, outcome)
    }
}

/// The bytes of one message, handed to libcurl piece by piece.
final class UploadSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

private let smtpRead: ccurl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let source = Unmanaged<UploadSource>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, source.bytes.count - source.offset)
    guard length > 0 else { return 0 }
    source.bytes.withUnsafeBufferPointer { all in
        UnsafeMutableRawPointer(buffer).copyMemory(from: all.baseAddress! + source.offset, byteCount: length)
    }
    source.offset += length
    return length
}

/// Remembers the connection's socket, so a stop can shut it down.
private let smtpSocket: ccurl_sockopt_callback = { userdata, fd, _ in
    if let userdata { Unmanaged<GateBox>.fromOpaque(userdata).takeUnretainedValue().socket.store(fd, ordering: .releasing) }
    return 0
}

private let smtpDebug: ccurl_debug_callback = { _, type, data, size, userdata in
    guard let data, let userdata else { return 0 }
    let conversation = Unmanaged<SMTPConversation>.fromOpaque(userdata).takeUnretainedValue()
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size)
    switch type {
    case CURLINFO_HEADER_OUT: conversation.sent(bytes)
    case CURLINFO_HEADER_IN: conversation.received(bytes)
    default: break
    }
    return 0
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
