import NhacHanCore

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
    /// - Parameter paragraphPeriod: the period an earlier sentence of the paragraph names, for a
    ///   day of the month said later ("… hàng quý, 6 tháng và hàng năm … Thời hạn gửi chậm nhất
    ///   là ngày 20 của tháng cuối kỳ báo cáo").
    /// - Parameter dueItem: an item under a heading that names the time of reports ("Thời hạn
    ///   gửi báo cáo:"), whose label's day needs no marker word ("- Báo cáo tháng: ngày 20").
    static func scan(_ t: [Token], in p: Paragraph, years: YearContext, yearly: Periodicity? = nil,
                     paragraphPeriod: Periodicity? = nil, dueItem: Bool = false) -> [DeadlineHit] {
        var hits: [DeadlineHit] = []
        let sentencePeriod = Periodicity.detect(t)
        let periods = Periodicity.all(t)
        var i = 0
        while i < t.count {
            // "báo cáo hằng tháng trước ngày 25, báo cáo quý trước ngày 15 tháng cuối quý": each
            // date takes the period named last before it since the previous deadline.
            let since = hits.last?.tokenEnd ?? 0
            let local = periods.count > 1 ? periods.last { $0.tokenStart >= since && $0.tokenEnd <= i } : nil
            let period = local ?? sentencePeriod ?? yearly
            let dayPeriod = local ?? sentencePeriod ?? paragraphPeriod ?? yearly
            if let hit = marked(t, at: i, p: p, years: years, period: period, dayPeriod: dayPeriod, dueItem: dueItem)
                ?? range(t, at: i, p: p, years: years) ?? leadDate(t, at: i, p: p, years: years)
                ?? within(t, at: i, p: p).map({ writtenEnd(of: $0, t, p: p, years: years) ?? $0 }) ?? undated(t, at: i, p: p) {
                hits.append(hit)
                i = max(hit.tokenEnd, i + 1)
                // "chậm nhất vào ngày 20/6 và ngày 20/12 hàng năm": one more date, the same kind.
                while let next = hits.last?.continuation,
                      let more = marked(t, at: next.at, p: p, years: years, period: period, continuing: next) {
                    hits.append(more)
                    i = max(more.tokenEnd, i)
                }
                continue
            }
            i += 1
        }
        // "Riêng trong quý I năm 2019, gửi trước ngày 05/5/2019": the period says which report,
        // the date after it is the deadline.
        let dated = hits.filter { $0.role == .deadline && $0.deadline.date != nil }
        hits.removeAll { hit in
            hit.role == .periodEnd && dated.contains { $0.tokenStart >= hit.tokenEnd && $0.tokenStart - hit.tokenEnd <= 8 }
        }
        return bounded(hits)
    }

    /// "1. Ngày 30/04/2011: Hạn cuối cùng ứng viên nộp …", "Ngày 27/5/2017: Kết thúc việc kiểm
    /// tra …", "Ngày 30/7/2017: Báo cáo kết quả …", "ngày 25/5/2017 là hạn cuối các trường hoàn thành …": a timetable line that
    /// starts with its date.
    private static func leadDate(_ t: [Token], at i: Int, p: Paragraph, years: YearContext) -> DeadlineHit? {
        guard t[i].is("ngay") || t[i].kind == .number, i == 0 || t[i - 1].kind == .punct,
              let d = DateScanner.date(t, at: i), d.tokenEnd + 2 < t.count,
              t[d.tokenEnd].text == ":" || t[d.tokenEnd].text == "-" || t[d.tokenEnd].is("la")
        else { return nil }
        let k = d.tokenEnd + 1
        let limit = ["han cuoi", "han chot", "han nop", "han gui"].contains { t.matches($0, at: k) }
        let done = !t[d.tokenEnd].is("la") && (t.matches("ket thuc", at: k) || t.matches("hoan thanh", at: k))
        // "Ngày 30/7/2017: Báo cáo kết quả tốt nghiệp THPT …", "Ngày 5/6: Nộp hồ sơ …": the day of a delivery.
        let delivered = !t[d.tokenEnd].is("la") && (t.matches("bao cao", at: k) || t[k].is("nop") || t.matches("gui bao cao", at: k))
        // "Ngày 12/4: Niêm yết danh sách cử tri": a step of a timetable opening its line is done by
        // its day, unless it is held on it (a meeting, a vote, an exam, a ceremony).
        let step = t[d.tokenEnd].text == ":" && (i == 0 || t[i - 1].text != "(") && p.startsLine(t[i].start) && !HeldStep.isHeld(t, at: k)
        guard limit || done || delivered || step, let date = years.resolve(d) else { return nil }
        let dl = DraftDeadline(kind: .through, date: date, phrase: phrase(t, i, k + 2, p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: k + 2)
    }

    /// "20 ngày, kể từ ngày 11-4-2018 đến hết ngày 2-5-2018", "trong 50 ngày kể từ ngày 10/02
    /// đến hết ngày 30/03/2020": a count whose last day is written; the written day is the limit
    /// (the two do not always agree, and the day is what readers go by).
    private static func writtenEnd(of count: DeadlineHit, _ t: [Token], p: Paragraph, years: YearContext) -> DeadlineHit? {
        guard let from = (count.tokenStart..<min(t.count, count.tokenEnd + 2)).first(where: { t.matches("ke tu", at: $0) || t.matches("tinh tu", at: $0) }) else { return nil }
        var k = from + 2
        while k < t.count, k < from + 10, !t[k].is("den"), t[k].text != "." && t[k].text != ";" { k += 1 }
        guard k < t.count, t[k].is("den") else { return nil }
        k += 1
        if t.matches("het ngay", at: k) { k += 2 } else if k < t.count, t[k].is("het") || t[k].is("ngay") { k += 1 }
        guard let d = DateScanner.date(t, at: k), let date = years.resolve(d) else { return nil }
        let dl = DraftDeadline(kind: .through, date: date, phrase: phrase(t, count.tokenStart, d.tokenEnd, p))
        return DeadlineHit(deadline: dl, tokenStart: count.tokenStart, tokenEnd: d.tokenEnd)
    }

    /// "từ (ngày) 20 - 26/01/2023", "từ 30/4 - 03/5": a period written with a dash, which
    /// bounds a recurrence of its sentence and is never a deadline by itself.
    private static func range(_ t: [Token], at i: Int, p: Paragraph, years: YearContext) -> DeadlineHit? {
        guard t[i].is("tu") else { return nil }
        var j = i + 1
        if j < t.count, t[j].is("ngay") { j += 1 }
        var start: WrittenDate?
        if let d = DateScanner.date(t, at: j) { start = d; j = d.tokenEnd } else if j < t.count, t[j].kind == .number,
            let day = Int(t[j].text), (1...31).contains(day) { start = WrittenDate(day: day, month: 0, tokenStart: j, tokenEnd: j + 1); j += 1 }
        guard let start, j + 1 < t.count, t[j].text == "-" || t[j].text == "–", let end = DateScanner.date(t, at: j + 1) else { return nil }
        guard let until = years.resolve(end) else { return nil }
        let from = years.resolve(WrittenDate(day: start.day, month: start.month == 0 ? end.month : start.month,
                                             year: start.year ?? until.year, tokenStart: 0, tokenEnd: 0))
        let dl = DraftDeadline(kind: .through, date: until, phrase: phrase(t, i, end.tokenEnd, p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end.tokenEnd, role: .period(start: from, submission: false))
    }

    /// A recurrence and a dated period in one sentence ("hằng ngày … từ ngày 10/10 đến hết ngày
    /// 20/10/2024"): the period bounds the recurrence (UNTIL); the period alone is no deadline.
    /// Two periods ("từ ngày 16 đến ngày 18/4 và … từ ngày 30/4 đến ngày 03/5") make two
    /// bounded recurrences.
    private static func bounded(_ hits: [DeadlineHit]) -> [DeadlineHit] {
        let ranges = hits.filter { $0.period != nil }
        guard !ranges.isEmpty else { return hits }
        var out: [DeadlineHit] = []
        if !hits.contains(where: { $0.deadline.kind == .every }) {
            return hits.compactMap { hit in
                guard let period = hit.period else { return hit }
                guard period.submission else { return nil }
                var window = hit
                window.role = .windowEnd
                return window
            }
        }
        for hit in hits where hit.period == nil {
            guard hit.deadline.kind == .every, let rule = hit.deadline.rule, !rule.contains("UNTIL=") else {
                out.append(hit)
                continue
            }
            let bounding = ranges.filter { range in range.deadline.date.map { Self.bounds(rule, until: $0, from: range.period?.start) } ?? false }
            if bounding.isEmpty { out.append(hit) }
            for range in bounding {
                guard let until = range.deadline.date else { continue }
                var copy = hit
                copy.deadline.rule = rule + ";UNTIL=" + until.description.replacingOccurrences(of: "-", with: "")
                if let start = range.period?.start { copy.deadline.start = start }
                copy.deadline.phrase += "; " + range.deadline.phrase
                out.append(copy)
            }
        }
        return out
    }

    /// Whether a period can bound a recurrence: "hằng ngày … từ ngày 10/10 đến hết ngày 20/10"
    /// can; "Báo cáo 06 tháng đầu năm từ ngày 1/1 đến 30/6 hằng năm, … muộn nhất vào ngày 10/8"
    /// names the months a yearly report covers, and a period too short for a second
    /// occurrence bounds nothing.
    private static func bounds(_ rule: String, until: CivilDate, from: CivilDate?) -> Bool {
        if rule.contains("FREQ=DAILY") || rule.contains("FREQ=WEEKLY") { return true }
        guard let from else { return false }
        let span = until.dayNumber - from.dayNumber
        return rule.contains("FREQ=MONTHLY") ? span >= 56 : span >= 365
    }

    static func phrase(_ t: [Token], _ a: Int, _ b: Int, _ p: Paragraph) -> String {
        p.text(t[a].start..<t[max(a, b - 1)].end)
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
                return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end)
            }
        }
        return nil
    }
}
