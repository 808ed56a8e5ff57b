// The Swift side of the transport benchmark (bench/transports.sh runs it beside the C peer).
//
//   bench-transports webhooks N URL SECRET MAX_PER_HOST MAX_TOTAL
//   bench-transports email N URL BATCH
//   bench-transports message FILE      (writes one rendered message, for the C peer)
//   bench-transports render N          (MIME rendering alone, to tell it from the SMTP exchange)
//
// Prints one line: RESULT client=swift kind=... n=... ok=... seconds=... rate=... maxrss_kb=...
// Bodies are built before the clock starts (as the C peer's are); signing, MIME rendering
// and all libcurl work are timed.
import Foundation
import NhacHanCore
import NhacHanDelivery

#if canImport(Glibc)
import Glibc
#endif

func report(_ kind: String, n: Int, ok: Int, seconds: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("RESULT client=swift kind=\(kind) n=\(n) ok=\(ok) seconds=\(String(format: "%.3f", seconds)) "
        + "rate=\(Int((Double(n) / seconds).rounded())) maxrss_kb=\(usage.ru_maxrss)")
}

func sample() throws -> (ReminderContent, RenderedReminder) {
    let content = ReminderContent.testMessage(unitID: "bench", unitName: "UBND xã Bình Châu")
    return (content, try ReminderTemplates.defaults.render(content))
}

func webhooks(n: Int, url: String, secret: String, perHost: Int, total: Int) throws -> Bool {
    let (content, rendered) = try sample()
    let endpoint = WebhookEndpoint(url: url, format: .nhachan, secret: secret)
    let body = WebhookBody.make(for: endpoint, content: content, rendered: rendered, idempotencyKey: "bench")
    let requests = (0..<n).map { WebhookRequest(endpoint: endpoint, idempotencyKey: "bench-swift-\($0)", body: body) }
    let transport = try WebhookTransport(settings: .init(maxConnectionsPerHost: perHost, maxConcurrentRequests: total))
    let start = Date()
    let results = transport.sendBlocking(requests)
    let ok = results.filter(\.outcome.isDelivered).count
    report("webhooks", n: n, ok: ok, seconds: Date().timeIntervalSince(start))
    return ok == n
}

func emailMessages(_ range: Range<Int>) throws -> [EmailMessage] {
    let (_, rendered) = try sample()
    let from = try Mailbox(parsing: "Nhắc hạn <nhachan@bench.example>")
    let to = [try Mailbox(displayName: "UBND xã Bình Châu", address: "unit@bench.example")]
    return range.map {
        EmailMessage.reminder(from: from, to: to, rendered: rendered, idempotencyKey: "bench-\($0)")
    }
}

/// Sends `n` emails in batches of `batch` on one transport; each batch is built when it is sent
/// and dropped after, as the outbox does, so memory stays flat in `n`.
func emails(n: Int, url: String, batch: Int) throws -> Bool {
    let from = try Mailbox(parsing: "Nhắc hạn <nhachan@bench.example>")
    let transport = try SMTPTransport(settings: SMTPSettings(url: url, from: from.description, startTLS: .off))
    let start = Date()
    var ok = 0
    for chunk in stride(from: 0, to: n, by: batch) {
        let results = transport.sendBlocking(try emailMessages(chunk..<min(n, chunk + batch)))
        ok += results.filter(\.outcome.isDelivered).count
    }
    report("email", n: n, ok: ok, seconds: Date().timeIntervalSince(start))
    return ok == n
}

/// The rendering half of `emails`, without the network.
func render(n: Int) throws {
    let messages = try emailMessages(0..<n)
    let start = Date()
    var bytes = 0
    for message in messages { bytes += try MIMEMessage.render(message).utf8.count }
    let seconds = Date().timeIntervalSince(start)
    print("RENDER n=\(n) bytes=\(bytes) seconds=\(String(format: "%.3f", seconds)) "
        + "us_per_message=\(String(format: "%.1f", seconds * 1e6 / Double(n)))")
}

let arguments = CommandLine.arguments
do {
    switch arguments.dropFirst().first {
    case "webhooks" where arguments.count >= 7:
        exit(try webhooks(n: Int(arguments[2])!, url: arguments[3], secret: arguments[4],
                          perHost: Int(arguments[5])!, total: Int(arguments[6])!) ? 0 : 1)
    case "email" where arguments.count >= 5:
        exit(try emails(n: Int(arguments[2])!, url: arguments[3], batch: Int(arguments[4])!) ? 0 : 1)
    case "render" where arguments.count >= 3:
        try render(n: Int(arguments[2])!)
    case "message" where arguments.count >= 3:
        let (_, rendered) = try sample()
        let message = EmailMessage.reminder(
            from: try Mailbox(parsing: "Nhắc hạn <nhachan@bench.example>"),
            to: [try Mailbox(displayName: "UBND xã Bình Châu", address: "unit@bench.example")],
            rendered: rendered, idempotencyKey: "bench-c")
        try MIMEMessage.render(message).write(toFile: arguments[2], atomically: true, encoding: .utf8)
    default:
        FileHandle.standardError.write(Data("usage: bench-transports webhooks N URL SECRET MAX_PER_HOST MAX_TOTAL | email N URL BATCH | render N\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("bench-transports: \(error)\n".utf8))
    exit(1)
}
