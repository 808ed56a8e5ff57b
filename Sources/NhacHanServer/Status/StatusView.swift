import Foundation
import NhacHanCore
import NhacHanOutbox
import NhacHanStore

/// The coordinator's filters: `?directive=&unit=&state=`, each optional.
struct StatusFilter: Sendable, Hashable {
    var directive: String?
    var unit: String?
    var state: StatusReport.Row.State?

    init(directive: String? = nil, unit: String? = nil, state: StatusReport.Row.State? = nil) {
        self.directive = directive
        self.unit = unit
        self.state = state
    }

    init(query: (String) -> String?) {
        func value(_ name: String) -> String? { query(name).flatMap { $0.isEmpty ? nil : $0 } }
        directive = value("directive")
        unit = value("unit")
        state = value("state").flatMap(StatusReport.Row.State.init(rawValue:))
    }

    /// `directive=…&unit=…&state=…` of the set filters, for links and redirects.
    var query: String {
        [("directive", directive), ("unit", unit), ("state", state?.rawValue)].compactMap { name, value in
            value.map { "\(name)=\(FormEncoding.escape($0))" }
        }.joined(separator: "&")
    }
}

/// One row of the coordinator's view and exports: a `status --format json` row plus the
/// unit's name, when it reported (local, for people) and how many working days late.
struct StatusLine: Sendable {
    var row: StatusReport.Row
    var unitName: String
    var directiveNumber: String?
    var taskAction: String
    var deadlineISO: String
    var ackedAtISO: String?
    /// "08:15 05/4/2024", for people.
    var reportedAt: String?
    /// Working days after the last day: until the report, or until today while overdue.
    var workingDaysLate: Int
}

/// Builds the coordinator's rows from the store and the config at `now`.
struct StatusView {
    var environment: ServerEnvironment

    func lines(store: any DeliveryStore, filter: StatusFilter, now: LocalTime) async throws -> [StatusLine] {
        lines(acks: try await store.acks(), filter: filter, now: now)
    }

    /// The same from acks already read (the status page shows them as history too).
    func lines(acks: [AckRecord], filter: StatusFilter, now: LocalTime) -> [StatusLine] {
        let report = StatusReport(registry: environment.registry, calendar: environment.calendar, zone: environment.zone)
        let rows = report.rows(acks: acks, directive: filter.directive, now: now)
        let zone = environment.zone, calendar = environment.calendar
        return rows.compactMap { row in
            if let unit = filter.unit, row.unit != unit { return nil }
            if let state = filter.state, row.state != state { return nil }
            let directive = environment.registry.directive(row.directive)
            let late: Int
            switch row.state {
            case .reportedLate:
                let day = row.ackedAt?.day ?? row.deadline.lastDay
                late = calendar.workingDays(from: row.deadline.lastDay.adding(days: 1), to: day.adding(days: 1))
            case .overdue:
                late = calendar.workingDays(from: row.deadline.lastDay.adding(days: 1), to: now.day.adding(days: 1))
            default:
                late = 0
            }
            return StatusLine(
                row: row, unitName: environment.unitName(row.unit), directiveNumber: directive?.number,
                taskAction: directive?.tasks.first { $0.id == row.task }?.action ?? row.task,
                deadlineISO: zone.iso(row.deadline.instant), ackedAtISO: row.ackedAt.map(zone.iso),
                reportedAt: row.ackedAt.map { "\(ClockTime.format($0.secondOfDay / 60)) \(VietnameseDate.short($0.day))" },
                workingDaysLate: late)
        }
    }
}

/// Query-string values, escaped for links and redirects (form bodies are decoded with
/// Hummingbird's `URLEncodedFormDecoder`).
enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
