import NhacHanCore

/// A deadline found in a sentence, with the tokens its phrase covers.
struct DeadlineHit: Sendable {
    var deadline: DraftDeadline
    var tokenStart: Int
    var tokenEnd: Int
    /// "đến hết ngày", "từ ... đến ngày": the end of a period, not by itself a deadline.
    var isWindow: Bool
    /// A date written without a year that the document's year could not resolve.
    var missingYear: Bool
    /// "từ ngày X đến (hết) ngày Y": a period with a written start (a data period, an activity
    /// window), never a deadline by itself; it bounds a recurrence of the same sentence.
    var rangeStart: CivilDate? = nil
    var isRange = false
}

/// What a date without a year is resolved against: the issue date, else the document's year.
struct YearContext: Sendable {
    var year: Int?
    var issued: CivilDate?

    func resolve(_ d: WrittenDate) -> CivilDate? {
        if let y = d.year { return CivilDate(year: y, month: d.month, day: d.day) }
        guard let y = year ?? issued?.year else { return nil }
        guard let date = CivilDate(year: y, month: d.month, day: d.day) else { return nil }
        // "trước ngày 10/1" in a text of 20/12 means next January.
        if let issued, date.dayNumber < issued.dayNumber - 60 {
            return CivilDate(year: y + 1, month: d.month, day: d.day)
        }
        return date
    }
}

/// Finds deadline phrases by their markers (Vietnamese administrative usage):
/// - `trước ngày D` -> before; `trước 14 giờ ngày D` -> at;
/// - `chậm nhất (là) ngày D`, `đến hết ngày D`, `trong ngày D`, `hạn chót D` -> through;
/// - `trong thời hạn N ngày (làm việc) kể từ ngày nhận/ký` -> within;
/// - with `hằng tháng/quý/năm/tuần/ngày` or `định kỳ` in the sentence -> every (RRULE);
/// - `theo quy định`, `theo đúng thời gian quy định` -> undated.
/// A bare date ("ngày 02/3/2022", "25/3/2022") is never a deadline.
enum DeadlineScanner {
    /// - Parameter yearly: a "hằng năm" elsewhere in the paragraph, which makes its dates
    ///   without a year yearly ("… hàng năm. Kết thúc năm học trước ngày 31-5.").
    static func scan(_ t: [Token], in p: Paragraph, years: YearContext, yearly: Periodicity? = nil) -> [DeadlineHit] {
        var hits: [DeadlineHit] = []
        let period = Periodicity.detect(t) ?? yearly
        var i = 0
        while i < t.count {
            if let hit = marked(t, at: i, p: p, years: years, period: period)
                ?? within(t, at: i, p: p) ?? undated(t, at: i, p: p) {
                hits.append(hit)
                i = max(hit.tokenEnd, i + 1)
                continue
            }
            i += 1
        }
        return bounded(hits)
    }

    /// A recurrence and a dated period in one sentence ("hằng ngày … từ ngày 10/10 đến hết ngày
    /// 20/10/2024"): the period bounds the recurrence (UNTIL); the period alone is no deadline.
    private static func bounded(_ hits: [DeadlineHit]) -> [DeadlineHit] {
        guard let range = hits.first(where: \.isRange) else { return hits }
        var out: [DeadlineHit] = []
        for var hit in hits {
            if hit.isRange { continue }
            if hit.deadline.kind == .every, var rule = hit.deadline.rule, !rule.contains("UNTIL="),
               let until = range.deadline.date {
                rule += ";UNTIL=" + until.description.replacingOccurrences(of: "-", with: "")
                hit.deadline.rule = rule
                if let start = range.rangeStart { hit.deadline.start = start }
                hit.deadline.phrase += "; " + range.deadline.phrase
            }
            out.append(hit)
        }
        return out
    }

    private static func phrase(_ t: [Token], _ a: Int, _ b: Int, _ p: Paragraph) -> String {
        p.text(t[a].start..<t[max(a, b - 1)].end)
    }

