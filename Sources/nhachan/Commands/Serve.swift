import ArgumentParser
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import UnixSignals

/// `nhachan serve`: the web face alone, beside a daemon on another machine or a `tick` timer.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chỉ chạy trang web (liên kết xác nhận, trang tình hình, lịch, API, /metrics, /healthz); `run` đã tự chạy nó khi có http:.",
        discussion: """
            Nghe tại http.listen (mặc định 127.0.0.1:8080); đặt một reverse proxy TLS (nginx, Caddy) phía trước khi mở ra Internet. \
            Không gửi gì và không giữ khóa gửi: chạy được bên cạnh `nhachan run` hay `nhachan tick`. \
            Nạp lại cấu hình khi nhận SIGHUP; dừng gọn khi nhận SIGTERM.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Đồng hồ mô phỏng bắt đầu tại thời điểm này (ISO 8601), để thử.")
    var now: String?

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let loaded = try options.load()
        let clock = SimulatedClock(start: now == nil ? nil : try loaded.now(now), speed: 1, zone: loaded.zone)
        let web = try WebFace(
            loaded: loaded, store: try await loaded.openStore(), clock: { [zone = loaded.zone] in zone.unix(clock.now) },
            metrics: PrometheusCollectorRegistry(), logger: Logger(label: "nhachan.http"))
        let reloads = Task { [configPath = options.config] in
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                if let fresh = try? ConfigOptions.reload(path: configPath) { web.follow(fresh) }
            }
        }
        defer { reloads.cancel() }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: web.service())], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: Logger(label: "nhachan.lifecycle")))
        do {
            try await group.run()
        } catch {
            printError("\(options.config): error: \(error)")
            throw ExitCode(1)
        }
    }
}
