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
    /// "tháng sau", "tháng tiếp theo": the month after each period, whatever the period is.
    var monthAfter = false

    /// The first period of the sentence that is not negated ("không thực hiện báo cáo hằng
    /// tháng và hằng quý" names periods that must create nothing).
    static func detect(_ t: [Token], from: Int = 0, to: Int? = nil) -> Periodicity? {
        var i = from
        let end = min(to ?? t.count, t.count)
        var negatedRun = false
        while i < end {
            guard let p = at(t, i) else { i += 1; continue }
            let negated = (max(0, i - 5)..<i).contains { t[$0].is("khong") }
                || (negatedRun && i > 0 && (t[i - 1].is("va") || t[i - 1].text == ","))
            if !negated { return p }
            negatedRun = true
            i = max(p.tokenEnd, i + 1)
        }
        return nil
    }

    /// Every period of the sentence that is not negated, in order ("báo cáo hằng tháng trước
    /// ngày 25, báo cáo quý trước ngày 15 tháng cuối quý" names two).
    static func all(_ t: [Token], from: Int = 0, to: Int? = nil) -> [Periodicity] {
        var out: [Periodicity] = []
        var i = from
        while i < min(to ?? t.count, t.count), let p = detect(t, from: i, to: to) {
            out.append(p)
            i = max(p.tokenEnd, p.tokenStart + 1)
        }
        return out
    }

    private static func at(_ t: [Token], _ i: Int) -> Periodicity? {
        let w = t[i].text
        // "hằng tháng", "định kỳ (hằng) quý", "mỗi tháng".
        if w == "hang" || w == "dinh" || w == "moi" {
            var j = i + 1
            if w == "dinh" { guard j < t.count, t[j].is("ky") else { return nil }; j += 1 }
            if j < t.count, t[j].is("hang") { j += 1 }
            return period(t, at: j, start: i)
        }
        // "báo cáo thường niên": once a year.
        if w == "thuong", i + 1 < t.count, t[i + 1].is("nien") {
            return Periodicity(freq: "YEARLY", tokenStart: i, tokenEnd: i + 2)
        }
        // "báo cáo … tình hình hoạt động của năm": the year's report, not "của năm 2020".
        if w == "cua", i + 1 < t.count, t[i + 1].is("nam"), !(i + 2 < t.count && t[i + 2].kind == .number),
           t.mentions("bao cao", near: i) {
            return Periodicity(freq: "YEARLY", tokenStart: i, tokenEnd: i + 2)
        }
        // "(trước ngày 10) của tháng tiếp theo", "tháng sau", "tháng kế tiếp": the month after
        // each month; "(ngày 15) của quý kế tiếp": the first month of the next quarter.
        if w == "thang" || w == "quy", i + 1 < t.count, t[i + 1].is("sau") || t.matches("tiep theo", at: i + 1) || t.matches("ke tiep", at: i + 1) {
            let end = t[i + 1].is("sau") ? i + 2 : i + 3
            if w == "quy" { return Periodicity(freq: "YEARLY", months: [1, 4, 7, 10], tokenStart: i, tokenEnd: end) }
            return Periodicity(freq: "MONTHLY", tokenStart: i, tokenEnd: end, monthAfter: true)
        }
        // "Các tờ khai theo quý hạn nộp là ngày 30 tháng sau": what is filed by the quarter.
        // ("theo quy định", "quy trình", "quy chế" fold to the same "quy".)
        if w == "theo", i + 1 < t.count, t[i + 1].is("quy"),
           !(i + 2 < t.count && (t[i + 2].kind == .number || ["dinh", "trinh", "che", "hoach", "mo", "tac", "pham", "chuan"].contains(t[i + 2].text))) {
            return quarterly(t, start: i, end: i + 2)
        }
        // "(trước ngày 25) tháng cuối quý", "tháng đầu quý".
        if w == "thang", i + 2 < t.count, t[i + 1].is("cuoi") || t[i + 1].is("dau"), t[i + 2].is("quy") {
            return Periodicity(freq: "YEARLY", months: t[i + 1].is("dau") ? [1, 4, 7, 10] : [3, 6, 9, 12], tokenStart: i, tokenEnd: i + 3)
        }
        // "(ngày 20 của) tháng đầu năm tiếp theo": January; "tháng cuối năm": December ("6
        // tháng đầu năm" is a half-year, "tháng đầu năm 2024" a month of one year).
        if w == "thang", i >= 2, i + 2 < t.count, t[i + 1].is("dau") || t[i + 1].is("cuoi"), t[i + 2].is("nam"),
           !(i + 3 < t.count && t[i + 3].kind == .number), t[i - 1].is("cua") || t[i - 2].is("ngay") && t[i - 1].kind == .number {
            return Periodicity(freq: "YEARLY", months: [t[i + 1].is("dau") ? 1 : 12], tokenStart: i, tokenEnd: i + 3)
        }
        if w == "bao", t.matches("bao cao", at: i) {
            var j = i + 2
            if j < t.count, t[j].is("dinh"), j + 1 < t.count, t[j + 1].is("ky") { j += 2 }
            guard j < t.count else { return nil }
            if t[j].is("quy") { return quarterly(t, start: i, end: j + 1) }
            // "Báo cáo tháng: …", not "báo cáo tháng 3".
            if t[j].is("thang"), !(j + 1 < t.count && t[j + 1].kind == .number) {
                return Periodicity(freq: "MONTHLY", tokenStart: i, tokenEnd: j + 1)
            }
            if t[j].is("nam") { return Periodicity(freq: "YEARLY", tokenStart: i, tokenEnd: j + 1) }
            // "Báo cáo tuần gửi trước 10 giờ sáng thứ Hai", not "báo cáo tuần 12".
            if t[j].is("tuan"), !(j + 1 < t.count && t[j + 1].kind == .number) {
                return Periodicity(freq: "WEEKLY", byDay: weekday(t), tokenStart: i, tokenEnd: j + 1)
            }
            // "báo cáo 01 năm", "báo cáo 06 (sáu) tháng".
            if t[j].kind == .number, let n = Int(t[j].text), n == 1 || n == 6 {
                let k = DateScanner.skipSpelled(t, j + 1)
                if n == 1, k < t.count, t[k].is("nam") { return Periodicity(freq: "YEARLY", tokenStart: i, tokenEnd: k + 1) }
                if n == 6, k < t.count, t[k].is("thang") {
                    return Periodicity(freq: "YEARLY", months: [6, 12], tokenStart: i, tokenEnd: k + 1)
                }
            }
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
        case "3", "03":
            // "định kỳ 03 tháng, 06 tháng, 09 tháng và năm": every quarter.
            let k = DateScanner.skipSpelled(t, j + 1)
            guard k < t.count, t[k].is("thang") else { return nil }
            return Periodicity(freq: "YEARLY", months: [3, 6, 9, 12], tokenStart: start, tokenEnd: k + 1)
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

    /// The month after each of this period's ends ("báo cáo quý … ngày 30 tháng sau": January,
    /// April, July and October), or nil for a monthly period, whose month after is every month.
    func monthsAfter() -> Periodicity? {
        guard freq == "YEARLY" else { return nil }
        let ends = months ?? [12]
        return Periodicity(freq: "YEARLY", months: ends.map { $0 % 12 + 1 }.sorted(), tokenStart: tokenStart, tokenEnd: tokenEnd)
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