    /// `trước`, `chậm nhất`, `đến hết`, `trong ngày`, `hạn chót`, `từ ... đến ngày` + date.
    private static func marked(_ t: [Token], at i: Int, p: Paragraph, years: YearContext,
                               period: Periodicity?) -> DeadlineHit? {
        switch t[i].text {
        case "truoc", "cham", "den", "trong", "han", "thoi": break
        default: return nil
        }
        var j: Int
        var kind: DraftDeadline.Kind
        var window = false
        if t[i].is("truoc") {
            j = i + 1; kind = .before
        } else if t.matches("cham nhat", at: i) {
            j = i + 2; kind = .through
            while j < t.count, ["la", "vao", ",", ":", "den", "het"].contains(t[j].text) { j += 1 }
        } else if t.matches("den het", at: i) {
            j = i + 2; kind = .through; window = true
        } else if t.matches("den", at: i), i + 1 < t.count, t[i + 1].is("ngay") || t[i + 1].kind == .number,
                  (max(0, i - 12)..<i).contains(where: { t[$0].is("tu") }) {
            j = i + 1; kind = .through; window = true
        } else if t.matches("trong ngay", at: i) {
            j = i + 1; kind = .through
        } else if t.matches("thoi gian hoan thanh", at: i) {
            // A plan's "Thời gian hoàn thành: ngày 15/4/2020" (a period there is no deadline).
            j = i + 4; kind = .through
            while j < t.count, [":", "la", "-"].contains(t[j].text) { j += 1 }
            if j < t.count, t[j].is("truoc") { return nil }
        } else if t.matches("han chot", at: i) || t.matches("thoi han", at: i) {
            j = i + 2; kind = .through
            while j < t.count, j < i + 7, ["la", ":", "nop", "gui", "hoan", "thanh", "cuoi", "cung", "bao", "cao"].contains(t[j].text) { j += 1 }
            if j < t.count, t[j].is("truoc") { return nil }  // "thời hạn: trước ngày" is read at "trước"
        } else {
            return nil
        }
        j = skipWeekday(t, j)
        var time: WrittenTime?
        if let tm = DateScanner.time(t, at: j) {
            time = tm
            j = tm.tokenEnd
            while j < t.count, t[j].text == "," || t[j].text == "'" || t[j].is("cung") { j += 1 }
            j = skipWeekday(t, j)
        }
        if let d = DateScanner.date(t, at: j) {
            let date = years.resolve(d)
            var rangeStart: CivilDate?
            var isRange = false
            if window, let from = (max(0, i - 12)..<i).last(where: { t[$0].is("tu") }),
               let start = DateScanner.date(t, at: from + 1) {
                isRange = true
                rangeStart = years.resolve(start)
            }
            // "số liệu tính đến ngày D": a data cut-off, never a deadline.
            if window || t[i].is("den"), (max(0, i - 6)..<i).contains(where: { t[$0].is("tinh") || t.matches("so lieu", at: $0) }) {
                return nil
            }
            // "trước ngày 25/6 đối với báo cáo 6 tháng, trước ngày 28/11 đối với báo cáo năm":
            // each date takes the period it is said for.
            var own: Periodicity?
            if d.year == nil, d.tokenEnd + 1 < t.count, t.matches("doi voi", at: d.tokenEnd) {
                own = Periodicity.detect(t, from: d.tokenEnd + 2, to: d.tokenEnd + 10)
            }
            if let period = own ?? period, d.year == nil, !isRange {
                return every(period, day: d.day, month: d.month, time: time, kind: kind, t: t, i: i, end: d.tokenEnd, p: p, years: years)
            }
            let dl = DraftDeadline(kind: time != nil ? .at : kind, date: date, time: time?.text,
                              phrase: phrase(t, i, d.tokenEnd, p))
            return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: d.tokenEnd, isWindow: window,
                               missingYear: date == nil, rangeStart: rangeStart, isRange: isRange)
        }
        // "trước ngày 20 hằng tháng": a day of the month in a periodic sentence.
        if let period {
            var k = j
            if k < t.count, t[k].is("ngay") { k += 1 }
            if k < t.count, t[k].kind == .number, let day = Int(t[k].text.prefix(2)), (1...31).contains(day) {
                return every(period, day: day, month: nil, time: time, kind: kind, t: t, i: i, end: k + 1, p: p, years: years)
            }
            if let time, period.freq == "DAILY" || period.byDay != nil {
                return every(period, day: nil, month: nil, time: time, kind: kind, t: t, i: i, end: j, p: p, years: years)
            }
        }
        return nil
    }

    /// "thứ Sáu, ", "Chủ nhật": a weekday written before the date it names.
    private static func skipWeekday(_ t: [Token], _ j: Int) -> Int {
        var k = j
        if k + 1 < t.count, t[k].is("thu"), t[k + 1].kind == .number || ["hai", "ba", "tu", "nam", "sau", "bay"].contains(t[k + 1].text) {
            k += 2
        } else if t.matches("chu nhat", at: k) {
            k += 2
        } else {
            return j
        }
        while k < t.count, t[k].text == "," { k += 1 }
        // Only when a date follows: "trước thứ Sáu hằng tuần" keeps its weekday.
        return DateScanner.date(t, at: k) != nil ? k : j
    }

    private static func every(_ period: Periodicity, day: Int?, month: Int?, time: WrittenTime?,
                              kind: DraftDeadline.Kind, t: [Token], i: Int, end: Int, p: Paragraph,
                              years: YearContext) -> DeadlineHit {
        let rule = period.rule(day: day, month: month)
        var start = years.issued
        if start == nil, let y = years.year { start = CivilDate(year: y, month: 1, day: 1) }
        let dl = DraftDeadline(kind: .every, time: time?.text, rule: rule, start: start,
                          recurrenceKind: kind == .through ? .through : .before,
                          phrase: phrase(t, min(i, period.tokenStart), max(end, period.tokenEnd), p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, isWindow: false, missingYear: false)
    }

    /// `trong (thời hạn|vòng) N (chữ) ngày (làm việc) (, kể từ ngày nhận|ký|ban hành|D)`.
    /// Also `chậm nhất (là) (sau) N ngày … kể từ …`.
    private static func within(_ t: [Token], at i: Int, p: Paragraph) -> DeadlineHit? {
        var j = i + 1
        if t[i].is("trong") {
            if t.matches("thoi han", at: j) || t.matches("thoi gian", at: j) { j += 2 } else if t.matches("vong", at: j) { j += 1 }
            if t.matches("khong qua", at: j) || t.matches("toi da", at: j) { j += 2 }  // "trong thời hạn không quá 07 ngày"
        } else if t.matches("cham nhat", at: i) {
            j = i + 2
            if j < t.count, t[j].is("la") { j += 1 }
            if j < t.count, t[j].is("sau") { j += 1 }
            // Only a count from an event: "chậm nhất 05 ngày kể từ …", not "chậm nhất ngày 05".
            guard j + 1 < t.count, t[j].kind == .number,
                  (j + 2..<min(t.count, j + 9)).contains(where: { t.matches("ke tu", at: $0) || t.matches("tinh tu", at: $0) || t.matches("sau khi", at: $0) })
            else { return nil }
        } else {
            return nil
        }
        guard j < t.count, t[j].kind == .number, let n = Int(t[j].text.prefix(4)), n > 0 else { return nil }
        j += 1
        if j < t.count, t[j].text == "(" {  // "05 (năm) ngày"
            var k = j + 1
            while k < t.count, k < j + 5, t[k].text != ")" { k += 1 }
            if k < t.count, t[k].text == ")" { j = k + 1 }
        }
        guard j < t.count, t[j].is("ngay") else { return nil }
        j += 1
        var unit = "d"
        if t.matches("lam viec", at: j) { unit = "wd"; j += 2 }
        var from: String?
        var end = j
        var k = j
        while k < t.count, k < j + 3, t[k].text == "," || t[k].text == "(" { k += 1 }
        if t.matches("ke tu", at: k) || t.matches("tinh tu", at: k) {
            k += 2
            if let d = DateScanner.date(t, at: k), let y = d.year, let c = CivilDate(year: y, month: d.month, day: d.day) {
                from = c.description; end = d.tokenEnd
            } else {
                if k < t.count, t[k].is("ngay") { k += 1 }
                var m = k
                while m < t.count, m < k + 6 {
                    if t[m].is("nhan") || t[m].is("tiep") { from = "received"; end = m + 1; break }
                    if t[m].is("ky") || t.matches("ban hanh", at: m) {
                        from = "issued"; end = t[m].is("ky") ? m + 1 : m + 2; break
                    }
                    m += 1
                }
            }
        }
        let dl = DraftDeadline(kind: .within, n: n, unit: unit, from: from, phrase: phrase(t, i, max(end, j), p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: max(end, j), isWindow: false, missingYear: false)
    }

    /// Phrases that promise a deadline without giving one.
    static let undatedPhrases: [String] = [
        "theo dung thoi gian quy dinh", "dung thoi gian quy dinh", "theo thoi gian quy dinh",
        "theo thoi han quy dinh", "dung thoi han quy dinh", "theo dung quy dinh", "theo quy dinh",
        "dung quy dinh", "khi co yeu cau", "theo yeu cau",
    ]

    private static let undatedWords: [[String]] = undatedPhrases.map { $0.split(separator: " ").map(String.init) }

    private static func undated(_ t: [Token], at i: Int, p: Paragraph) -> DeadlineHit? {
        for words in undatedWords {
            if t[i].text == words[0], t.matches(words, at: i) {
                let end = i + words.count
                let dl = DraftDeadline(kind: .undated, phrase: phrase(t, i, end, p))
                return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, isWindow: false, missingYear: false)
            }
        }
        return nil
    }
}
