import NhacHanCore

/// The words around a marked date that decide what it is: a weekday, a list of months, data
/// periods, a period's last day.
extension DeadlineScanner {
    /// "thứ Sáu", "thứ 6", "chủ nhật" at `i`.
    static func weekday(_ t: [Token], at i: Int) -> Bool {
        guard i + 1 < t.count else { return false }
        if t[i].is("chu") { return t[i + 1].is("nhat") }
        return t[i].is("thu") && ["hai", "ba", "tu", "nam", "sau", "bay", "2", "3", "4", "5", "6", "7"].contains(t[i + 1].text)
    }

    /// ", 05/7, 05/10, 05/11" after a first yearless date "05/4" (the last may follow "và"): the
    /// months of a day written three times or more, with no year after the list.
    static func monthList(_ t: [Token], after first: WrittenDate) -> ([Int], Int)? {
        var months = [first.month]
        var k = first.tokenEnd
        while k + 1 < t.count, t[k].text == "," || t[k].is("va"), let d = DateScanner.date(t, at: k + 1), d.year == nil, d.day == first.day,
              (1...12).contains(d.month) {
            months.append(d.month)
            k = d.tokenEnd
        }
        guard months.count >= 3, Set(months).count == months.count, !(k < t.count && t[k].is("nam")) else { return nil }
        return (months, k)
    }

    /// "(ngày 10) các tháng 4, 7, 10 và tháng 01 năm sau": the months after a day, three or more.
    static func monthsListed(_ t: [Token], from k: Int) -> ([Int], Int)? {
        var j = k
        if j < t.count, t[j].is("cua") { j += 1 }
        guard t.matches("cac thang", at: j) else { return nil }
        j += 2
        var months: [Int] = []
        while j < t.count {
            if t[j].text == "," || t[j].text == ":" || t[j].is("va") || t[j].is("thang") { j += 1; continue }
            guard t[j].kind == .number, let m = Int(t[j].text), (1...12).contains(m) else { break }
            months.append(m)
            j += 1
        }
        if t.matches("nam sau", at: j) { j += 2 }
        guard months.count >= 3, Set(months).count == months.count else { return nil }
        return (months.sorted(), j)
    }

    /// "số liệu", "tính (đến)", "chốt": words of a data period. "của tỉnh X" is not "tính"; a
    /// "tinh" whose accent came loose still is; "tình hình" is not, and "tính theo dấu bưu
    /// điện" dates a delivery; "Số giường có đến 31.12" counts as of a day.
    static func speaksOfData(_ t: [Token], _ range: Range<Int>, _ p: Paragraph) -> Bool {
        range.contains { (t[$0].is("tinh") && !p.exact(t[$0], "tỉnh") && !p.exact(t[$0], "tình") && !t.matches("tinh theo dau", at: $0))
            || t[$0].is("chot") || t.matches("so lieu", at: $0) || t.matches("co den", at: $0) }
    }

    /// "đến ngày D" with no "từ" before it, or "đến D" after "kéo dài"/"gia hạn": not "tính đến
    /// ngày D" (data), not "Đến ngày 4-2, … đã hoàn thành" (what has been done by then).
    static func plainEnd(_ t: [Token], at i: Int, _ p: Paragraph) -> Bool {
        // "Tuy nhiên, đến ngày 16/8/2021, Bộ mới nhận được …" opens a clause on how things stand;
        // "báo cáo hằng ngày đến ngày D" bounds a recurrence.
        guard i > 0, i + 1 < t.count, t[i - 1].kind == .word, !["nhien", "nhung", "va", "ma", "thi"].contains(t[i - 1].text),
              windowStart(t, before: i) == nil, !speaksOfData(t, max(0, i - 6)..<i, p),
              !(max(0, i - 12)..<i).contains(where: { t[$0].is("hang") || t.matches("dinh ky", at: $0) }) else { return false }
        let extended = (max(0, i - 12)..<i).contains { movesTime(t, at: $0) }
        guard t[i + 1].is("ngay") || extended, let d = DateScanner.date(t, at: i + 1), d.year != nil || extended else { return false }
        return !(max(0, i - 3)..<min(t.count, d.tokenEnd + 8)).contains {
            t[$0].is("da") || $0 > i && (t[$0].is("co") || t[$0].is("van") || t[$0].is("chua") || t[$0].is("moi"))
        }
    }

    /// "gia hạn", "kéo dài", "lùi": words that move a time (a limit extended, an old one superseded).
    static func movesTime(_ t: [Token], at k: Int) -> Bool {
        t.matches("gia han", at: k) || t.matches("keo dai", at: k) || t[k].is("lui")
    }

    /// The "từ" that opens the period an "đến" at `i` closes ("từ ngày 15/3 đến ngày 16/4").
    /// "Thời gian nhận tác phẩm: ngày 01/10/2016 đến 25/10/2016": a label's ":" opens one too.
    static func windowStart(_ t: [Token], before i: Int) -> Int? {
        if let from = (max(0, i - 12)..<i).last(where: { t[$0].is("tu") }) { return from }
        guard let colon = (max(0, i - 9)..<i).last(where: { t[$0].text == ":" }),
              DateScanner.date(t, at: colon + 1)?.tokenEnd == i else { return nil }
        return colon
    }

    /// "cập nhật tình hình từ ngày 25/7 đến 18h00 ngày 05/8": the end of the data a text covers,
    /// unlike "nộp hồ sơ từ ngày 15/3 đến 17 giờ ngày 16/4", the end of a time to send in.
    static func windowOfData(_ t: [Token], before i: Int) -> Bool {
        guard let from = windowStart(t, before: i) else { return false }
        return (max(0, from - 8)..<from).contains { t.matches("tinh hinh", at: $0) || t.matches("so lieu", at: $0) || t.matches("cap nhat", at: $0) || t[$0].is("ky") }
    }

    /// The last day of "tháng 9/2022", "tháng 9 năm 2022", "quý I/2020", "quý 4 năm 2021".
    static func periodEnd(_ t: [Token], at j: Int) -> (CivilDate, Int)? {
        guard j + 2 < t.count, t[j].is("thang") || t[j].is("quy") else { return nil }
        let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
        let n: Int? = t[j + 1].kind == .number ? Int(t[j + 1].text) : romans[t[j + 1].text]
        guard let n else { return nil }
        var k = j + 2
        // "tháng 5/2021", "tháng 5.2021" (the press's dot), "tháng 12-2012", "tháng 5 năm 2021".
        if ["/", ".", "-"].contains(t[k].text), k + 1 < t.count, t[k].start == t[k - 1].end, t[k + 1].start == t[k].end { k += 1 }
        else if t[k].is("nam"), k + 1 < t.count { k += 1 } else { return nil }
        guard t[k].kind == .number, t[k].text.count == 4, let year = Int(t[k].text) else { return nil }
        let month: Int
        if t[j].is("quy") { guard (1...4).contains(n) else { return nil }; month = n * 3 } else { guard (1...12).contains(n) else { return nil }; month = n }
        guard let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)) else { return nil }
        return (last, k + 1)
    }

    /// "thứ Sáu, ", "Chủ nhật": a weekday written before the date it names.
    static func skipWeekday(_ t: [Token], _ j: Int) -> Int {
        guard weekday(t, at: j) else { return j }
        var k = j + 2
        while k < t.count, t[k].text == "," { k += 1 }
        // Only when a date follows: "trước thứ Sáu hằng tuần" keeps its weekday.
        return DateScanner.date(t, at: k) != nil ? k : j
    }
}
