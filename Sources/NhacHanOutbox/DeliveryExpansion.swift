import Crypto
import Foundation
import NhacHanCore
import NhacHanStore

/// Turns planned messages into outbox deliveries: one per channel and recipient, each with a
/// stable idempotency key.
struct DeliveryExpansion {
    var registry: Registry
    var renderer: PlanRenderer
    /// Local seconds to Unix seconds.
    var unix: (LocalTime) -> Int64

    func deliveries(for plan: Plan, now: Int64) -> [DeliveryRecord] {
        (0..<plan.messageCount).flatMap { deliveries(for: plan.message(at: $0), now: now) }
    }

    func deliveries(for message: PlannedMessage, now: Int64) -> [DeliveryRecord] {
        let payload = MessagePayload(message: message, registry: registry, renderer: renderer)
        let stageKeys = payload.items.map(\.stageKey)
        let messageKey = Self.messageKey(unit: message.unit.id, sendAt: message.sendAt, stageKeys: stageKeys)
        let json = String(decoding: (try? JSONEncoder().encode(payload)) ?? Data(), as: UTF8.self)
        let sendAt = unix(message.sendAt)
        let beforeOnly = message.items.allSatisfy { $0.stage.kind == .before || $0.stage.kind == .due }
        let expiresAt = beforeOnly ? message.items.map { unix($0.deadline.instant) }.max() : nil
        func record(_ channel: String, _ target: String, _ role: String, shown: String? = nil) -> DeliveryRecord {
            DeliveryRecord(
                key: "\(messageKey)/\(channel)/\(Self.digest(target).prefix(12))", messageKey: messageKey, unit: message.unit.id,
                channel: channel, target: shown ?? target, role: role, sendAt: sendAt, expiresAt: expiresAt, payload: json,
                stageKeys: stageKeys, createdAt: now)
        }
        var result: [DeliveryRecord] = []
        var seen = Set<String>()
        let unit = message.unit
        let email = unit.email.to.map { ($0, "to") } + unit.email.cc.map { ($0, "cc") }
            + (message.escalates ? unit.escalateTo.map { ($0, "escalation") } : [])
        for (address, role) in email where seen.insert(address.lowercased()).inserted {
            result.append(record("email", address, role))
        }
        for hook in unit.webhooks { result.append(record("webhook", hook.url, "webhook", shown: WebhookTarget.stored(hook.url))) }
        return result
    }

    /// `UNIT@YYYYMMDDTHHMM-<hash of the stage keys>`: readable in logs, unique per message content.
    static func messageKey(unit: String, sendAt: LocalTime, stageKeys: [String]) -> String {
        let stamp = sendAt.description.filter { $0 != "-" && $0 != ":" }.prefix(13)
        return "\(unit)@\(stamp)-\(digest(stageKeys.sorted().joined(separator: "\n")).prefix(16))"
    }

    /// SHA-256 of `text` in lowercase hex: the stable part of every delivery key.
    static func digest(_ text: String) -> String {
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
