import ArgumentParser
import Foundation
import Logging
import NhacHanCore
import NhacHanServer
import NhacHanStore
import Prometheus
import ServiceLifecycle

/// The web face of `run` and `serve`: the server, its current environment, and the metrics
/// registry that `/metrics` exports.
struct WebFace {
    let state: ServerState
    let server: NhacHanServer
    let logger: Logger

    /// Builds the face for `loaded`; a missing key or token is printed and exits 1.
    init(loaded: LoadedConfig, store: any DeliveryStore, clock: @escaping @Sendable () -> Int64, metrics: PrometheusCollectorRegistry, logger: Logger) throws {
        do {
            state = ServerState(try ServerEnvironment(config: loaded.config, zone: loaded.zone, calendar: loaded.calendar))
        } catch {
            printError("\(loaded.config.rootPath): error: \(error)")
            throw ExitCode(1)
        }
        self.logger = logger
        server = NhacHanServer(context: ServerContext(state: state, store: store, clock: clock, metrics: metrics, logger: logger))
    }

    /// The HTTP server, as a service of the process's service group.
    func service() -> some Service {
        let logger = self.logger
        let host = state.environment.settings.host
        return server.application { port in
            logger.notice("trang web đang nghe tại http://\(host):\(port) (listening)")
        }
    }

    /// Follows a reloaded config; keeps the current one when the new one cannot be served.
    func follow(_ loaded: LoadedConfig) {
        do {
            let fresh = try ServerEnvironment(config: loaded.config, zone: loaded.zone, calendar: loaded.calendar)
            let old = state.environment.settings
            if fresh.settings.host != old.host || fresh.settings.port != old.port {
                logger.warning("http.listen: địa chỉ mới chỉ có hiệu lực khi khởi động lại (a new listen address takes effect on restart)")
            }
            state.replace(with: fresh)
        } catch {
            logger.error("trang web giữ cấu hình cũ (the web face keeps the last good config): \(error)")
        }
    }
}
