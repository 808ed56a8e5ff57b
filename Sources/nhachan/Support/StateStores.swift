import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanStore

/// Opens a state by its location: an SQLite file, or a PostgreSQL database with its password
/// resolved from the config's reference (never from the URL).
enum StateStores {
    static func open(_ location: StateLocation, connection: StateConnection) async throws -> any DeliveryStore {
        switch location {
        case .sqlite(let path):
            return try SQLiteDeliveryStore(path: path)
        case .postgres(let url):
            let password = try connection.password.map { try Secrets.resolve($0) }
            return try await PostgresDeliveryStore.open(url: url, password: password, caFile: connection.caFile)
        }
    }

    /// A PostgreSQL store whose pool the caller runs in its service group (`nhachan run`); it
    /// asks nothing of the database before the group starts.
    static func postgresInGroup(url: String, connection: StateConnection) throws -> PostgresDeliveryStore {
        let password = try connection.password.map { try Secrets.resolve($0) }
        return try PostgresDeliveryStore(url: url, password: password, caFile: connection.caFile, poolInGroup: true)
    }
}
