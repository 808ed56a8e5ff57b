import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanOutbox
import NhacHanStore
import Synchronization
import Testing

/// Channels that send nothing: they record what they were asked and answer what the test says.
final class FakeChannels: DeliveryChannels {
    let from: Mailbox? = try? Mailbox(parsing: "Nhắc hạn <nhachan@huyen.example.gov.vn>")
    let emailProblem: String? = nil
    let templates = ReminderTemplates.defaults
    private let state = Mutex<(emails: [EmailMessage], hooks: [WebhookRequest])>(([], []))
    let emailOutcome: @Sendable (EmailMessage, SendGate) -> DeliveryOutcome
    let hookOutcome: @Sendable (WebhookRequest) -> DeliveryOutcome

    init(email: @escaping @Sendable (EmailMessage, SendGate) -> DeliveryOutcome = { _, _ in .delivered(ServerResponse(status: 250)) },
         webhook: @escaping @Sendable (WebhookRequest) -> DeliveryOutcome = { _ in .delivered(ServerResponse(status: 200)) }) {
        emailOutcome = email
        hookOutcome = webhook
    }

    var emails: [EmailMessage] { state.withLock { $0.emails } }
    var hooks: [WebhookRequest] { state.withLock { $0.hooks } }

    func sendEmails(_ messages: [EmailMessage], gate: SendGate) async -> [EmailResult] {
        state.withLock { $0.emails += messages }
        return messages.map { .uniform($0, emailOutcome($0, gate)) }
    }

    func sendWebhooks(_ requests: [WebhookRequest], gate: SendGate) async -> [WebhookResult] {
        state.withLock { $0.hooks += requests }
        return requests.map { WebhookResult(idempotencyKey: $0.idempotencyKey, outcome: hookOutcome($0)) }
    }

    func endpoint(for hook: Webhook) throws -> WebhookEndpoint {
        WebhookEndpoint(url: hook.url, format: .nhachan, secret: "whsec_ZGVtby1vbmx5", allowHTTP: true)
    }
}

/// A small district loaded through the real loader, with an in-memory store.
struct District {
    let config: Config
    let zone: CivilTimeZone
    let calendar: VietnameseCalendar
    let store: any DeliveryStore

    init(due: String = "{before: 2024-03-29}", extra: String = "", coordinator: Bool = true) throws {
        let folder = NSTemporaryDirectory() + "nhachan-unit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/nhachan.yaml"
        try """
            \(coordinator ? "coordinator: {name: Văn phòng, email: [vp@huyen.example.gov.vn], digest_at: \"16:30\"}" : "")
            policies:
              p: {send_at: "08:00", before: [3wd], on_due_day: true, overdue: {every: 1wd, max: 2}}
            default_policy: p
            units:
              - {id: xa-a, name: UBND xã A, email: {to: [a@xa.example.gov.vn]}, webhooks: [{url: "http://127.0.0.1:9/hook?token=s3cr3t", format: nhachan}]}
              - {id: xa-b, name: UBND xã B, email: {to: [b@xa.example.gov.vn]}}
            groups:
              - {id: cac-xa, name: Các xã, members: [xa-a, xa-b]}
            directives:
              - id: cv-1
                number: 12/UBND-VP
                issuer: UBND huyện
                issued: 2024-03-01
                subject: "V/v báo cáo thử"
                tasks:
                  - {id: bao-cao, units: [cac-xa], action: Báo cáo, due: \(due)}
            \(extra)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let loader = ConfigLoader()
        config = try #require(loader.load(path: path), "\(loader.diagnostics.diagnostics)")
        zone = CivilTimeZone(identifier: config.timezone)!
        calendar = VietnameseCalendar(daysOff: config.calendar.daysOff, workingDays: config.calendar.workingDays)
        store = try SQLiteDeliveryStore.inMemory()
    }

    func runner(_ channels: FakeChannels, owner: String = "test") -> Runner {
        var runner = Runner(config: config, zone: zone, calendar: calendar, store: store, channels: channels, owner: owner)
        runner.random = { 0.5 }
        return runner
    }

    func at(_ text: String) -> LocalTime { zone.parse(text)! }
}
