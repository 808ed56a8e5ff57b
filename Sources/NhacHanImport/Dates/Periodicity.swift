/// A reporting period named in a sentence: "hằng tháng", "định kỳ hằng quý", "hằng tuần"...
struct Periodicity: Sendable, Equatable {
    /// RRULE FREQ: DAILY, WEEKLY, MONTHLY or YEARLY.
    var freq: String
    /// Months of a quarterly or half-yearly report (BYMONTH).
    var months: [Int]?
    /// BYDAY of a weekly report ("thứ Sáu" -> FR).
    var byDay: String?
    var tokenStart: Int
    var tokenEnd: Int

    static func detect(_ t: [Token]) -> Periodicity? {
        var i = 0
        while i < t.count {
            let w = t[i].text
            if w == "hang" || w == "dinh" {
                var j = i + 1
                if w == "dinh" { guard j < t.count, t[j].is("ky") else { i += 1; continue }; j += 1 }
                if j < t.count, t[j].is("hang") { j += 1 }
                if let p = period(t, at: j, start: i) { return p }
            } else if w == "bao", t.matches("bao cao quy", at: i) {
                return quarterly(t, start: i, end: i + 3)
            } else if w == "bao", t.matches("bao cao 6 thang", at: i) {
                return Periodicity(freq: "YEARLY", months: [6, 12], tokenStart: i, tokenEnd: i + 4)
            }
            i += 1
        }
        return nil
    }

    private static func period(_ t: [Token], at j: Int, start: Int) -> Periodicity? {
        guard j < t.count else { return nil }
        switch t[j].text {
        case "ngay": return Periodicity(freq: "DAILY", tokenStart: start, tokenEnd: j + 1)
        case "tuan": return Periodicity(freq: "WEEKLY", byDay: weekday(t), tokenStart: start, tokenEnd: j + 1)
        case "thang": return Periodicity(freq: "MONTHLY", tokenStart: start, tokenEnd: j + 1)
        case "quy": return quarterly(t, start: start, end: j + 1)
        case "nam": return Periodicity(freq: "YEARLY", tokenStart: start, tokenEnd: j + 1)
        case "6", "06":
            let k = DateScanner.skipSpelled(t, j + 1)
            guard k < t.count, t[k].is("thang") else { return nil }
            return Periodicity(freq: "YEARLY", months: [6, 12], tokenStart: start, tokenEnd: k + 1)
        default: return nil
        }
    }

    /// End-of-quarter months unless the text says "tháng đầu quý (sau)".
    private static func quarterly(_ t: [Token], start: Int, end: Int) -> Periodicity {
        let firstMonth = t.find("thang dau") != nil
        return Periodicity(freq: "YEARLY", months: firstMonth ? [1, 4, 7, 10] : [3, 6, 9, 12],
                           tokenStart: start, tokenEnd: end)
    }

    private static let weekdays: [(String, String)] = [
        ("thu hai", "MO"), ("thu 2", "MO"), ("thu ba", "TU"), ("thu 3", "TU"), ("thu tu", "WE"),
        ("thu 4", "WE"), ("thu nam", "TH"), ("thu 5", "TH"), ("thu sau", "FR"), ("thu 6", "FR"),
        ("thu bay", "SA"), ("thu 7", "SA"), ("chu nhat", "SU"),
    ]

    private static func weekday(_ t: [Token]) -> String? {
        for (phrase, code) in weekdays where t.find(phrase) != nil { return code }
        return nil
    }

    /// The RRULE for a due day (and month, for yearly reports) in this period.
    func rule(day: Int?, month: Int?) -> String {
        switch freq {
        case "DAILY": return "FREQ=DAILY"
        case "WEEKLY": return "FREQ=WEEKLY" + (byDay.map { ";BYDAY=\($0)" } ?? "")
        case "MONTHLY": return "FREQ=MONTHLY" + (day.map { ";BYMONTHDAY=\($0)" } ?? "")
        default:
            var r = "FREQ=YEARLY"
            // A written month ("ngày 06 tháng 06 đối với báo cáo 6 tháng") is the one date a year.
            if let month { r += ";BYMONTH=\(month)" }
            else if let months { r += ";BYMONTH=" + months.map(String.init).joined(separator: ",") }
            if let day { r += ";BYMONTHDAY=\(day)" }
            return r
        }
    }
}
