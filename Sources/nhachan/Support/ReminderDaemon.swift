import Foundation
import Logging
import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import ServiceLifecycle
import UnixSignals
import Synchronization

/// The long-running service of `nhachan run`: tick, then sleep until the next due moment.
///
/// It wakes early for SIGHUP or a changed config file, reloads (keeping the last good config
/// when the new one is invalid), and on SIGTERM finishes the tick in flight, gives back its
/// leases and returns.
struct ReminderDaemon: Service {
    let configPath: String
    let initial: LoadedConfig
    let clock: SimulatedClock
    let until: LocalTime?
    let logger: Logger

    func run() async throws {
        let reload = Atomic<Bool>(false)
        let signals = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) { reload.store(true, ordering: .relaxed) }
        }
        defer { signals.cancel() }
        var loaded = initial
        var (outbox, lock) = try loaded.openOutbox()
        var stamps = modificationStamps(loaded.config.files)
        logger.info("nhachan đang chạy", metadata: ["config": "\(configPath)", "now": "\(loaded.zone.iso(clock.now))"])
        while !Task.isShuttingDownGracefully {
            let now = clock.now
            if let until, now > until { break }
            do {
                let summary = try await outbox.tick(now: now)
                if summary.enqueued + summary.counts.values.reduce(0, +) > 0 {
                    logger.info("\(loaded.zone.iso(now)): \(summary)")
                }
            } catch {
                logger.error("tick thất bại: \(error)")
            }
            let wake = (try? outbox.nextWake(after: now)) ?? nil
            // Sleep in slices so that a signal or a changed file is noticed within a second.
            while !Task.isShuttingDownGracefully {
                if reload.exchange(false, ordering: .relaxed) || modificationStamps(loaded.config.files) != stamps {
                    if let fresh = reloaded(current: loaded) {
                        withExtendedLifetime(lock) {}
                        lock = nil
                        loaded = fresh
                        (outbox, lock) = try loaded.openOutbox()
                    }
                    stamps = modificationStamps(loaded.config.files)
                    break
                }
                let target = wake ?? LocalTime(seconds: clock.now.seconds + 3600)
                if clock.now >= target { break }
                if let until, clock.now > until { break }
                try? await Task.sleep(for: min(clock.realDuration(until: target), .seconds(1)))
            }
        }
        try? outbox.releaseLeases(now: clock.now)
        withExtendedLifetime(lock) {}
        logger.info("nhachan dừng")
    }

    /// The new configuration, or `nil` (logged) when it is invalid: the last good one stays.
    private func reloaded(current: LoadedConfig) -> LoadedConfig? {
        let loader = ConfigLoader()
        guard let config = loader.load(path: configPath), let zone = CivilTimeZone(identifier: config.timezone) else {
            logger.error("cấu hình mới không hợp lệ, giữ cấu hình cũ:\n\(loader.diagnostics.rendered(loader.diagnostics.errors))")
            return nil
        }
        logger.info("đã nạp lại cấu hình", metadata: ["files": "\(config.files.count)"])
        return LoadedConfig(config: config, zone: zone, calendar: CalendarFactory.make(config))
    }

    private func modificationStamps(_ files: [String]) -> [Date?] {
        files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate]) as? Date }
    }
}
