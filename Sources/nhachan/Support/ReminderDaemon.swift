import Foundation
import Logging
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanOutbox
import NhacHanStore
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The long-running service of `nhachan run`: tick, then sleep until the next due moment.
///
/// The next moment covers planned sends, retries, leases and the coordinator's digest, over a
/// bounded look-ahead. It wakes early for SIGHUP or a changed config file and reloads, keeping
/// the last good config when the new one is invalid or cannot be applied (a CA file that is
/// not PEM, an unreadable template). On SIGTERM it cuts the batch in flight (within about a
/// second), records or gives back every delivery it holds, and returns. It stops with an
/// error when its state file is deleted, emptied or replaced under it.
struct ReminderDaemon: Service {
    let configPath: String
    let initial: LoadedConfig
    let clock: SimulatedClock
    let until: LocalTime?
    let logger: Logger
    /// The state, when the process has opened it already (for its web face).
    var store: (any DeliveryStore)?
    /// Told of every configuration applied on reload (the web face follows it).
    var onReload: @Sendable (LoadedConfig) -> Void = { _ in }

    /// A failure that ends the daemon (exit 1).
    struct Fatal: Error, CustomStringConvertible {
        var description: String
    }

    func run() async throws {
        let reload = Atomic<Bool>(false)
        let signals = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) { reload.store(true, ordering: .relaxed) }
        }
        defer { signals.cancel() }
        let sender = try await initial.openSender(store: store)
        // A state that cannot be reached or read at start is an error (exit 1), not a retry:
        // a wrong URL or password is the operator's to fix. Later outages are retried.
        do {
            try await sender.store.verifyIntact()
        } catch {
            throw Fatal(description: "không mở được kho trạng thái (cannot open the state): \(error)")
        }
        // Another node or command said that work is due (PostgreSQL): wake now, not at the poll.
        let due = Atomic<Bool>(false)
        let dueSignals = Task { [store = sender.store] in
            for await _ in store.dueSignals() { due.store(true, ordering: .relaxed) }
        }
        defer { dueSignals.cancel() }
        // Whether the last look at the state database failed to reach it (logged once per outage).
        let unreachable = Atomic<Bool>(false)
        let stop = StopSignal()
        var runner = sender.runner
        var loaded = initial
        try await withGracefulShutdownHandler {
            var stamps = modificationStamps(loaded.config.files)
            logger.info("nhachan đang chạy", metadata: ["config": "\(configPath)", "now": "\(loaded.zone.iso(clock.now))"])
            while !stop.isStopped {
                let now = clock.now
                if let until, now > until { break }
                try await checkState(sender.store, unreachable: unreachable)
                // A simulated clock stands still while the tick works; the real one cannot.
                clock.pause()
                defer { clock.resume() }
                var worked = false
                do {
                    let summary = try await runner.tick(now: now, stop: stop, clock: { clock.now })
                    worked = summary.enqueued + summary.total > 0
                    if worked { logger.info("\(loaded.zone.iso(now)): \(summary)") }
                    if summary.leaseLost > 0 { logger.warning("\(summary.leaseLost) tin đã bị tiến trình khác nhận lại trước khi ghi kết quả (lease lost)") }
                } catch {
                    logger.error("lượt gửi thất bại (tick failed): \(error)")
                }
                if stop.isStopped { break }
                var wake = (try? await runner.nextWake(after: now)) ?? LocalTime(seconds: now.seconds + 60)
                clock.resume()
                var slept = false
                var slices = 0
                // Sleep in slices, so that a stop, a signal, a changed file or a lost state file is
                // noticed within half a second.
                while !stop.isStopped {
                    if reload.exchange(false, ordering: .relaxed) || modificationStamps(loaded.config.files) != stamps {
                        if let fresh = reloaded(current: loaded, store: sender.store) {
                            (loaded, runner) = fresh
                        }
                        stamps = modificationStamps(loaded.config.files)
                        break
                    }
                    try await checkState(sender.store, unreachable: unreachable)
                    if due.exchange(false, ordering: .relaxed) { break }
                    if clock.now >= wake && (worked || slept) { break }
                    if let until, clock.now > until { break }
                    try? await Task.sleep(for: min(clock.realDuration(until: wake), .milliseconds(500)))
                    slept = true
                    slices += 1
                    // Another process may have made something due (`nhachan retry`): look every 5 s.
                    if slices % 10 == 0, let next = try? await sender.store.nextWakeTime() {
                        wake = min(wake, loaded.zone.local(unix: next))
                    }
                }
            }
        } onGracefulShutdown: {
            stop.stop()
        }
        try? await runner.releaseLeases(now: clock.now)
        withExtendedLifetime(sender.lock) {}
        logger.info("nhachan dừng")
    }

    /// Stops the daemon when its state is gone: writing on would start a fresh state and send
    /// everything again.
    private func checkState(_ store: any DeliveryStore, unreachable: borrowing Atomic<Bool>) async throws {
        do {
            try await store.verifyIntact()
            if unreachable.exchange(false, ordering: .relaxed) { logger.notice("đã kết nối lại cơ sở dữ liệu trạng thái (the state database is back)") }
        } catch let error as StoreError where error.code != .notAState {
            // A database server restarting or out of reach: the ticks fail and are tried again;
            // nothing is lost, since every delivery is still in the database.
            if !unreachable.exchange(true, ordering: .relaxed) {
                logger.error("không kết nối được cơ sở dữ liệu trạng thái, sẽ thử lại (the state database is unreachable; retrying): \(error)")
            }
        } catch {
            logger.critical("trạng thái không còn dùng được, dừng (the state is gone; stopping): \(error)")
            // Exit now: closing the database would checkpoint its WAL into the file, writing over
            // an emptied file the operator must look at. Nothing is in flight between ticks.
            printError("\(configPath): error: \(error)")
            exit(1)
        }
    }

    /// The new configuration and its runner, or `nil` (logged) when it is invalid or cannot be
    /// applied: the last good one stays.
    private func reloaded(current: LoadedConfig, store: any DeliveryStore) -> (LoadedConfig, Runner)? {
        let loader = ConfigLoader()
        guard let config = loader.load(path: configPath), let zone = CivilTimeZone(identifier: config.timezone) else {
            logger.error("cấu hình mới không hợp lệ, giữ cấu hình cũ (invalid config, keeping the last good one):\n\(loader.diagnostics.rendered(loader.diagnostics.errors))")
            return nil
        }
        if config.state != current.config.state {
            logger.warning("state: thay đổi chỉ có hiệu lực khi khởi động lại (a new state location takes effect on restart)")
        }
        let fresh = LoadedConfig(config: config, zone: zone, calendar: CalendarFactory.make(config))
        do {
            let runner = try fresh.makeRunner(store: store)
            onReload(fresh)
            logger.info("đã nạp lại cấu hình", metadata: ["files": "\(config.files.count)"])
            return (fresh, runner)
        } catch {
            logger.error("không áp dụng được cấu hình mới, giữ cấu hình cũ (cannot apply the new config, keeping the last good one): \(error)")
            return nil
        }
    }

    private func modificationStamps(_ files: [String]) -> [Date?] {
        files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate]) as? Date }
    }
}
