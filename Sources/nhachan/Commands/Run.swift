import ArgumentParser
import Foundation
import Logging
import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import NhacHanStore
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization

/// `nhachan run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Chạy nền: ngủ đến lần gửi, thử lại hay bản tổng hợp kế tiếp, nạp lại cấu hình khi nhận SIGHUP hoặc khi tệp đổi, dừng gọn khi nhận SIGTERM.",
        discussion: """
            Đây là cách triển khai chuẩn (deploy/nhachan.service). Khi đang chạy, các lệnh status, outbox, plan, ack, unack vẫn dùng được. \
            SIGTERM dừng trong vòng 2 giây: tin đang gửi được ghi kết quả hoặc trả lại hàng đợi. \
            Dừng với lỗi (mã 1) khi tệp trạng thái bị xoá, làm rỗng hay thay thế. --until: thoát 0 khi đồng hồ qua thời điểm đó. \
            Với state: postgres://…, nhiều tiến trình run (trên nhiều máy) dùng chung một hàng đợi, mỗi tin do một tiến trình gửi; \
            tin mà một tiến trình chết đang giữ được tiến trình khác nhận lại sau khoảng 45 giây (có thể gửi lại, cùng khoá); \
            mất kết nối cơ sở dữ liệu thì thử lại.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Bắt đầu đồng hồ mô phỏng tại thời điểm này (ISO 8601).")
    var now: String?

    @Option(help: "Tốc độ đồng hồ mô phỏng: 86400 chạy một ngày mỗi giây.")
    var speed: Double = 1

    @Option(help: "Dừng khi đồng hồ (mô phỏng) qua thời điểm này; để chạy thử.")
    var until: String?

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let loaded = try options.load()
        guard speed > 0 else { throw ValidationError("--speed phải lớn hơn 0") }
        let start = try loaded.now(now)
        let stop = try loaded.time(until, name: "--until")
        let clock = SimulatedClock(start: now == nil ? nil : start, speed: speed, zone: loaded.zone)
        var daemon = ReminderDaemon(configPath: options.config, initial: loaded, clock: clock, until: stop, logger: Logger(label: "nhachan"))
        // PostgreSQL's pool is a service of the group, registered first so that it is shut down
        // last: the daemon still records its batch and gives its leases back after SIGTERM.
        var pool: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let postgres = try loaded.openPostgresForGroup() {
            daemon.store = postgres
            if let service = postgres.poolService { pool = [.init(service: service)] }
        }
        // The daemon returning (at --until) ends the group with success, not as a failure.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = pool + [
            .init(service: daemon, successTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if loaded.config.http != nil {
            // The runner's sends are counted into the registry that /metrics exports.
            let metrics = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
            // One store for the whole process: the daemon and its web face share it.
            let store: any DeliveryStore
            if let opened = daemon.store { store = opened } else { store = try await loaded.openStore() }
            daemon.store = store
            let web = try WebFace(
                loaded: loaded, store: store, clock: { [zone = loaded.zone] in zone.unix(clock.now) }, metrics: metrics,
                logger: Logger(label: "nhachan.http"))
            daemon.onReload = { web.follow($0) }
            services = pool + [.init(service: daemon, successTerminationBehavior: .gracefullyShutdownGroup), .init(service: web.service())]
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "nhachan.lifecycle")))
        do {
            try await group.run()
        } catch let error as ReminderDaemon.Fatal {
            printError("\(options.config): error: \(error)")
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(options.config): error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// The clock of `run`: the real one, or one that starts at `--now` and runs `--speed` times faster.
///
/// A fast simulated clock stands still while the daemon works (`pause`/`resume` around a tick),
/// so a simulation sends at the same simulated instants however fast the machine is: at two days
/// a second, a tick of 100 ms would otherwise let nearly five simulated hours pass. At `--speed 1`
/// it runs on like the real one, so that leases run out in real time (nodes of a test, each with
/// its own `--now`, take over a dead node's claims as real nodes do).
final class SimulatedClock: Sendable {
    let start: LocalTime?
    let speed: Double
    let zone: CivilTimeZone
    let origin = ContinuousClock.now
    /// Real time spent paused, and when the current pause began.
    private let paused = Mutex<(total: Duration, since: ContinuousClock.Instant?)>((.zero, nil))

    init(start: LocalTime?, speed: Double, zone: CivilTimeZone) {
        self.start = start
        self.speed = start == nil ? 1 : speed
        self.zone = zone
    }

    var now: LocalTime {
        guard let start else { return zone.local(Date()) }
        let elapsed = paused.withLock { state in
            (state.since ?? ContinuousClock.now) - origin - state.total
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return LocalTime(seconds: start.seconds + Int(seconds * speed))
    }

    /// Stops a simulated clock; the real one goes on.
    func pause() {
        guard start != nil, speed > 1 else { return }
        paused.withLock { if $0.since == nil { $0.since = ContinuousClock.now } }
    }

    func resume() {
        guard start != nil, speed > 1 else { return }
        paused.withLock { state in
            if let since = state.since {
                state.total += ContinuousClock.now - since
                state.since = nil
            }
        }
    }

    /// Real time until the clock reads `time`.
    func realDuration(until time: LocalTime) -> Duration {
        let simulated = max(0, time.seconds - now.seconds)
        return .milliseconds(Int64(Double(simulated) * 1000 / speed))
    }
}
