/// A calendar date written in the text, possibly without its year ("25/3").
struct WrittenDate: Sendable, Equatable {
    var day: Int
    var month: Int
    var year: Int?
    /// Token range `[start, end)` the date occupies.
    var tokenStart: Int
    var tokenEnd: Int
}

/// A time of day written as "14 giờ", "14 giờ 30 phút", "14h00", "14h", "14:30".
struct WrittenTime: Sendable, Equatable {
    var hour: Int
    var minute: Int
    var tokenEnd: Int
    var text: String { "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)" }
}

/// Recognises dates and times in token sequences; every test looks at a bounded window.
enum DateScanner {
    /// A date starting at token `i`: "29/3/2024", "29-3-2024", "29.3.2024", "25/3",
    /// "ngày 29 tháng 3 năm 2024", "29 tháng 3".
    static func date(_ t: [Token], at i: Int) -> WrittenDate? {
        guard i < t.count else { return nil }
        var j = i
        if t[j].is("ngay") { j += 1 }
        guard j < t.count, t[j].kind == .number, let d = Int(t[j].text.prefix(4)), (1...31).contains(d) else { return nil }
        // "ngày 06 (sáu) tháng 06 (sáu)": the number spelled out again in brackets.
        let afterDay = skipSpelled(t, j + 1)
        if afterDay + 1 < t.count, t[afterDay].is("thang"), t[afterDay + 1].kind == .number,
           let m = Int(t[afterDay + 1].text.prefix(4)), (1...12).contains(m) {
            var end = skipSpelled(t, afterDay + 2)
            var year: Int?
            if end + 1 < t.count, t[end].is("nam"), t[end + 1].kind == .number, t[end + 1].text.count == 4 {
                year = Int(t[end + 1].text)
                end += 2
            }
            return WrittenDate(day: d, month: m, year: year, tokenStart: i, tokenEnd: end)
        }
        guard j + 2 < t.count, t[j].text.count <= 2 else { return nil }
        let sep = t[j + 1]
        guard sep.kind == .punct, sep.text == "/" || sep.text == "-" || sep.text == ".",
              sep.start == t[j].end, t[j + 2].start == sep.end, t[j + 2].kind == .number,
              t[j + 2].text.count <= 2, let m = Int(t[j + 2].text), (1...12).contains(m)
        else { return nil }
        if j > 0, t[j - 1].end == t[j].start, t[j - 1].kind == .punct, t[j - 1].text == "/" { return nil }
        let end = j + 3
        if end + 1 < t.count, t[end].text == sep.text, t[end].start == t[end - 1].end,
           t[end + 1].start == t[end].end, t[end + 1].kind == .number {
            let ys = t[end + 1].text
            guard ys.count == 4 || ys.count == 2, var y = Int(ys) else { return nil }
            // "31/5/20 23": a year the page broke in two.
            if ys == "20", end + 2 < t.count, t[end + 2].kind == .number, t[end + 2].text.count == 2,
               t[end + 2].start == t[end + 1].end + 1, let whole = Int(ys + t[end + 2].text) {
                return WrittenDate(day: d, month: m, year: whole, tokenStart: i, tokenEnd: end + 3)
            }
            if ys.count == 2 { y += 2000 }
            // "29/3/2024/QĐ" is a number, not a date.
            if end + 2 < t.count, t[end + 2].start == t[end + 1].end, t[end + 2].text == "/" { return nil }
            return WrittenDate(day: d, month: m, year: y, tokenStart: i, tokenEnd: end + 2)
        }
        // Without a year only "25/3" counts, and not "50/KH" or "1/2 số"; "ngày 28-10" too,
        // where "ngày" tells a date from a range ("2021-2030").
        // "ngày 14.3" (the press's style) also needs its "ngày".
        // "từ ngày 11-7 đến 15-7": after "đến" or "trước" a dashed day and month are a date too,
        // unless a unit follows ("đến 5-7 ngày" is a count);
        // "từ ngày 1 đến 5.7" (the press's dots) too.
        let afterMarker = (sep.text == "-" || sep.text == ".") && j > 0 && (t[j - 1].is("den") || t[j - 1].is("het") || t[j - 1].is("truoc"))
            && !(end < t.count && ["ngay", "thang", "nam", "tuan", "gio", "phut", "%", "lan", "nguoi", "ty", "trieu", "diem"].contains(t[end].text))
        guard sep.text == "/" || ((sep.text == "-" || sep.text == ".") && j == i + 1) || afterMarker else { return nil }
        if end < t.count, t[end].start == t[end - 1].end, t[end].kind != .punct || t[end].text == "/" { return nil }
        return WrittenDate(day: d, month: m, year: nil, tokenStart: i, tokenEnd: end)
    }

