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
                ?? within(t, at: i, p: p) ?? undated(t, at: i, p: p) {
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
        guard limit || done || delivered, let date = years.resolve(d) else { return nil }
        let dl = DraftDeadline(kind: .through, date: date, phrase: phrase(t, i, k + 2, p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: k + 2)
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

    /// `trước`, `chậm nhất`, `đến hết`, `trong ngày`, `hạn chót`, `từ ... đến ngày` + date.
    private static func marked(_ t: [Token], at i: Int, p: Paragraph, years: YearContext,
                               period: Periodicity?, dayPeriod: Periodicity? = nil, dueItem: Bool = false,
                               continuing: Continuation? = nil) -> DeadlineHit? {
        var j: Int
        var kind: DraftDeadline.Kind
        var window = false
        var recurringOnly = false
        var time: WrittenTime?
        if let c = continuing {
            j = c.at + 1
            kind = c.kind; time = c.time
            if j < t.count, t[j].text == "," { j += 1 }
            guard DateScanner.date(t, at: j) != nil else { return nil }
            return dated(t, at: i, j, kind: kind, window: false, time: time, p: p, years: years, period: period, dayPeriod: nil)
        }
        switch t[i].text {
        case "truoc", "cham", "muon", "khong", "den", "trong", "han", "thoi", "hoan", "het", "vao", "la", "ngay", "ket", "dinh": break
        default: return nil
        }
        if t[i].is("truoc") {
            j = i + 1; kind = .before
        } else if t.matches("cham nhat", at: i) || t.matches("muon nhat", at: i)
                    || t.matches("khong muon hon", at: i) || t.matches("khong cham hon", at: i) || t.matches("khong qua ngay", at: i) {
            // "chậm nhất (là|vào lúc|trong|đến hết) ngày D", "muộn nhất", "không muộn hơn ngày D".
            j = i + (t[i].is("khong") ? (t[i + 2].is("hon") ? 3 : 2) : 2); kind = .through
            while j < t.count, ["la", "vao", "luc", "trong", ",", ":", "den", "het"].contains(t[j].text) { j += 1 }
        } else if t[i].is("den"), windowStart(t, before: i) == nil, !(max(0, i - 3)..<i).contains(where: { t[$0].is("da") }),
                  let d = DateScanner.date(t, at: i + 1), let k = (d.tokenEnd..<min(t.count, d.tokenEnd + 4)).first(where: {
                      t.matches("hoan thanh", at: $0) || t[$0].is("xong") }),
                  !(d.tokenEnd..<k).contains(where: { t[$0].is("da") || t[$0].text == "." }) {
            // "phấn đấu đến ngày 31/5/2021 hoàn thành việc thu nhận hồ sơ", "đến ngày 5-6 phải
            // hoàn thành mục tiêu": the day the work is to be done by ("đã … xong" is past).
            j = i + 1; kind = .through
        } else if t.matches("den het", at: i) {
            j = i + 2; kind = .through; window = true
        } else if t.matches("den", at: i), !windowOfData(t, before: i), let tm = DateScanner.time(t, at: i + 1), DateScanner.date(t, at: skipWeekday(t, tm.tokenEnd + (tm.tokenEnd < t.count && t[tm.tokenEnd].text == "," ? 1 : 0))) != nil {
            // "nộp hồ sơ (từ ngày 15/3) đến 17 giờ ngày 16/4": an hour makes the end a deadline;
            // "bình chọn từ 09h00 ngày 02/10 đến 24h00 ngày 12/10", hours at both ends, is a window
            // (a deadline only for a delivery).
            j = i + 1; kind = .through
            window = windowStart(t, before: i).map { DateScanner.time(t, at: $0 + 1) != nil } ?? false
        } else if t.matches("den", at: i), i + 1 < t.count, t[i + 1].is("ngay") || t[i + 1].kind == .number,
                  windowStart(t, before: i) != nil {
            j = i + 1; kind = .through; window = true
        } else if t.matches("hoan thanh", at: i), i + 2 < t.count, t[i + 2].is("vao") || t[i + 2].is("ngay"),
                  DateScanner.date(t, at: t[i + 2].is("vao") ? i + 3 : i + 2) != nil {
            // "hoàn thành (vào) ngày 30/6/2020".
            j = t[i + 2].is("vao") ? i + 3 : i + 2; kind = .through
        } else if t.matches("hoan thanh", at: i), let tm = DateScanner.time(t, at: i + 2), DateScanner.date(t, at: skipWeekday(t, tm.tokenEnd)) != nil {
            // "(sửa sai) hoàn thành 17 giờ 00 ngày 1/6/2024".
            j = i + 2; kind = .through
        } else if t.matches("het han", at: i) && i > 0 && t[i - 1].is("ngay") || t.matches("han nop", at: i) || t.matches("han gui", at: i) || t.matches("han cuoi", at: i) {
            // "Ngày hết hạn lấy ý kiến: 28/7/2021", "hạn nộp hồ sơ: 17 giờ ngày D".
            j = i + 2; kind = .through
            while j < t.count, j < i + 8, t[j].kind == .word || t[j].text == ":", !t[j].is("ngay"), !t[j].is("truoc"), DateScanner.time(t, at: j) == nil { j += 1 }
            if j < t.count, t[j].is("truoc") { return nil }
        } else if t[i].is("trong"), let (last, end) = periodEnd(t, at: i + 1) {
            // "hoàn thành và trình UBND tỉnh trong quý I/2020", "báo cáo trong tháng 9/2022":
            // by the period's last day.
            let dl = DraftDeadline(kind: .through, date: last, phrase: phrase(t, i, end, p))
            return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, role: .periodEnd)
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
            // "thời hạn nhận bài thi sẽ là 31/1", "thời hạn nộp hồ sơ đăng ký là ngày 30/6": what
            // the limit is for, then "là" and the day.
            if DateScanner.date(t, at: j) == nil,
               let la = (j..<min(t.count, j + 8)).prefix(while: { t[$0].kind == .word }).first(where: { t[$0].is("la") }),
               DateScanner.date(t, at: la + 1) != nil {
                j = la + 1
            }
            // "Hạn chót đăng ký cho tất cả các môn thi đấu: 09h00 ngày 05/08/2015": a label, its
            // colon, then the hour or the day.
            if DateScanner.date(t, at: j) == nil, DateScanner.time(t, at: j) == nil,
               let colon = (j..<min(t.count, j + 12)).prefix(while: { t[$0].kind == .word || t[$0].text == ":" }).first(where: { t[$0].text == ":" }),
               DateScanner.date(t, at: colon + 1) != nil || DateScanner.time(t, at: colon + 1) != nil {
                j = colon + 1
            }
        } else if t[i].is("vao"), i + 1 < t.count, t[i + 1].is("ngay"), DateScanner.date(t, at: i + 1) != nil,
                  let h = (max(0, i - 12)..<i).last(where: { t.matches("hoan thanh", at: $0) }),
                  !(h..<i).contains(where: { [",", ";", ".", ":", "(", ")"].contains(t[$0].text) || DateScanner.date(t, at: $0) != nil }),
                  !(max(0, h - 2)..<h).contains(where: { t[$0].is("da") }) {
            // "Các cấp học hoàn thành kế hoạch giảng dạy và học tập vào ngày 25-5-2018": what is
            // completed between the verb and its day ("đã hoàn thành … vào ngày" is past).
            j = i + 1; kind = .through
        } else if t[i].is("vao") || t[i].is("la"), (max(0, i - 10)..<i).contains(where: { t.matches("bao cao", at: $0) || t[$0].is("nop") })
                    // "Định kỳ vào thứ Sáu hằng tuần, các đơn vị báo cáo …": the report follows;
                    // "… hằng tháng vào ngày 20, hằng quý vào ngày 20 tháng cuối quý": each period's day.
                    || i > 0 && (t[i - 1].is("ky") || Periodicity.all(t).contains { $0.tokenEnd == i }) && t.find("bao cao") != nil,
                  // "vào 13 giờ 30 phút hàng ngày": an hour, every day.
                  let at = [i + 1, i + 2].first(where: { $0 < t.count && (t[$0].is("ngay") || Self.weekday(t, at: $0) || DateScanner.time(t, at: $0) != nil) }),
                  at == i + 1 || t[i + 1].is("sang") || t[i + 1].is("chieu"),
                  // "thời điểm báo cáo là ngày 30/9", "số liệu tính đến": the point the data is taken at.
                  !(max(0, i - 6)..<i).contains(where: { t.matches("thoi diem", at: $0) }), !speaksOfData(t, max(0, i - 6)..<i, p) {
            // "báo cáo tháng vào ngày 20 tháng sau", "Ngày nộp báo cáo là ngày 12 tháng sau
            // của tháng báo cáo", "gửi báo cáo tuần vào sáng thứ Sáu hằng tuần": a report's
            // day, a deadline when it recurs.
            j = at; kind = .through; recurringOnly = true
        } else if t.matches("dinh ky ngay", at: i), t.find("bao cao") != nil {
            // "Định kỳ ngày 25 hằng tháng, UBND các xã báo cáo …".
            j = i + 2; kind = .through; recurringOnly = true
        } else if t.matches("ket thuc", at: i), i + 2 < t.count, t[i + 2].is("luc") || t[i + 2].is("vao") {
            // "nhận hồ sơ … bắt đầu từ 22.2 và kết thúc lúc 17 giờ ngày 14.3.2021".
            j = i + 3; kind = .through
        } else if dueItem, t[i].is("ngay"), i > 0, [":", ",", ";", "-"].contains(t[i - 1].text) {
            j = i; kind = .through
        } else {
            return nil
        }
        j = skipWeekday(t, j)
        if let tm = DateScanner.time(t, at: j) {
            time = tm
            j = tm.tokenEnd
            while j < t.count, t[j].text == "," || t[j].text == "'" || t[j].is("cung") { j += 1 }
            j = skipWeekday(t, j)
        }
        let hit = dated(t, at: i, j, kind: kind, window: window, time: time, p: p, years: years, period: period, dayPeriod: dayPeriod)
        return recurringOnly && hit?.deadline.kind != .every ? nil : hit
    }

    /// Where a marked deadline goes on after its date: "và (ngày) D", "hoặc D".
    struct Continuation: Sendable {
        var at: Int
        var kind: DraftDeadline.Kind
        var time: WrittenTime?
    }

    /// The date (or day of a period) at `j` of a deadline marked at `i`.
    private static func dated(_ t: [Token], at i: Int, _ j: Int, kind: DraftDeadline.Kind, window: Bool,
                              time: WrittenTime?, p: Paragraph, years: YearContext, period: Periodicity?,
                              dayPeriod: Periodicity?) -> DeadlineHit? {
        if let d = DateScanner.date(t, at: j) {
            let date = years.resolve(d)
            var rangeStart: CivilDate?
            var isRange = false
            var submission = false
            if window, let from = windowStart(t, before: i) {
                // "số liệu … được tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 3": the
                // data period of each report bounds nothing.
                if speaksOfData(t, max(0, from - 8)..<from, p) { return nil }
                // "Thời gian (nhận hồ sơ): từ ngày X đến ngày Y": a window to send something in,
                // whose end is a deadline when a delivering verb governs it.
                // "… hoàn thiện hồ sơ gửi Ban Thi đua, từ ngày 15/6 đến 30/6/2018", "đăng ký nguyện
                // vọng từ ngày 6/5 đến ngày 9/5/2024": a window to deliver or register in.
                // "Các trường nhận hồ sơ trực tiếp từ 23/7 đến hết ngày 28/7", "thu học phí từ …":
                // a window to receive in is the senders' window to send in.
                submission = ((max(0, from - 10)..<from).contains { t.matches("thoi gian", at: $0) || t.matches("thoi han", at: $0) || t.matches("han", at: $0) }
                    || (max(0, from - 12)..<from).contains { t[$0].is("nop") || t[$0].is("gui") || t.matches("dang ky", at: $0)
                        || t[$0].is("nhan") && $0 + 1 < t.count && ["ho", "bai", "tac", "don"].contains(t[$0 + 1].text)
                        || t.matches("thu hoc phi", at: $0) })
                    && !speaksOfData(t, max(0, from - 6)..<from, p)
                if let start = DateScanner.date(t, at: from + 1) {
                    isRange = true
                    rangeStart = years.resolve(start)
                } else if let k = [from + 1, from + 2].first(where: { $0 < i && t[$0].kind == .number }),
                          k == from + 1 || t[from + 1].is("ngay"), let day = Int(t[k].text), (1...31).contains(day) {
                    // "từ ngày 16 đến ngày 18/4/2016": the start takes the end's month and year.
                    isRange = true
                    rangeStart = years.resolve(WrittenDate(day: day, month: d.month, year: d.year, tokenStart: k, tokenEnd: k + 1))
                }
            }
            // "số liệu tính đến ngày D": a data cut-off, never a deadline; "Đến hết ngày 4.12, các
            // huyện đã tổ chức xong …": what was done by a day.
            // "Theo số liệu báo cáo nhanh …, đến 16h ngày D số gia súc chết tăng …": a count as of then.
            if window || t[i].is("den"), speaksOfData(t, max(0, i - 6)..<i, p) || t.matches("theo so lieu", at: 0) || t.matches("theo bao cao", at: 0)
                || (d.tokenEnd..<min(t.count, d.tokenEnd + 12)).prefix(while: { t[$0].text != "." && t[$0].text != ";" }).contains(where: { p.exact(t[$0], "đã") }) {
                return nil
            }
            // "trước ngày 25/6 đối với báo cáo 6 tháng, trước ngày 28/11 đối với báo cáo năm":
            // each date takes the period it is said for.
            var own: Periodicity?
            if d.year == nil, d.tokenEnd + 1 < t.count, t.matches("doi voi", at: d.tokenEnd) {
                own = Periodicity.detect(t, from: d.tokenEnd + 2, to: d.tokenEnd + 10)
            }
            // "trước ngày 01/10 năm sau", "ngày 15 tháng 01 năm kế tiếp": every year, by a day of
            // the year after the period.
            let after = d.tokenEnd < t.count && t[d.tokenEnd].is("cua") ? d.tokenEnd + 1 : d.tokenEnd
            // "ngày 30/7 của năm kết thúc thời gian miễn", "của năm liền kề …": a year told by an
            // event, so every year.
            let relativeYear = t[safe: d.tokenEnd]?.is("cua") == true && t[safe: after]?.is("nam") == true
                && t[safe: after + 1].map { $0.kind == .word && !["nay", "truoc", "hoc"].contains($0.text) } == true
            if d.year == nil, relativeYear || t.matches("nam sau", at: after) || t.matches("nam tiep theo", at: after) || t.matches("nam ke tiep", at: after) {
                own = Periodicity(freq: "YEARLY", tokenStart: d.tokenEnd, tokenEnd: after + 2)
            }
            // "Trước ngày 05/4, 05/7, 05/10, 05/11, các đơn vị chấm điểm theo quý": one day of
            // several months, every year.
            if d.year == nil, !window, let (months, end) = monthList(t, after: d) {
                let yearly = Periodicity(freq: "YEARLY", months: months, tokenStart: i, tokenEnd: end)
                return every(yearly, day: d.day, month: nil, time: time, kind: kind, t: t, i: i, end: end, p: p, years: years)
            }
            var hit: DeadlineHit
            // "Báo cáo 6 tháng: … Thời gian nộp báo cáo: từ ngày 15/6 đến ngày 04/7": a window to
            // send a periodic report in ends on its day each period.
            if var period = own ?? period, d.year == nil,
               !isRange || submission && (own != nil || period.months != nil || period.freq != "YEARLY") {
                // "báo cáo năm trước ngày 18/12" in a sentence of monthly reports: a day and
                // month come once a year.
                if period.freq == "MONTHLY", d.month > 0 {
                    period = Periodicity(freq: "YEARLY", tokenStart: period.tokenStart, tokenEnd: period.tokenEnd)
                }
                hit = every(period, day: d.day, month: d.month, time: time, kind: kind, t: t, i: i, end: d.tokenEnd, p: p, years: years)
            } else {
                let dl = DraftDeadline(kind: time != nil ? .at : kind, date: date, time: time?.text,
                                       phrase: phrase(t, i, d.tokenEnd, p))
                let role: DeadlineHit.Role = isRange ? .period(start: rangeStart, submission: submission) : window ? .windowEnd : .deadline
                hit = DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: d.tokenEnd, role: role, missingYear: date == nil)
            }
            if !window, d.tokenEnd < t.count, t[d.tokenEnd].is("va") || t[d.tokenEnd].is("hoac") {
                hit.continuation = Continuation(at: d.tokenEnd, kind: kind, time: time)
            }
            return hit
        }
        // "trước ngày 20 hằng tháng", "trước ngày 25 tháng cuối quý": a day of the month in a
        // periodic sentence, or followed by its own period.
        var k = j
        if k < t.count, t[k].is("ngay") { k += 1 }
        // "ngày thứ 20 của tháng tiếp theo": the twentieth day, not a weekday.
        if k + 1 < t.count, t[k].is("thu"), t[k + 1].kind == .number, let n = Int(t[k + 1].text), n > 7 { k += 1 }
        // "ngày cuối cùng của tháng đầu quý tiếp theo": the month's last day.
        if !window, k > j, k + 1 < t.count, t.matches("cuoi cung", at: k) || t[k].is("cuoi") && t[k + 1].is("cua"),
           !speaksOfData(t, max(0, i - 8)..<i, p),
           let period = Periodicity.detect(t, from: k + 1, to: min(t.count, k + 10)) ?? dayPeriod,
           period.freq == "MONTHLY" || period.freq == "YEARLY" {
            var own = period
            if own.monthAfter, let after = dayPeriod?.monthsAfter() { own = Periodicity(freq: after.freq, months: after.months, tokenStart: own.tokenStart, tokenEnd: own.tokenEnd) }
            return every(own, day: -1, month: nil, time: time, kind: kind, t: t, i: i, end: k + 2, p: p, years: years)
        }
        // "05 ngày làm việc", "14 tháng sau" are counts, not a day of the month; "từ ngày 16
        // tháng trước đến ngày 15" is a report period.
        let isDay = !window && k < t.count && t[k].kind == .number
            && !(k + 1 < t.count && (["ngay", "nam", "tuan", "gio"].contains(t[k + 1].text) || t[k + 1].is("thang") && !t[k - 1].is("ngay")))
        // Its own period follows it in its clause ("trước ngày 25, báo cáo quý …" names the next one).
        let lookAhead = min(t.count, k + 8)
        let clauseEnd = k + 1 < lookAhead ? (k + 1..<lookAhead).first { [",", ";", ".", "va", "hoac"].contains(t[$0].text) } ?? lookAhead : lookAhead
        var own = isDay ? Periodicity.detect(t, from: k + 1, to: clauseEnd) : nil
        // "Báo cáo 6 tháng: … ngày 20 của tháng tiếp theo": the month after each half-year.
        if let o = own, o.monthAfter, let after = dayPeriod?.monthsAfter() {
            own = Periodicity(freq: after.freq, months: after.months, tokenStart: o.tokenStart, tokenEnd: o.tokenEnd)
        }
        // "trước ngày 10 các tháng 4, 7, 10 và tháng 01 năm sau": one day of the months listed.
        if isDay, let day = Int(t[k].text.prefix(2)), (1...31).contains(day), let (months, end) = Self.monthsListed(t, from: k + 1) {
            let yearly = Periodicity(freq: "YEARLY", months: months, tokenStart: i, tokenEnd: end)
            return every(yearly, day: day, month: nil, time: time, kind: kind, t: t, i: i, end: end, p: p, years: years)
        }
        if let period = own ?? dayPeriod {
            // "trước thứ Sáu hằng tuần", "vào sáng thứ Sáu hằng tuần".
            if time == nil, period.byDay != nil, Self.weekday(t, at: j) {
                return every(period, day: nil, month: nil, time: nil, kind: kind, t: t, i: i, end: j + 2, p: p, years: years)
            }
            if isDay, let day = Int(t[k].text.prefix(2)), (1...31).contains(day) {
                return every(period, day: day, month: nil, time: time, kind: kind, t: t, i: i, end: k + 1, p: p, years: years)
            }
            if let time, period.freq == "DAILY" || period.byDay != nil {
                return every(period, day: nil, month: nil, time: time, kind: kind, t: t, i: i, end: j, p: p, years: years)
            }
        }
        return nil
    }

    private static func every(_ period: Periodicity, day: Int?, month: Int?, time: WrittenTime?,
                              kind: DraftDeadline.Kind, t: [Token], i: Int, end: Int, p: Paragraph,
                              years: YearContext) -> DeadlineHit {
        let rule = period.rule(day: day, month: month)
        let dl = DraftDeadline(kind: .every, time: time?.text, rule: rule, start: years.recurrenceStart,
                          recurrenceKind: kind == .through ? .through : .before,
                          phrase: phrase(t, min(i, period.tokenStart), max(end, period.tokenEnd), p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end)
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
