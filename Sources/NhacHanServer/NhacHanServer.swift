public import Hummingbird
import Logging

/// The web face (DESIGN §4.1): ack links, the coordinator's status page and exports, calendar
/// feeds, the e-office API, `/metrics` and `/healthz`.
///
/// It listens on `http.listen` (loopback by default; a TLS reverse proxy faces the Internet),
/// inside `nhachan run` or alone as `nhachan serve`.
public struct NhacHanServer: Sendable {
    public var context: ServerContext

    public init(context: ServerContext) {
        self.context = context
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog(context: context))
        AckRoutes(server: context).register(on: router)
        CoordinatorRoutes(server: context).register(on: router)
        ExportRoutes(server: context).register(on: router)
        CalendarRoutes(server: context).register(on: router)
        APIRoutes(server: context).register(on: router)
        OperationsRoutes(server: context).register(on: router)
        return router
    }

    /// The application, a service of the daemon's service group.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let settings = context.state.environment.settings
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: context.logger)
    }
}
