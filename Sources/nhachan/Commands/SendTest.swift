import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanOutbox

/// `nhachan send-test`: one test message on each of a unit's channels.
struct SendTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test", abstract: "Gửi một tin thử trên từng kênh của một đơn vị và in kết quả từng kênh.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Đơn vị (id).") var unit: String

    func run() async throws {
        let loaded = try options.load()
        guard let target = loaded.config.registry.unit(unit) else {
            throw ValidationError("--unit '\(unit)': không có đơn vị này")
        }
        let results = try await ChannelCheck(config: loaded.config, zone: loaded.zone).sendTest(to: target)
        var failed = false
        for result in results {
            print("\(result.channel): \(result.ok ? "OK" : "LỖI") \(result.detail)")
            failed = failed || !result.ok
        }
        if results.isEmpty { print("đơn vị \(unit) chưa có kênh gửi nào (no channels)") }
        if failed { throw ExitCode(1) }
    }
}
