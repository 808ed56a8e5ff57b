import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import NhacHanStore

/// `nhachan outbox`: the deliveries and their states; dead letters with their errors.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Xem hàng đợi gửi: trạng thái từng tin, lỗi của tin hỏng (dead letters).",
        discussion: "URL webhook được che (chúng là bí mật). Chạy được khi `nhachan run` đang chạy.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var options: ConfigOptions
    @Option(help: "pending, sending, sent, retrying, expired hoặc dead.") var state: String?
    @Option(help: "Chỉ một đơn vị (id).") var unit: String?
    @Option(help: "table hoặc json.") var format: Format = .table

    func run() async throws {
        let loaded = try options.load()
        let store = try await loaded.openStore()
        var filter: DeliveryState?
        if let state {
            guard let parsed = DeliveryState(rawValue: state) else {
                throw ValidationError("--state '\(state)': dùng một trong \(DeliveryState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter = parsed
        }
        let records = try await store.deliveries(state: filter, unit: unit)
        let zone = loaded.zone
        func time(_ t: Int64?) -> JSONValue {
            t.map { .string(zone.iso(zone.local(Date(timeIntervalSince1970: TimeInterval($0))))) } ?? .null
        }
        switch format {
        case .json:
            let items = records.map { r -> JSONValue in
                .object([
                    ("key", .string(r.key)), ("unit", .string(r.unit)), ("channel", .string(r.channel)), ("target", .string(DeliveryDisplay.target(r))),
                    ("role", .string(r.role)), ("state", .string(r.state.rawValue)), ("send_at", time(r.sendAt)),
                    ("attempts", .int(r.attempts)), ("next_attempt_at", time(r.nextAttemptAt)), ("sent_at", time(r.sentAt)),
                    ("last_error", .optional(r.lastError)), ("response", .optional(r.response)),
                    ("stages", .array(r.stageKeys.map(JSONValue.string))),
                ])
            }
            print(JSONValue.array(items).rendered())
        case .table:
            for r in records {
                let when = zone.local(Date(timeIntervalSince1970: TimeInterval(r.sendAt)))
                var line = "\(r.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(VietnameseDate.short(when.day)) \(ClockTime.format(when.secondOfDay / 60))  \(r.unit)  \(r.channel) \(DeliveryDisplay.target(r))  lần thử: \(r.attempts)"
                if let error = r.lastError { line += "\n          lỗi: \(error)" }
                print(line)
            }
            let counts = try await store.counts()
            print(DeliveryState.allCases.map { "\($0.rawValue) \(counts[$0, default: 0])" }.joined(separator: ", "))
        }
    }
}

