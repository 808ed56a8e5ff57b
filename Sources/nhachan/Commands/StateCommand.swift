import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanStore

/// `nhachan state`: operations on a whole state.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Thao tác trên toàn bộ kho trạng thái.", subcommands: [Migrate.self])

    /// `nhachan state migrate --from URL --to URL`: a whole state from one store to another.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chép toàn bộ trạng thái (tin, lịch sử, xác nhận, bản tổng hợp) từ kho này sang kho khác, ví dụ sqlite:nhachan.db sang postgres://…",
            discussion: """
                Kho đích phải rỗng. Dừng `nhachan run` trước khi chép, rồi đổi state: trong cấu hình sang kho mới: \
                lượt gửi kế tiếp không gửi lại gì. Mật khẩu PostgreSQL đọc từ biến môi trường (--password-env), không bao giờ từ URL.
                """)

        @Option(help: "Kho nguồn: sqlite:ĐƯỜNG_DẪN hoặc postgres://USER@HOST/DB.") var from: String
        @Option(help: "Kho đích (rỗng): sqlite:ĐƯỜNG_DẪN hoặc postgres://USER@HOST/DB.") var to: String
        @Option(help: "Biến môi trường chứa mật khẩu PostgreSQL.") var passwordEnv = "NHACHAN_PG_PASSWORD"
        @Option(help: "Tệp CA để tin thêm khi kết nối PostgreSQL qua TLS.") var caFile: String?

        func run() async throws {
            guard let source = StateLocation(parsing: from), let target = StateLocation(parsing: to) else {
                throw ValidationError("--from và --to phải là sqlite:ĐƯỜNG_DẪN hoặc postgres://USER@HOST/DB")
            }
            guard source != target else { throw ValidationError("--from và --to là cùng một kho") }
            if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("--from \(from): không có tệp trạng thái này")
            }
            let connection = StateConnection(
                password: ProcessInfo.processInfo.environment[passwordEnv] == nil ? nil : .environment(passwordEnv), caFile: caFile)
            do {
                let started = ContinuousClock.now
                let snapshot = try await StateStores.open(source, connection: connection).exportState()
                let store = try await StateStores.open(target, connection: connection)
                try await store.importState(snapshot)
                let copied = try await store.exportState()
                guard copied.deliveries.count == snapshot.deliveries.count, copied.acks.count == snapshot.acks.count,
                      copied.meta == snapshot.meta
                else {
                    printError("error: kho đích không khớp kho nguồn sau khi chép (the copy does not match)")
                    throw ExitCode(1)
                }
                let elapsed = ContinuousClock.now - started
                print("đã chép \(snapshot.deliveries.count) tin, \(snapshot.acks.count) xác nhận, \(snapshot.meta.count) ghi chú "
                    + "trong \(elapsed.components.seconds) giây (deliveries, acks, notes copied)")
            } catch let error as StoreError where error.code == .notEmpty {
                printError("error: \(error)")
                throw ExitCode(2)
            } catch let error as ExitCode {
                throw error
            } catch {
                printError("error: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
