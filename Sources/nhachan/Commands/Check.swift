import ArgumentParser
import NhacHanConfig
import NhacHanCore

/// `nhachan check`: validate everything, then say what the configuration holds.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra cấu hình: mọi lỗi cùng lúc (TỆP:DÒNG:CỘT), hoặc một dòng tóm tắt.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Thời điểm hiện tại (ISO 8601), để đếm các hạn trong 30 ngày tới.")
    var now: String?

    func run() throws {
        let loaded = try options.load()
        let now = try loaded.now(now)
        let summary = ConfigSummary(config: loaded.config, calendar: loaded.calendar, now: now)
        for warning in summary.warnings { printError(warning.description) }
        print(summary.line)
    }
}
