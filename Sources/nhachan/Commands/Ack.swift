import ArgumentParser
import NhacHanCore
import NhacHanOutbox

/// `nhachan ack`: record that a unit (or every member of a group) has reported.
struct Ack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ghi nhận đơn vị đã báo cáo: dừng mọi lời nhắc sau đó, kể cả tin đã vào hàng đợi.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Văn bản (id).") var directive: String
    @Option(help: "Đơn vị hoặc nhóm (id); nhóm: ghi nhận cho mọi thành viên.") var unit: String
    @Option(help: "Chỉ một nhiệm vụ (id); mặc định: mọi nhiệm vụ của đơn vị trong văn bản.") var task: String?
    @Option(help: "Thời điểm báo cáo (ISO 8601); mặc định: bây giờ.") var at: String?
    @Option(help: "Ghi chú.") var note: String?

    func run() throws {
        let loaded = try options.load()
        let at = try loaded.now(at)
        let (outbox, lock) = try loaded.openOutbox()
        defer { withExtendedLifetime(lock) {} }
        do {
            let results = try outbox.ack(directive: directive, unit: unit, task: task, at: at, note: note)
            for r in results { print("đã ghi nhận: \(r.unit) báo cáo \(directive)/\(r.task) (hạn \(r.occurrence)) lúc \(loaded.zone.iso(at))") }
        } catch let error as Outbox.AckError {
            throw ValidationError(error.description)
        }
    }
}

/// `nhachan unack`: take back an acknowledgement.
struct Unack: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bỏ ghi nhận báo cáo của đơn vị (nhắc lại như trước).")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Văn bản (id).") var directive: String
    @Option(help: "Đơn vị hoặc nhóm (id).") var unit: String
    @Option(help: "Chỉ một nhiệm vụ (id).") var task: String?

    func run() throws {
        let loaded = try options.load()
        let (outbox, lock) = try loaded.openOutbox()
        defer { withExtendedLifetime(lock) {} }
        let removed = try outbox.unack(directive: directive, unit: unit, task: task)
        print("đã bỏ \(removed) ghi nhận")
    }
}
