import Foundation
import NhacHanCore
import NhacHanStore

/// The coordinator's daily digest (DESIGN.md §1): per directive, who reported, who is pending,
/// who is overdue, and the dead letters. Sent once a working day at `coordinator.digest_at`,
/// through the outbox like any reminder; nothing on a day with nothing to say.
extension Outbox {
    /// Enqueues today's digest when its time has come; returns how many deliveries were new.
    func enqueueDigest(now: LocalTime) throws -> Int {
        guard let coordinator = config.coordinator, let minute = coordinator.digestAt, !coordinator.email.isEmpty,
              calendar.isWorkingDay(now.day), now >= LocalTime(day: now.day, minute: minute)
        else { return 0 }
        let day = now.day.description
        guard try store.meta("digest_day") != day else { return 0 }
        try store.setMeta("digest_day", day)
        guard let text = try digestText(now: now) else { return 0 }
        let sendAt = LocalTime(day: now.day, minute: minute)
        var payload = MessagePayload(unit: "coordinator", unitName: coordinator.name, sendAt: sendAt.seconds)
        payload.digest = text
        let json = String(decoding: (try? JSONEncoder().encode(payload)) ?? Data(), as: UTF8.self)
        let messageKey = "coordinator@\(day)-digest"
        let records = coordinator.email.map { address in
            DeliveryRecord(
                key: "\(messageKey)/email/\(DeliveryExpansion.digest(address).prefix(12))", messageKey: messageKey,
                unit: "coordinator", channel: "email", target: address, role: "to", sendAt: unix(sendAt), expiresAt: nil,
                payload: json, stageKeys: [], createdAt: unix(now))
        }
        return try store.enqueue(records, now: unix(now))
    }

    /// The digest's text, or `nil` when there is nothing to say.
    func digestText(now: LocalTime) throws -> String? {
        let rows = try status(directive: nil, now: now, from: now.day.adding(days: -60), to: now.day.adding(days: 7))
        let dead = try store.deliveries(state: .dead, unit: nil)
        let relevant = rows.filter { $0.state == .overdue || $0.state == .pending || ($0.ackedAt.map { $0.day >= now.day.adding(days: -1) } ?? false) }
        guard !relevant.isEmpty || !dead.isEmpty else { return nil }
        var lines = ["Tổng hợp tình hình báo cáo ngày \(VietnameseDate.long(now.day))", ""]
        for (directiveID, directiveRows) in Dictionary(grouping: relevant, by: \.directive).sorted(by: { $0.key < $1.key }) {
            let directive = config.registry.directive(directiveID)
            let title = [directive?.number, directive?.subject].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            lines.append("• \(title.isEmpty ? directiveID : title)")
            for state in [StatusRow.State.overdue, .pending, .reportedLate, .reported] {
                let units = directiveRows.filter { $0.state == state }.map(\.unit).sorted()
                guard !units.isEmpty else { continue }
                let label = [StatusRow.State.overdue: "quá hạn", .pending: "chưa báo cáo, sắp đến hạn", .reportedLate: "báo cáo muộn", .reported: "đã báo cáo"][state]!
                lines.append("    \(label) (\(units.count)): \(units.map { config.registry.unit($0)?.name ?? $0 }.joined(separator: ", "))")
            }
        }
        if !dead.isEmpty {
            lines += ["", "Tin không gửi được (dead letters): \(dead.count); xem `nhachan outbox --state dead`"]
            for record in dead.prefix(10) { lines.append("    \(record.unit) \(record.channel) \(record.target): \(record.lastError ?? "")") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
