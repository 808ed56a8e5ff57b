import ArgumentParser
import Foundation

/// `nhachan`: deadline reminders for Vietnamese public offices.
@main
struct Nhachan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhachan",
        abstract: "Nhắc hạn: nhắc các đơn vị báo cáo đúng hạn theo lịch làm việc Việt Nam.",
        discussion: """
            Đọc cấu hình YAML (đơn vị, nhóm, văn bản chỉ đạo, chính sách nhắc), tính lịch nhắc cho từng \
            đơn vị theo ngày làm việc, gửi email và webhook, ghi nhận ai đã báo cáo.
            Mã thoát: 0 thành công, 1 lỗi khi chạy, 2 dữ liệu vào không hợp lệ.
            """,
        version: "0.1.0",
        subcommands: commands
    )

    /// Runs the command and maps every failure to the exit codes of DESIGN.md §4: 2 for bad input.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            let mapped: Int32 = code == .validationFailure ? 2 : code.rawValue
            Foundation.exit(mapped)
        }
    }
}
