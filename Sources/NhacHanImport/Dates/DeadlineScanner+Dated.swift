import NhacHanCore

/// What the date after a marker is: one day, a day recurring in a period, or a period's end.
extension DeadlineScanner {
    /// The date (or day of a period) at `j` of a deadline marked at `i`.
    static func dated(_ t: [Token], at i: Int, _ j: Int, kind: DraftDeadline.Kind, window: Bool,
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
                // "Hoàn thành phương án các thôn: Từ ngày 25/5 đến 31/5/2019": work finished in it.
                // "Thời gian tổ chức chấm chọn tác phẩm từ …": the organisers' activity.
                submission = ((max(0, from - 10)..<from).contains { t.matches("thoi gian", at: $0) && !SendingIn.activity(t, at: $0 + 2) || t.matches("thoi han", at: $0) || t.matches("han", at: $0)
                        || t.matches("hoan thanh", at: $0) && !(max(0, $0 - 2)..<$0).contains { t[$0].is("da") } }
                    || (max(0, from - 12)..<from).contains { SendingIn.sends(t, at: $0) || SendingIn.receives(t, at: $0) })
                    && !speaksOfData(t, max(0, from - 6)..<from, p)
                if let start = DateScanner.date(t, at: from + 1) {
                    isRange = true
                    rangeStart = years.resolve(start)
                } else if let k = [from + 1, from + 2].first(where: { $0 < i && t[$0].kind == .number }),
                          k == from + 1 || t[from + 1].is("ngay"), let day = Int(t[k].text), (1...31).contains(day) {
                    // "từ ngày 16 đến ngày 18/4/2016": the start takes the end's month and year.
                    isRange = true
                    rangeStart = years.resolve(WrittenDate(day: day, month: d.month, year: d.year, tokenStart: k, tokenEnd: k + 1))
                } else if let k = [from + 1, from + 2].first(where: { $0 < i && t[$0].kind == .number }), k == from + 1 || t[from + 1].is("ngay") {
                    // "từ ngày 1.92014 đến ngày 30.10.2014": a start damaged past reading is still a start.
                    isRange = true
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
        // "các năm trước 2019": a year is no day of the month.
        let isDay = !window && k < t.count && t[k].kind == .number && t[k].text.count <= 2
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
            // "Hàng tuần (trước ngày thứ 4) báo cáo": a weekday after "ngày".
            let wd = Self.weekday(t, at: j) ? j : t[safe: j]?.is("ngay") == true && Self.weekday(t, at: j + 1) ? j + 1 : nil
            if time == nil, period.byDay != nil, let wd {
                return every(period, day: nil, month: nil, time: nil, kind: kind, t: t, i: i, end: wd + 2, p: p, years: years)
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

    static func every(_ period: Periodicity, day: Int?, month: Int?, time: WrittenTime?,
                      kind: DraftDeadline.Kind, t: [Token], i: Int, end: Int, p: Paragraph,
                      years: YearContext) -> DeadlineHit {
        let rule = period.rule(day: day, month: month)
        let dl = DraftDeadline(kind: .every, time: time?.text, rule: rule, start: laterStart(t, years: years),
                          recurrenceKind: kind == .through ? .through : .before,
                          phrase: phrase(t, min(i, period.tokenStart), max(end, period.tokenEnd), p))
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end)
    }

    /// "Từ năm 2025, các cơ quan báo cáo định kỳ …", "kể từ ngày 01/01/2025": a regime that
    /// begins later than the text starts then, so nothing is reminded before it.
    static func laterStart(_ t: [Token], years: YearContext) -> CivilDate? {
        let base = years.recurrenceStart
        for k in t.indices where t[k].is("tu") {
            var begins: CivilDate?
            if t.matches("nam", at: k + 1), let y = t[safe: k + 2].flatMap({ $0.kind == .number && $0.text.count == 4 ? Int($0.text) : nil }) {
                begins = CivilDate(year: y, month: 1, day: 1)
            } else if k > 0, t[k - 1].is("ke"), let d = DateScanner.date(t, at: k + 1), d.year != nil {
                begins = years.resolve(d)
            }
            if let begins, base.map({ begins.dayNumber > $0.dayNumber }) ?? true { return begins }
        }
        return base
    }
}
