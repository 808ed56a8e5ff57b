import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore

/// `nhachan plan`: the messages that would be sent, sending nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Xem trước các tin nhắc sẽ gửi (không gửi gì).",
        discussion: "Mặc định từ thời điểm hiện tại đến \(PlanRequest.defaultWindowDays) ngày sau; dùng --to để xem xa hơn, --now để xem một đợt đã qua như khi nó chạy.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, ics
    }

    @OptionGroup var options: ConfigOptions

    @Option(help: "Từ ngày (mặc định: --now).")
    var from: String?

    @Option(help: "Đến hết ngày (mặc định: \(PlanRequest.defaultWindowDays) ngày sau --from).")
    var to: String?

    @Option(help: "Chỉ một đơn vị hoặc nhóm (id).")
    var unit: String?

    @Option(help: "Thời điểm hiện tại (ISO 8601), thay cho đồng hồ.")
    var now: String?

    @Option(help: "table, json hoặc ics.")
    var format: Format = .table

    func run() throws {
        let loaded = try options.load()
        let now = try loaded.now(now)
        let registry = loaded.config.registry
        if let unit, !registry.units.contains(where: { $0.id == unit }) && !registry.groups.contains(where: { $0.id == unit }) {
            throw ValidationError("--unit '\(unit)': không có đơn vị hay nhóm nào có id này")
        }
        let request = PlanRequest(
            now: now, from: try loaded.time(from, name: "--from"),
            to: try loaded.time(to, name: "--to", endOfDay: true), units: unit.map { [$0] })
        let plan = loaded.planner.plan(request)
        let renderer = PlanRenderer(iso: loaded.zone.iso)
        switch format {
        case .table: print(renderer.table(plan), terminator: "")
        case .json: print(renderer.json(plan), terminator: "")
        case .ics:
            let zone = loaded.zone
            let export = PlanCalendarExport(utcStamp: { zone.utcStamp($0) }, generatedAt: now)
            FileHandle.standardOutput.write(Data(export.render(plan, renderer: renderer).utf8))
        }
    }
}
