import ArgumentParser
import NhacHanConfig
import NhacHanCore

/// `nhachan check`: validate everything, then say what the configuration holds.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra cấu hình: mọi lỗi cùng lúc (TỆP:DÒNG:CỘT), hoặc một dòng tóm tắt.")

    @OptionGroup var options: ConfigOptions

    @Option(help: "Thời điểm hiện tại (ISO 8601), để đếm các hạn trong 30 ngày tới.")
    var now: String?

    /// The first deadline of each year, from a year ago on, whose holidays follow the rules
    /// only (no shipped announcement): the year, the task, and where its `due:` is written.
    func unannouncedYears(_ loaded: LoadedConfig, now: LocalTime) -> [(year: Int, directive: String, task: String, location: Location?)] {
        let registry = loaded.config.registry
        let window = now.day.adding(days: -366)...now.day.adding(days: 3 * 366)
        var first: [Int: (year: Int, directive: String, task: String, location: Location?)] = [:]
        for directive in registry.directives {
            for task in directive.tasks {
                guard let due = task.due else { continue }
                for deadline in Deadline.occurrences(of: due, directive: directive, window: window, rollOver: registry.rollOver, calendar: loaded.calendar) {
                    let year = deadline.effective.year
                    if first[year] == nil && !loaded.calendar.hasAnnouncement(forYear: year) {
                        first[year] = (year, directive.id, task.id, loaded.config.dueLocations["\(directive.id)/\(task.id)"])
                    }
                }
            }
        }
        return first.keys.sorted().map { first[$0]! }
    }

    func run() throws {
        let loaded = try options.load(reportingMissingSecrets: true)
        let now = try loaded.now(now)
        let summary = ConfigSummary(config: loaded.config, calendar: loaded.calendar, now: now)
        for warning in summary.warnings { printError(warning.description) }
        for found in unannouncedYears(loaded, now: now) {
            let place = found.location.map(\.description) ?? loaded.config.rootPath
            printError("\(place): warning: hạn của nhiệm vụ '\(found.task)' (văn bản '\(found.directive)') rơi vào năm \(found.year), năm chưa có lịch nghỉ do Chính phủ công bố trong nhachan: "
                + "ngày nghỉ được tính theo Bộ luật Lao động; khi có thông báo, thêm vào calendar.days_off và calendar.working_days")
        }
        print(summary.line)
    }
}
