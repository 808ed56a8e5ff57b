import Foundation
public import NhacHanConfig
public import NhacHanCore
public import NhacHanStore

/// The coordinator's daily digest (DESIGN.md §1): per directive, who reported, who is late,
/// and the dead letters. Once a working day at `coordinator.digest_at`, through the outbox
/// like any reminder; nothing on a day with nothing to say.
public struct DigestJob: Sendable {
    public var config: Config
    public var zone: CivilTimeZone
    public var calendar: VietnameseCalendar

    public init(config: Config, zone: CivilTimeZone, calendar: VietnameseCalendar) {
        self.config = config
        self.zone = zone
        self.calendar = calendar
    }

    /// Today's slot, when today is a working day and a digest is configured.
    func slot(on day: CivilDate) -> LocalTime? {
        guard let coordinator = config.coordinator, let minute = coordinator.digestAt, !coordinator.email.isEmpty,
              calendar.isWorkingDay(day)
        else { return nil }
        return LocalTime(day: day, minute: minute)
    }

    /// The first digest slot strictly after `now`, within two weeks (a Tết break is nine days).
    public func nextSlot(after now: LocalTime) -> LocalTime? {
        for offset in 0..<15 {
            if let slot = slot(on: now.day.adding(days: offset)), slot > now { return slot }
        }
        return nil
    }

    /// Enqueues today's digest when its time has come; returns how many deliveries were new.
    /// Across several daemons on one store, one of them does it.
    public func enqueueIfDue(now: LocalTime, store: any DeliveryStore) async throws -> Int {
        guard let slot = slot(on: now.day), now >= slot, let coordinator = config.coordinator else { return 0 }
        let day = now.day.description
        guard try await store.meta("digest_day") != day else { return 0 }
        let report = StatusReport(registry: config.registry, calendar: calendar, zone: zone)
        let rows = report.rows(acks: try await store.acks(), directive: nil, now: now, from: now.day.adding(days: -60), to: now.day.adding(days: 7))
        let text = self.text(rows: rows, dead: try await store.deliveries(state: .dead, unit: nil), now: now)
        guard try await store.claimMeta("digest_day", day), let text else { return 0 }
        var payload = MessagePayload(unit: "coordinator", unitName: coordinator.name, sendAt: slot.seconds)
        payload.digest = text
        let json = String(decoding: (try? JSONEncoder().encode(payload)) ?? Data(), as: UTF8.self)
        let messageKey = "coordinator@\(day)-digest"
        let records = coordinator.email.map { address in
            DeliveryRecord(
                key: "\(messageKey)/email/\(DeliveryExpansion.digest(address).prefix(12))", messageKey: messageKey,
                unit: "coordinator", channel: "email", target: address, role: "to", sendAt: zone.unix(slot), expiresAt: nil,
                payload: json, stageKeys: [], createdAt: zone.unix(now))
        }
        return try await store.enqueue(records, now: zone.unix(now))
    }

    /// `UBND xã A (hạn 29/3/2024)`, or for a recurring report `Công an xã (42 kỳ, gần nhất hạn
    /// 30/11/2026)`: one entry per unit, never one per occurrence.
    private func unitLine(_ unit: String, rows: [StatusReport.Row], state: StatusReport.Row.State) -> String {
        let name = config.registry.unit(unit)?.name ?? unit
        let dates = rows.map(\.deadline.written).sorted()
        // The most recent one that was missed; the nearest one still to come.
        let nearest = state == .dueSoon ? dates.first! : dates.last!
        return rows.count == 1
            ? "\(name) (hạn \(VietnameseDate.short(nearest)))"
            : "\(name) (\(rows.count) kỳ, gần nhất hạn \(VietnameseDate.short(nearest)))"
    }

    /// The digest's text, or `nil` when there is nothing to say. Webhook targets appear redacted.
    public func text(rows: [StatusReport.Row], dead: [DeliveryRecord], now: LocalTime) -> String? {
        let relevant = rows.filter {
            $0.state == .overdue || $0.state == .dueSoon || ($0.ackedAt.map { $0.day >= now.day.adding(days: -1) } ?? false)
        }
        guard !relevant.isEmpty || !dead.isEmpty else { return nil }
        var lines = ["Tổng hợp tình hình báo cáo ngày \(VietnameseDate.long(now.day))", ""]
        for (directiveID, directiveRows) in Dictionary(grouping: relevant, by: \.directive).sorted(by: { $0.key < $1.key }) {
            let directive = config.registry.directive(directiveID)
            let title = [directive?.number, directive?.subject].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            lines.append("• \(title.isEmpty ? directiveID : title)")
            for state in [StatusReport.Row.State.overdue, .dueSoon, .reportedLate, .reported] {
                let byUnit = Dictionary(grouping: directiveRows.filter { $0.state == state }, by: \.unit)
                guard !byUnit.isEmpty else { continue }
                lines.append("    \(state.label) (\(byUnit.count) đơn vị): " + byUnit.sorted { $0.key < $1.key }.map { unit, rows in
                    unitLine(unit, rows: rows, state: state)
                }.joined(separator: ", "))
            }
        }
        if !dead.isEmpty {
            lines += ["", "Tin không gửi được (dead letters): \(dead.count); xem `nhachan outbox --state dead`, gửi lại bằng `nhachan retry`"]
            for record in dead.prefix(10) {
                lines.append("    \(record.unit) \(record.channel) \(DeliveryDisplay.target(record)): \(record.lastError ?? "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// How a delivery's target is shown: email addresses as they are, webhooks redacted (also
/// those recorded raw by earlier versions).
public enum DeliveryDisplay {
    public static func target(_ record: DeliveryRecord) -> String {
        guard record.channel == "webhook" else { return record.target }
        return record.target.contains(" #") ? record.target : SecretURL.redacted(record.target)
    }
}
