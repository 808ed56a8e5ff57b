import ArgumentParser
import Foundation
import NhacHanConfig
import NhacHanCore

/// `--config`, shared by every command that reads the configuration.
struct ConfigOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Tệp cấu hình gốc.")
    var config: String = "nhachan.yaml"

    /// Loads the configuration or prints every diagnostic and exits 2. Only `check` asks for
    /// warnings about unset secrets; no command resolves a secret while loading.
    func load(reportingMissingSecrets: Bool = false) throws -> LoadedConfig {
        var loader = ConfigLoader()
        loader.reportsMissingSecrets = reportingMissingSecrets
        guard let config = loader.load(path: config) else {
            printError(loader.diagnostics.rendered(loader.diagnostics.diagnostics))
            let count = loader.diagnostics.errors.count + loader.diagnostics.suppressed
            let more = loader.diagnostics.suppressed > 0 ? " (\(loader.diagnostics.suppressed) lỗi sau không in ra)" : ""
            printError("\(count) lỗi trong cấu hình\(more); chưa có gì được gửi.")
            throw ExitCode(2)
        }
        for warning in loader.diagnostics.warnings { printError(warning.description) }
        guard let zone = CivilTimeZone(identifier: config.timezone) else { throw ExitCode(2) }
        return LoadedConfig(config: config, zone: zone, calendar: CalendarFactory.make(config))
    }

    /// The configuration read again (SIGHUP), or `nil` with its errors on standard error.
    static func reload(path: String) throws -> LoadedConfig? {
        let loader = ConfigLoader()
        guard let config = loader.load(path: path), let zone = CivilTimeZone(identifier: config.timezone) else {
            printError(loader.diagnostics.rendered(loader.diagnostics.errors))
            return nil
        }
        return LoadedConfig(config: config, zone: zone, calendar: CalendarFactory.make(config))
    }
}

/// A configuration with what every command derives from it.
struct LoadedConfig {
    var config: Config
    var zone: CivilTimeZone
    var calendar: VietnameseCalendar

    var planner: Planner<VietnameseCalendar> { Planner(registry: config.registry, calendar: calendar) }

    /// `--now`, or the clock.
    func now(_ option: String?) throws -> LocalTime {
        guard let option else { return zone.local(Date()) }
        guard let time = zone.parse(option) else {
            throw ValidationError("--now '\(option)' không phải thời điểm ISO 8601 (2024-03-01 hoặc 2024-03-01T08:00+07:00)")
        }
        return time
    }

    func time(_ option: String?, name: String, endOfDay: Bool = false) throws -> LocalTime? {
        guard let option else { return nil }
        guard var time = zone.parse(option) else {
            throw ValidationError("\(name) '\(option)' không phải ngày hay thời điểm ISO 8601 (2024-03-01)")
        }
        if endOfDay && !option.contains("T") { time = LocalTime(seconds: time.seconds + 86_399) }
        return time
    }
}

/// The working-day calendar a configuration asks for.
enum CalendarFactory {
    /// Vietnamese public holidays and announcements, under the config's own days off and working days.
    static func make(_ config: Config) -> VietnameseCalendar {
        VietnameseCalendar(daysOff: config.calendar.daysOff, workingDays: config.calendar.workingDays)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
