public import NhacHanConfig
public import NhacHanCore
public import NhacHanOutbox
import NhacHanDelivery
import Synchronization
import Foundation

/// What the server answers from: the loaded config, its calendar, and the secrets of `http:`
/// resolved once. The daemon swaps it whole on SIGHUP; every request reads one snapshot.
public struct ServerEnvironment: Sendable {
    public var config: Config
    public var zone: CivilTimeZone
    public var calendar: VietnameseCalendar
    public var settings: HTTPSettings
    public var links: MessageLinks
    /// API tokens by value, with the name each belongs to.
    var apiTokens: [(name: String, token: [UInt8])]

    /// Why `http:` cannot be served: a missing section or an unreadable secret.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Resolves the signing key and the API tokens; throws when one is missing or weak.
    public init(config: Config, zone: CivilTimeZone, calendar: VietnameseCalendar) throws(Unavailable) {
        guard let settings = config.http else {
            throw Unavailable(description: "cấu hình không có mục http: (thêm http: với public_url và secret_file để bật trang web)")
        }
        self.config = config
        self.zone = zone
        self.calendar = calendar
        self.settings = settings
        links = try Self.links(config: config, zone: zone)!
        do {
            apiTokens = try settings.apiTokens.map { token in
                let value = try Secrets.resolve(token.token)
                guard value.utf8.count >= 16 else {
                    throw Unavailable(description: "API token '\(token.name)' quá ngắn: cần ít nhất 16 ký tự ngẫu nhiên")
                }
                return (token.name, Array(value.utf8))
            }
        } catch let error as Unavailable {
            throw error
        } catch {
            throw Unavailable(description: "http: \(error)")
        }
    }

    /// The message links the runner puts in reminders, built the same way.
    public static func links(config: Config, zone: CivilTimeZone) throws(Unavailable) -> MessageLinks? {
        guard let settings = config.http else { return nil }
        do {
            return MessageLinks(signer: try LinkSigner(key: try Secrets.bytes(settings.secret)), publicURL: settings.publicURL, zone: zone)
        } catch {
            throw Unavailable(description: "http.secret: \(error)")
        }
    }

    var registry: Registry { config.registry }

    func unitName(_ id: String) -> String { registry.unit(id)?.name ?? id }
}

/// The current environment, swapped whole when the config is reloaded.
public final class ServerState: Sendable {
    private let current: Mutex<ServerEnvironment>

    public init(_ environment: ServerEnvironment) {
        current = Mutex(environment)
    }

    public var environment: ServerEnvironment { current.withLock { $0 } }

    public func replace(with environment: ServerEnvironment) {
        current.withLock { $0 = environment }
    }
}
