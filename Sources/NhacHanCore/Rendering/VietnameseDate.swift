/// Dates as Vietnamese offices write them: "Thứ Sáu, 29/3/2024".
public enum VietnameseDate {
    /// ISO weekday (1 Monday ... 7 Sunday) to its Vietnamese name.
    public static func weekdayName(_ weekday: Int) -> String {
        ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][(weekday - 1) % 7]
    }

    /// `29/3/2024`: day and month without leading zeros, as directives write them.
    public static func short(_ date: CivilDate) -> String {
        let (y, m, d) = date.components
        return "\(d)/\(m)/\(y)"
    }

    /// `Thứ Sáu, 29/3/2024`.
    public static func long(_ date: CivilDate) -> String {
        "\(weekdayName(date.weekday)), \(short(date))"
    }

    /// `còn 3 ngày`, `hôm nay là hạn chót`, `đã quá hạn 2 ngày`.
    public static func daysLeft(_ days: Int) -> String {
        days > 0 ? "còn \(days) ngày" : days == 0 ? "hôm nay là ngày cuối" : "đã quá hạn \(-days) ngày"
    }
}

extension StageKind {
    /// How `plan`, emails and chat messages name the stage: the one label table of the product.
    /// Messages capitalise it at the start of a line (``vietnameseTitle``).
    public var vietnameseLabel: String {
        switch self {
        case .before: "nhắc trước hạn"
        case .due: "đến hạn"
        case .overdue: "quá hạn"
        case .escalation: "quá hạn, báo lãnh đạo"
        case .lateNotice: "thông báo muộn"
        case .digest: "tổng hợp"
        }
    }

    /// The label with a capital first letter: "Đến hạn".
    public var vietnameseTitle: String {
        let label = vietnameseLabel
        return label.prefix(1).uppercased() + label.dropFirst()
    }
}

extension VietnameseDate {
    /// `04/4/2024`, `15/01/2024`: as Decree 30/2020/NĐ-CP writes dates in a document, a day below
    /// 10 and the months 1 and 2 with a leading zero. Messages quote deadlines this way.
    public static func numeric(year: Int, month: Int, day: Int) -> String {
        let dd = day < 10 ? "0\(day)" : "\(day)"
        let mm = month <= 2 ? "0\(month)" : "\(month)"
        return "\(dd)/\(mm)/\(year)"
    }

    /// `Thứ Năm` for a day given by its parts.
    public static func weekdayName(year: Int, month: Int, day: Int) -> String {
        weekdayName(CivilDate(dayNumber: CivilDate.days(year: year, month: month, day: day)).weekday)
    }

    /// `Thứ Năm, 04/4/2024`.
    public static func weekdayDate(year: Int, month: Int, day: Int) -> String {
        "\(weekdayName(year: year, month: month, day: day)), \(numeric(year: year, month: month, day: day))"
    }

    /// The deadline as written, with the weekday: "trước ngày 04/4/2024 (Thứ Năm)"; when the
    /// phrase does not show the day ("hằng ngày trước 16 giờ", "trong thời hạn 5 ngày làm việc",
    /// "25/3 hằng năm"), the whole date, so that two occurrences of one rule read apart.
    public static func phraseWithDate(_ phrase: String, on date: CivilDate) -> String {
        let (y, m, d) = date.components
        let shown = ["\(d)/\(m)/\(y)", numeric(year: y, month: m, day: d),
                     "\(d < 10 ? "0" : "")\(d)/\(m < 10 ? "0" : "")\(m)/\(y)", "\(d)/\(m < 10 ? "0" : "")\(m)/\(y)"]
        if shown.contains(where: { phrase.contains($0) }) { return "\(phrase) (\(weekdayName(date.weekday)))" }
        let full = weekdayDate(year: y, month: m, day: d)
        return phrase.isEmpty ? full : "\(phrase) (\(full))"
    }

    /// The parts of `YYYY-MM-DD` (the start of an ISO 8601 date or date-time), if it names a day.
    public static func parseISO(_ text: String) -> (year: Int, month: Int, day: Int)? {
        CivilDate(iso: text.prefix(10)).map { $0.components }
    }
}
