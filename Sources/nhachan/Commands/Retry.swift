import ArgumentParser
import Foundation
import NhacHanCore
import NhacHanOutbox

/// `nhachan retry`: re-queue dead letters once their cause is fixed.
struct Retry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gửi lại các tin lỗi vĩnh viễn (dead letters) sau khi đã sửa nguyên nhân; in số tin được đưa lại vào hàng đợi.",
        discussion: """
            Tin được đưa lại vào hàng đợi với số lần thử về 0 và gửi ở lần đánh thức kế tiếp của `nhachan run` \
            (hoặc ở `nhachan tick`). Tin nhắc trước hạn mà hạn đã qua sẽ hết hiệu lực thay vì gửi muộn.
            """)

    @OptionGroup var options: ConfigOptions
    @Option(help: "Chỉ tin của một đơn vị (id).") var unit: String?
    @Option(help: "Chỉ một tin (khoá của tin hay của thư, xem `nhachan outbox --format json`).") var key: String?

    func run() async throws {
        let loaded = try options.load()
        if let unit, loaded.config.registry.unit(unit) == nil, unit != "coordinator" {
            throw ValidationError("--unit '\(unit)': không có đơn vị này")
        }
        let store = try await loaded.openStore()
        let count = try await store.requeueDead(unit: unit, key: key, now: Int64(Date().timeIntervalSince1970))
        print("đã đưa lại \(count) tin vào hàng đợi (re-queued)")
    }
}
