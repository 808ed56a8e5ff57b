import Foundation
public import NhacHanConfig
public import NhacHanCore
import NhacHanDelivery

/// Sends one test message on each of a unit's channels (`nhachan send-test`).
public struct ChannelCheck {
    public var config: Config
    public var zone: CivilTimeZone

    public init(config: Config, zone: CivilTimeZone) {
        self.config = config
        self.zone = zone
    }

    public struct Result: Sendable {
        public var channel: String
        public var ok: Bool
        public var detail: String
    }

    public func sendTest(to unit: OfficeUnit) async throws -> [Result] {
        let transports = try Transports(config: config)
        let now = Date()
        let content = ReminderContent.testMessage(unitID: unit.id, unitName: unit.name, now: now, utcOffsetSeconds: zone.zone.secondsFromGMT(for: now))
        let rendered = try transports.templates.render(content)
        let key = "send-test/\(unit.id)/\(Int(now.timeIntervalSince1970))"
        var results: [Result] = []
        if !unit.email.to.isEmpty {
            if let from = transports.from {
                let message = EmailMessage.reminder(
                    from: from, to: try unit.email.to.map { try Mailbox(displayName: unit.name, address: $0) },
                    cc: try unit.email.cc.map { try Mailbox(address: $0) }, rendered: rendered, idempotencyKey: key,
                    date: now, utcOffsetSeconds: zone.zone.secondsFromGMT(for: now))
                for result in await transports.sendEmails([message], gate: .open()) {
                    for r in result.recipients { results.append(Result(channel: "email \(r.address)", ok: r.outcome.isDelivered, detail: r.outcome.reason)) }
                    if result.recipients.isEmpty { results.append(Result(channel: "email", ok: result.outcome.isDelivered, detail: result.outcome.reason)) }
                }
            } else {
                results.append(Result(channel: "email", ok: false, detail: transports.emailProblem ?? "smtp"))
            }
        }
        for hook in unit.webhooks {
            do {
                let endpoint = try transports.endpoint(for: hook)
                let request = WebhookRequest.reminder(to: endpoint, idempotencyKey: key, content: content, rendered: rendered, timestamp: now)
                let answer = await transports.sendWebhooks([request], gate: .open())[0]
                results.append(Result(channel: "webhook \(endpoint.redactedURL)", ok: answer.outcome.isDelivered, detail: answer.outcome.reason))
            } catch {
                results.append(Result(channel: "webhook", ok: false, detail: "\(error)"))
            }
        }
        return results
    }
}