    /// The index after "(mười lăm)" when one starts at `i`, else `i`.
    static func skipSpelled(_ t: [Token], _ i: Int) -> Int {
        guard i < t.count, t[i].text == "(" else { return i }
        var k = i + 1
        while k < t.count, k < i + 6, t[k].kind == .word { k += 1 }
        return k > i + 1 && k < t.count && t[k].text == ")" ? k + 1 : i
    }

    static func time(_ t: [Token], at i: Int) -> WrittenTime? {
        guard var time = clockTime(t, at: i) else { return nil }
        // "24h00 ngày D" is the end of day D.
        if time.hour == 24 { time.hour = 23; time.minute = 59 }
        // "9 giờ sáng", "2 giờ chiều", "16h00'": the part of the day and the minute mark.
        var end = time.tokenEnd
        if end < t.count, t[end].text == "'" { end += 1 }
        if end < t.count, ["sang", "trua", "chieu", "toi"].contains(t[end].text) {
            if (t[end].is("chieu") || t[end].is("toi")) && time.hour < 12 { time.hour += 12 }
            end += 1
        }
        time.tokenEnd = end
        return time
    }

    private static func clockTime(_ t: [Token], at i: Int) -> WrittenTime? {
        guard i < t.count else { return nil }
        let tok = t[i]
        if tok.kind == .word {
            // "14h00", "14h", "9g30"
            let chars = Array(tok.text)
            var k = 0
            while k < chars.count, chars[k].isNumber { k += 1 }
            guard k > 0, k <= 2, k < chars.count, chars[k] == "h" || chars[k] == "g",
                  let h = Int(String(chars[0..<k])), h <= 24 else { return nil }
            let rest = String(chars[(k + 1)...])
            var end = i + 1
            var minute = 0
            if rest.isEmpty {
                if end < t.count, t[end].kind == .number, t[end].text.count == 2, let m = Int(t[end].text), m < 60 {
                    minute = m; end += 1
                }
            } else {
                guard rest.count == 2, let m = Int(rest), m < 60 else { return nil }
                minute = m
            }
            return WrittenTime(hour: h, minute: minute, tokenEnd: end)
        }
        guard tok.kind == .number, tok.text.count <= 2, let h = Int(tok.text), h <= 24, i + 1 < t.count else { return nil }
        let next = t[i + 1]
        if next.is("gio") || next.is("h") || next.is("g") {
            var end = i + 2
            var minute = 0
            if end < t.count, t[end].kind == .number, t[end].text.count <= 2, let m = Int(t[end].text), m < 60 {
                minute = m; end += 1
                if end < t.count, t[end].is("phut") { end += 1 }
            }
            return WrittenTime(hour: h, minute: minute, tokenEnd: end)
        }
        if next.text == ":", next.start == tok.end, i + 2 < t.count, t[i + 2].kind == .number,
           t[i + 2].start == next.end, let m = Int(t[i + 2].text), m < 60 {
            return WrittenTime(hour: h, minute: m, tokenEnd: i + 3)
        }
        // "16.00 ngày 15/3": a dotted hour, only right before the day it is on.
        if next.text == ".", next.start == tok.end, i + 3 < t.count, t[i + 2].kind == .number, t[i + 2].text.count == 2,
           t[i + 2].start == next.end, let m = Int(t[i + 2].text), m < 60, t[i + 3].is("ngay") || t[i + 3].text == "," {
            return WrittenTime(hour: h, minute: m, tokenEnd: i + 3)
        }
        return nil
    }
}
