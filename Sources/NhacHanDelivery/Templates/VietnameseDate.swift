/// Dates as Vietnamese administrative text: "Thứ Năm, 04/4/2024".
///
/// Day and month follow Decree 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a
/// leading zero ("04/4/2024", "15/01/2024"), so a date cannot be misread when typed over.
public enum VietnameseDate {
    /// Monday first, as ISO weekdays 1...7.
    public static let weekdayNames = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

    /// "04/4/2024".
    public static func numeric(year: Int, month: Int, day: Int) -> String {
        let dd = day < 10 ? "0\(day)" : "\(day)"
        let mm = month <= 2 ? "0\(month)" : "\(month)"
        return "\(dd)/\(mm)/\(year)"
    }

    /// "Thứ Năm".
    public static func weekdayName(year: Int, month: Int, day: Int) -> String {
        let days = RetryAfter.daysFromCivil(year: year, month: month, day: day)
        return weekdayNames[((days + 3) % 7 + 7) % 7]
    }

    /// "Thứ Năm, 04/4/2024".
    public static func weekdayDate(year: Int, month: Int, day: Int) -> String {
        "\(weekdayName(year: year, month: month, day: day)), \(numeric(year: year, month: month, day: day))"
    }

    /// Parses "YYYY-MM-DD" (the start of an ISO 8601 date or date-time).
    public static func parseISO(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let (ry, rm, rd) = civil(fromDays: RetryAfter.daysFromCivil(year: y, month: m, day: d))
        return (ry, rm, rd) == (y, m, d) ? (y, m, d) : nil
    }

    /// Howard Hinnant's civil_from_days.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
