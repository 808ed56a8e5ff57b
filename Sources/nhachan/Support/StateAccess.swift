import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanOutbox
import NhacHanServer
import NhacHanStore

extension LoadedConfig {
    /// The configured state store, for readers and acks: no lock, no delivery secrets.
    /// A failure to open it is a runtime failure (exit 1) that says what failed.
    func openStore() async throws -> any DeliveryStore {
        do {
            return try await StateStores.open(config.state, connection: config.stateConnection)
        } catch {
            throw cannotOpen(error)
        }
    }

    /// For `run`: a PostgreSQL state whose pool the daemon's service group runs (nothing is
    /// asked of the database yet); `nil` for an SQLite file.
    func openPostgresForGroup() throws -> PostgresDeliveryStore? {
        guard case .postgres(let url) = config.state else { return nil }
        do {
            return try StateStores.postgresInGroup(url: url, connection: config.stateConnection)
        } catch {
            throw cannotOpen(error)
        }
    }

    private func cannotOpen(_ error: any Error) -> ExitCode {
        printError("\(config.rootPath): error: không mở được kho trạng thái (cannot open the state): \(error)")
        return ExitCode(1)
    }

    /// What a sending command (`tick`, `run`, `retry`) holds: the sender lock of an SQLite
    /// state, the store, and a runner whose transports have their secrets resolved.
    struct Sender {
        var lock: SenderLock?
        var store: any DeliveryStore
        var runner: Runner
    }

    /// Opens the store (which makes its folder) unless one is given, takes the sender lock, gives
    /// back leases a crashed sender left, and builds the transports. Every failure says what
    /// failed and exits 1. One process opens its state once: `run` shares it with its web face.
    func openSender(store given: (any DeliveryStore)? = nil) async throws -> Sender {
        let store: any DeliveryStore
        if let given { store = given } else { store = try await openStore() }
        var lock: SenderLock?
        if case .sqlite(let path) = config.state {
            do {
                lock = try SenderLock(path: path + ".lock")
            } catch {
                printError("\(path): error: \(error)")
                throw ExitCode(1)
            }
        }
        if lock != nil { try await store.releaseLeases(owner: nil, now: Int64(Date().timeIntervalSince1970)) }
        return Sender(lock: lock, store: store, runner: try runner(store: store))
    }

    /// A runner on `store` with freshly built transports; throws (printed, exit 1) when the
    /// transports cannot be built: a CA file that is not PEM, an unreadable template.
    func runner(store: any DeliveryStore) throws -> Runner {
        do {
            return try makeRunner(store: store)
        } catch {
            printError("\(config.rootPath): error: \(error)")
            throw ExitCode(1)
        }
    }

    /// A runner with its transports and, when `http:` is configured, the signed links it puts
    /// in every reminder; throws what cannot be built.
    func makeRunner(store: any DeliveryStore) throws -> Runner {
        var runner = Runner(config: config, zone: zone, calendar: calendar, store: store, channels: try Transports(config: config))
        runner.links = try ServerEnvironment.links(config: config, zone: zone)
        return runner
    }

    func acknowledgements(store: any DeliveryStore) -> Acknowledgements {
        Acknowledgements(registry: config.registry, calendar: calendar, zone: zone, store: store)
    }
}
