import ArgumentParser
import NhacHanCore
import NhacHanOutbox

/// `nhachan ack`: record that a unit (or every member of a group) has reported.
struct Ack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ghi nhận đơn vị đã báo cáo: dừng mọi lời nhắc sau đó, kể cả tin đã vào hàng đợi.",
        discussion: "Chạy được khi `nhachan run` đang chạy; không cần mật khẩu SMTP. Ghi nhận lần hai cho cùng hạn không thay đổi gì.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Văn bản (id).") var directive: String
    @Option(help: "Đơn vị hoặc nhóm (id); nhóm: ghi nhận cho mọi thành viên.") var unit: String
    @Option(help: "Chỉ một nhiệm vụ (id); mặc định: mọi nhiệm vụ của đơn vị trong văn bản.") var task: String?
    @Option(help: "Thời điểm báo cáo (ISO 8601); mặc định: bây giờ.") var at: String?
    @Option(help: "Ghi chú.") var note: String?

    func run() async throws {
        let loaded = try options.load()
        let at = try loaded.now(at)
        let acks = loaded.acknowledgements(store: try await loaded.openStore())
        do {
            for r in try await acks.record(directive: directive, unit: unit, task: task, at: at, note: note, via: "cli") {
                let what = "\(r.unit) báo cáo \(directive)/\(r.task) (hạn \(r.occurrence))"
                print(r.isNew ? "đã ghi nhận: \(what) lúc \(loaded.zone.iso(at))" : "đã ghi nhận từ trước: \(what)")
            }
        } catch let error as Acknowledgements.Refusal {
            throw ValidationError(error.description)
        }
    }
}

/// `nhachan unack`: take back an acknowledgement.
struct Unack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bỏ ghi nhận báo cáo của đơn vị (nhắc lại như trước).")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Văn bản (id).") var directive: String
    @Option(help: "Đơn vị hoặc nhóm (id).") var unit: String
    @Option(help: "Chỉ một nhiệm vụ (id).") var task: String?

    func run() async throws {
        let loaded = try options.load()
        let acks = loaded.acknowledgements(store: try await loaded.openStore())
        do {
            let removed = try await acks.remove(directive: directive, unit: unit, task: task)
            print("đã bỏ \(removed) ghi nhận")
        } catch let error as Acknowledgements.Refusal {
            throw ValidationError(error.description)
        }
    }
}
