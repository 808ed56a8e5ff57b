import ArgumentParser
import NhacHanCore
import NhacHanOutbox

/// `nhachan tick`: plan, enqueue, deliver and retry what is due, then exit (cron, systemd timers).
struct Tick: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lập lịch, đưa vào hàng đợi, gửi và thử lại những gì đến hạn, rồi thoát.",
        discussion: "Thoát 0 cả khi có tin gửi lỗi (đã được ghi lại); 1 khi không làm việc được (trạng thái không đọc được); 2 khi cấu hình sai.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Thời điểm hiện tại (ISO 8601), thay cho đồng hồ: để mô phỏng một đợt.")
    var now: String?

    func run() async throws {
        let loaded = try options.load()
        let now = try loaded.now(now)
        let sender = try await loaded.openSender()
        defer { withExtendedLifetime(sender.lock) {} }
        let summary = try await sender.runner.tick(now: now)
        print("\(loaded.zone.iso(now)): \(summary)")
    }
}
