import ArgumentParser
import NhacHanCore
import NhacHanOutbox

/// `nhachan status`: per directive, task and unit: reported, reported late, pending, overdue.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tình hình báo cáo theo văn bản, nhiệm vụ và đơn vị: đã báo cáo, báo cáo muộn, trong hạn, sắp đến hạn, quá hạn.",
        discussion: "Sắp đến hạn (due_soon): chưa báo cáo và ngày cuối còn không quá 3 ngày làm việc. Nghĩa vụ chưa có ngày (\"theo quy định\") được liệt kê thành cảnh báo. Chạy được khi `nhachan run` đang chạy.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var options: ConfigOptions
    @Option(help: "Chỉ một văn bản (id).") var directive: String?
    @Option(help: "Thời điểm hiện tại (ISO 8601).") var now: String?
    @Option(help: "table hoặc json.") var format: Format = .table

    func run() async throws {
        let loaded = try options.load()
        let now = try loaded.now(now)
        if let directive, loaded.config.registry.directive(directive) == nil {
            throw ValidationError("--directive '\(directive)': không có văn bản này")
        }
        let report = StatusReport(registry: loaded.config.registry, calendar: loaded.calendar, zone: loaded.zone)
        let rows = try await report.rows(store: try await loaded.openStore(), directive: directive, now: now)
        for undated in loaded.config.undated where directive == nil || undated.directive == directive {
            printError("\(undated.location): warning: \(undated.directive)/\(undated.task): nghĩa vụ chưa có ngày (\"\(undated.phrase)\")")
        }
        switch format {
        case .json:
            let items = rows.map { r -> JSONValue in
                .object([
                    ("directive", .string(r.directive)), ("task", .string(r.task)), ("unit", .string(r.unit)),
                    ("deadline", .string(loaded.zone.iso(r.deadline.instant))), ("state", .string(r.state.rawValue)),
                    ("acked_at", r.ackedAt.map { .string(loaded.zone.iso($0)) } ?? .null),
                ])
            }
            print(JSONValue.array(items).rendered())
        case .table:
            for r in rows {
                let acked = r.ackedAt.map { " (báo cáo \(VietnameseDate.short($0.day)))" } ?? ""
                print("\(r.directive)/\(r.task)  \(r.unit)  hạn \(VietnameseDate.short(r.deadline.written))  \(r.state == .overdue ? r.state.label.uppercased() : r.state.label)\(acked)")
            }
        }
    }
}
