/// Text and JSON for the `holidays` command, kept here so the command stays thin and the
/// output is testable.
public enum HolidayListing {
    /// "Thứ Hai, 29/4/2024".
    public static func vietnameseDate(_ date: CivilDate) -> String {
        VietnameseDate.long(date)
    }

    /// "thứ Bảy 4/5/2024", for use inside a sentence.
    static func shortDate(_ date: CivilDate) -> String {
        let weekday = VietnameseDate.weekdayName(date.weekday)
        return "\(weekday.prefix(1).lowercased())\(weekday.dropFirst()) \(VietnameseDate.short(date))"
    }

    /// A Vietnamese label for each kind, for the table.
    public static func label(_ kind: CalendarDay.Kind) -> String {
        switch kind {
        case .holiday: "nghỉ lễ"
        case .substitute: "nghỉ bù"
        case .weekendWork: "đi làm"
        }
    }

    /// One line per day: weekday date, kind, name; then a note when the year has no
    /// shipped announcement and follows the Labour Code rules alone.
    public static func table(_ days: [CalendarDay], year: Int, announced: Bool) -> String {
        let width = days.map { vietnameseDate($0.date).count }.max() ?? 0
        var lines = days.map { day in
            let date = vietnameseDate(day.date)
            let pad = String(repeating: " ", count: width - date.count)
            return "\(date)\(pad)  \(label(day.kind).rightPadded(7))  \(day.name)"
        }
        if days.isEmpty { lines.append("Không có ngày nghỉ lễ nào trong năm \(year).") }
        if !announced {
            lines.append("Lưu ý: chưa có thông báo nghỉ lễ năm \(year); lịch tính theo Bộ luật Lao động.")
        }
        return lines.joined(separator: "\n")
    }

    /// `[{"date":"YYYY-MM-DD","name":...,"name_en":...,"kind":...}]`, one object a line.
    public static func json(_ days: [CalendarDay]) -> String {
        let objects = days.map { day in
            "  {\"date\":\"\(day.date)\",\"name\":\(jsonString(day.name)),\"name_en\":\(jsonString(day.nameEnglish)),\"kind\":\"\(day.kind.rawValue)\"}"
        }
        return objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    /// "Mùng 1 tháng Giêng năm Giáp Thìn".
    public static func lunarText(_ date: CivilDate) -> String {
        LunarCalendar.lunarDate(for: date).vietnameseDescription
    }

    /// `{"date":...,"lunar_day":...,"lunar_month":...,"lunar_year":...,"leap_month":...,"year_name":...}`.
    public static func lunarJSON(_ date: CivilDate) -> String {
        let lunar = LunarCalendar.lunarDate(for: date)
        return "{\"date\":\"\(date)\",\"lunar_day\":\(lunar.day),\"lunar_month\":\(lunar.month),"
            + "\"lunar_year\":\(lunar.year),\"leap_month\":\(lunar.isLeapMonth),\"year_name\":\(jsonString(lunar.yearName))}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ s: String) -> String {
        JSONValue.quoted(s)
    }
}

extension String {
    /// Pads on the right with spaces to `width` characters.
    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
