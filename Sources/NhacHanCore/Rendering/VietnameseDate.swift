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
    /// How a table or a message names the stage.
    public var vietnameseLabel: String {
        switch self {
        case .before: "nhắc trước hạn"
        case .due: "ngày cuối"
        case .overdue: "quá hạn"
        case .escalation: "quá hạn, báo lãnh đạo"
        case .lateNotice: "thông báo muộn"
        case .digest: "tổng hợp"
        }
    }
}
