public import NhacHanCore

/// What `check` says of a valid configuration: one line, and a warning per undated obligation.
public struct ConfigSummary {
    public var line: String
    public var warnings: [Diagnostic]

    public init(config: Config, calendar: some WorkingCalendar, now: LocalTime) {
        let registry = config.registry
        let tasks = registry.directives.reduce(0) { $0 + $1.tasks.count }
        let window = now.day...now.day.adding(days: 30)
        var upcoming = 0
        for directive in registry.directives {
            for task in directive.tasks {
                guard let due = task.due else { continue }
                let deadlines = Deadline.occurrences(
                    of: due, directive: directive, window: window, rollOver: registry.rollOver, calendar: calendar)
                upcoming += deadlines.count
            }
        }
        line = "\(config.rootPath): hợp lệ: \(registry.units.count) đơn vị, \(registry.groups.count) nhóm, "
            + "\(registry.directives.count) văn bản, \(tasks) nhiệm vụ, \(upcoming) hạn trong 30 ngày tới"
            + (config.undated.isEmpty ? "" : ", \(config.undated.count) nghĩa vụ chưa có ngày")
        warnings = config.undated.map { u in
            Diagnostic(
                .warning, file: u.location.file, line: u.location.line, column: u.location.column,
                message: "nhiệm vụ '\(u.task)' của văn bản '\(u.directive)' không có hạn cụ thể (\"\(u.phrase)\"): nhachan không nhắc nghĩa vụ này; hãy ghi ngày khi biết hạn")
        }
    }
}
