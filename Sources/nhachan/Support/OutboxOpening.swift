import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import NhacHanStore

extension LoadedConfig {
    /// The configured state store; a failure to open it is a runtime failure (exit 1).
    func openStore() throws -> any DeliveryStore {
        switch config.state {
        case .sqlite(let path):
            do {
                return try SQLiteDeliveryStore(path: path)
            } catch {
                printError("\(path): error: không mở được cơ sở dữ liệu trạng thái (cannot open the state database): \(error)")
                throw ExitCode(1)
            }
        case .postgres:
            printError("\(config.rootPath): error: state: postgres:// chưa được hỗ trợ trong bản này; dùng sqlite:PATH (PostgreSQL is not supported yet)")
            throw ExitCode(1)
        }
    }

    /// The outbox, with the single-runner lock of the SQLite state taken and leases left by a crash given back.
    func openOutbox() throws -> (Outbox, ProcessLock?) {
        var lock: ProcessLock?
        if case .sqlite(let path) = config.state {
            lock = ProcessLock(path: path + ".lock")
            if lock == nil {
                printError("\(path): error: một tiến trình nhachan khác đang dùng tệp trạng thái này (another nhachan holds \(path).lock)")
                throw ExitCode(1)
            }
        }
        let store = try openStore()
        if lock != nil { try store.releaseLeases(owner: nil, now: Int64(Date().timeIntervalSince1970)) }
        do {
            return (try Outbox(config: config, zone: zone, calendar: calendar, store: store), lock)
        } catch {
            printError("\(config.rootPath): error: \(error)")
            throw ExitCode(1)
        }
    }
}
