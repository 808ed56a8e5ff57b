/// A day of the Vietnamese lunar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable {
    /// 1-30.
    public var day: Int
    /// 1-12; a leap month repeats the number of the month before it.
    public var month: Int
    /// The lunar year, numbered as the Gregorian year in which it begins (Tết).
    public var year: Int
    /// The second of two months with the same number (tháng nhuận).
    public var isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }
}

/// A lunar month and where it falls on the civil calendar.
public struct LunarMonth: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var isLeapMonth: Bool
    public var firstDay: CivilDate
    /// 29 or 30 days.
    public var length: Int
}

extension LunarDate {
    static let stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
    static let branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
    static let monthNames = ["Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Chạp"]

    /// The can-chi (sexagenary) name of a lunar year: "Giáp Thìn" for 2024.
    public static func yearName(_ year: Int) -> String {
        let stem = ((year + 6) % 10 + 10) % 10
        let branch = ((year + 8) % 12 + 12) % 12
        return "\(stems[stem]) \(branches[branch])"
    }

    /// "Giáp Thìn" for a date in lunar year 2024.
    public var yearName: String { LunarDate.yearName(year) }

    /// The month as Vietnamese say it: "Giêng", "Chạp", "Tư nhuận".
    public var monthName: String {
        let name = (1...12).contains(month) ? LunarDate.monthNames[month - 1] : String(month)
        return isLeapMonth ? "\(name) nhuận" : name
    }

    /// "Mùng 1 tháng Giêng năm Giáp Thìn"; days 1-10 are "Mùng N", later ones "Ngày N".
    public var vietnameseDescription: String {
        let dayText = day <= 10 ? "Mùng \(day)" : "Ngày \(day)"
        return "\(dayText) tháng \(monthName) năm \(yearName)"
    }
}

extension LunarDate: CustomStringConvertible {
    /// `YYYY-MM-DD` in lunar numbers, with an `L` after a leap month: `2023-02L-01`.
    public var description: String {
        "\(String(year).leftPadded(4))-\(String(month).leftPadded(2))\(isLeapMonth ? "L" : "")-\(String(day).leftPadded(2))"
    }
}
