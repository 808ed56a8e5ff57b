import ArgumentParser
import NhacHanCore

/// `nhachan holidays`: a year's days off and swapped working days, or a date's lunar date.
struct Holidays: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Liệt kê ngày nghỉ lễ, nghỉ bù và ngày cuối tuần đi làm của một năm, hoặc ngày âm lịch của một ngày.",
        discussion: "Năm có thông báo của Chính phủ đi kèm nhachan dùng thông báo đó; năm khác tính theo Bộ luật Lao động 2019 (điều 112)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "Năm cần liệt kê (\(LunarCalendar.supportedYears.lowerBound)-\(LunarCalendar.supportedYears.upperBound)).")
    var year: Int?

    @Option(help: "table hoặc json.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Ngày âm lịch (lịch Việt Nam, UTC+7) của ngày này.", valueName: "YYYY-MM-DD"))
    var lunar: String?

    @Option(name: .shortAndLong, help: "Cấu hình có calendar.days_off và calendar.working_days cần áp dụng thêm.")
    var config: String?

    func validate() throws {
        switch (year, lunar) {
        case (nil, nil):
            throw ValidationError("Cần --year Y hoặc --lunar YYYY-MM-DD (give --year or --lunar).")
        case (.some, .some):
            throw ValidationError("Chỉ dùng một trong --year và --lunar (give only one of --year and --lunar).")
        case (let year?, nil) where !LunarCalendar.supportedYears.contains(year):
            throw ValidationError("Năm \(year) nằm ngoài khoảng 1900-2199 (year out of range).")
        case (nil, let text?):
            guard let date = CivilDate(iso: text) else {
                throw ValidationError("Ngày không hợp lệ '\(text)': cần một ngày có thật dạng YYYY-MM-DD (invalid date).")
            }
            guard LunarCalendar.supportedYears.contains(date.year) else {
                throw ValidationError("Ngày \(text) nằm ngoài khoảng 1900-2199 (date out of range).")
            }
        default:
            break
        }
    }

    func run() throws {
        if let lunar, let date = CivilDate(iso: lunar) {
            print(format == .json ? HolidayListing.lunarJSON(date) : HolidayListing.lunarText(date))
            return
        }
        guard let year else { return }
        var daysOff: [NamedDay] = [], workingDays: [NamedDay] = []
        if let config {
            let loaded = try ConfigOptions.parse(["--config", config]).load()
            daysOff = loaded.config.calendar.daysOff
            workingDays = loaded.config.calendar.workingDays
        }
        let calendar = VietnameseCalendar(years: year...year, daysOff: daysOff, workingDays: workingDays)
        let days = calendar.nonWorkingDays(inYear: year)
        switch format {
        case .table: print(HolidayListing.table(days, year: year, announced: calendar.hasAnnouncement(forYear: year)))
        case .json: print(HolidayListing.json(days))
        }
    }
}
