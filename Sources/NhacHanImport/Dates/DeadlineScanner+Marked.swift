import NhacHanCore

/// The marker words of a deadline and where the date they introduce starts.
extension DeadlineScanner {
    /// `trước`, `chậm nhất`, `đến hết`, `trong ngày`, `hạn chót`, `từ ... đến ngày` + date.
    static func marked(_ t: [Token], at i: Int, p: Paragraph, years: YearContext,
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
        // "- Thời gian thực hiện: Tháng 5/2024", "Thời gian hoàn thành: trong Quý II/2024": a plan
        // item's time given as a period is due by its last day.
        if ItemLabel.end(t, ItemLabel.time) == i, let (last, end) = periodEnd(t, at: t[i].is("trong") ? i + 1 : i) {
            let dl = DraftDeadline(kind: .through, date: last, phrase: phrase(t, i, end, p))
            return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, role: .periodEnd)
        }
        switch t[i].text {
        case "truoc", "cham", "muon", "tre", "sau", "khong", "den", "trong", "han", "thoi", "hoan", "het", "vao", "la", "ngay", "ket", "dinh": break
        default: return nil
        }
        if t[i].is("truoc") {
            if let d = DateScanner.date(t, at: i + 1), condition(t, marker: i, date: d) || alreadyDone(t, marker: i, p: p) { return nil }
            j = i + 1; kind = .before
        } else if t[i].is("sau"), i == 0 || t[i - 1].kind == .punct, i + 1 < t.count, t[i + 1].is("ngay"),
                  let d = DateScanner.date(t, at: i + 1), d.year != nil,
                  (d.tokenEnd..<min(t.count, d.tokenEnd + 12)).contains(where: { k in
                      t[k].is("khong") && ["thuc hien", "tiep nhan", "giai quyet", "xem xet", "chap nhan", "dieu chinh", "nhan"].contains { t.matches($0, at: k + 1) } }) {
            // "Sau ngày 15/12/2019 các Kho bạc không thực hiện điều chỉnh …", "Sau ngày D, hồ sơ
            // gửi đến sẽ không được tiếp nhận": nothing is taken after that day, so it is the last.
            j = i + 1; kind = .through
        } else if t.matches("cham nhat", at: i) || t.matches("muon nhat", at: i) || t.matches("tre nhat", at: i)
                    || t.matches("khong muon hon", at: i) || t.matches("khong cham hon", at: i) || t.matches("khong qua ngay", at: i) {
            // "chậm nhất (là|vào lúc|trong|đến hết) ngày D", "muộn nhất", "trễ nhất", "không muộn hơn ngày D".
            j = i + (t[i].is("khong") ? (t[i + 2].is("hon") ? 3 : 2) : 2); kind = .through
            while j < t.count, ["la", "vao", "luc", "trong", ",", ":", "den", "het"].contains(t[j].text) { j += 1 }
            // "chậm nhất trong tháng 6/2024", "chậm nhất vào cuối quý III/2024": the period's last day.
            let p0 = j < t.count && t[j].is("cuoi") ? j + 1 : j
            if let (last, end) = periodEnd(t, at: p0) {
                let dl = DraftDeadline(kind: .through, date: last, phrase: phrase(t, i, end, p))
                return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, role: .periodEnd)
            }
        } else if t[i].is("den"), windowStart(t, before: i) == nil, !(max(0, i - 3)..<i).contains(where: { t[$0].is("da") }),
                  let d = DateScanner.date(t, at: i + 1), let k = (d.tokenEnd..<min(t.count, d.tokenEnd + 4)).first(where: {
                      t.matches("hoan thanh", at: $0) || t[$0].is("xong") }),
                  !(d.tokenEnd..<k).contains(where: { t[$0].is("da") || t[$0].text == "." }) {
            // "phấn đấu đến ngày 31/5/2021 hoàn thành việc thu nhận hồ sơ", "đến ngày 5-6 phải
            // hoàn thành mục tiêu": the day the work is to be done by ("đã … xong" is past).
            j = i + 1; kind = .through
        } else if t[i].is("den"), i + 1 < t.count, t[i + 1].is("ngay") || t.matches("het ngay", at: i + 1), windowStart(t, before: i) == nil,
                  let label = (max(0, i - 12)..<i).last(where: { t.matches("thoi gian", at: $0) || t.matches("thoi han", at: $0) }),
                  (label + 2..<min(i, label + 5)).contains(where: { t[$0].is("gui") || t[$0].is("nop") || t.matches("bao cao", at: $0) }) {
            // "Thời gian gửi báo cáo về Sở Nội vụ tổng hợp đến ngày 10/02 năm sau": the time to
            // send something ends on that day.
            j = t[i + 1].is("het") ? i + 2 : i + 1; kind = .through
        } else if t.matches("den het", at: i) {
            j = i + 2; kind = .through; window = true
        } else if t[i].is("den"), plainEnd(t, at: i, p) {
            // "nộp hồ sơ đến ngày 27/02/2010", "được kéo dài đến 31/12/2013": like "đến hết", a
            // period's end that is a deadline only when a delivering verb governs it.
            j = i + 1; kind = .through; window = true
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
        } else if t[i].is("trong"), let (last, end) = periodEnd(t, at: i + 1),
                  t[i + 1].is("quy") || (max(0, i - 8)..<i).contains(where: { SendingIn.sends(t, at: $0) }) {
            // "hoàn thành và trình UBND tỉnh trong quý I/2020", "báo cáo trong tháng 9/2022":
            // by the period's last day. A month is the limit of a delivery only: "tổng kết chi hội
            // trong tháng 12/2020", "chấm sơ khảo trong tháng 12" tell when work goes on, and
            // "báo cáo tình hình trong tháng 9" the month a report covers.
            let dl = DraftDeadline(kind: .through, date: last, phrase: phrase(t, i, end, p))
            return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: end, role: .periodEnd)
        } else if t.matches("trong ngay", at: i) {
            // "lấy ý kiến cử tri trong ngày 06/7/2019 (Thứ 7) từ 7 giờ 00 phút đến 17 giờ 00
            // phút": a day with its hours is an event, not a limit.
            if let from = (i + 2..<min(t.count, i + 16)).prefix(while: { t[$0].text != ";" && t[$0].text != "." }).first(where: { t[$0].is("tu") }),
               DateScanner.time(t, at: from + 1) != nil { return nil }
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
        } else if t[i].is("vao"), period == nil, i + 1 < t.count, t[i + 1].is("ngay"), DateScanner.date(t, at: i + 1) != nil,
                  let v = (max(0, i - 10)..<i).last(where: { t[$0].is("gui") || t[$0].is("nop") || t.matches("bao cao", at: $0) }),
                  !(v..<i).contains(where: { [",", ";", ".", ":", "(", ")"].contains(t[$0].text) || t.matches("hoi nghi", at: $0) || t[$0].is("hop") }),
                  !(max(0, v - 3)..<v).contains(where: { t[$0].is("da") }) {
            // "Các xã gửi báo cáo về UBND huyện vào ngày 20/3/2021": the day of a delivery.
            j = i + 1; kind = .through
        } else if t[i].is("vao") || t[i].is("la"), (max(0, i - 10)..<i).contains(where: { t.matches("bao cao", at: $0) || t[$0].is("nop") })
                    // "Định kỳ vào thứ Sáu hằng tuần, các đơn vị báo cáo …": the report follows;
                    // "… hằng tháng vào ngày 20, hằng quý vào ngày 20 tháng cuối quý": each period's day.
                    || i > 0 && (t[i - 1].is("ky") || Periodicity.all(t, from: max(0, i - 6), to: i).contains { $0.tokenEnd == i })
                    && t.mentions("bao cao", near: i)
                    // "Vào ngày 25 hằng tháng, các xã gửi báo cáo …": the period after the day.
                    || (i == 0 || t[i - 1].kind == .punct) && Periodicity.detect(t, from: i + 1, to: min(t.count, i + 8)) != nil
                    && t.mentions("bao cao", near: i),
                  // "vào 13 giờ 30 phút hàng ngày": an hour, every day.
                  let at = [i + 1, i + 2].first(where: { $0 < t.count && (t[$0].is("ngay") || Self.weekday(t, at: $0) || DateScanner.time(t, at: $0) != nil) }),
                  at == i + 1 || t[i + 1].is("sang") || t[i + 1].is("chieu"),
                  // "thời điểm báo cáo là ngày 30/9", "số liệu tính đến": the point the data is taken at.
                  !(max(0, i - 6)..<i).contains(where: { t.matches("thoi diem", at: $0) }), !speaksOfData(t, max(0, i - 6)..<i, p) {
            // "báo cáo tháng vào ngày 20 tháng sau", "Ngày nộp báo cáo là ngày 12 tháng sau
            // của tháng báo cáo", "gửi báo cáo tuần vào sáng thứ Sáu hằng tuần": a report's
            // day, a deadline when it recurs.
            j = at; kind = .through; recurringOnly = true
        } else if t.matches("dinh ky ngay", at: i), t.mentions("bao cao", near: i) {
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
        // "… thời hạn thực hiện … Cập nhật lúc: 20:36 20/12/2017": a page's stamp after a title.
        if (i..<min(j, t.count)).contains(where: { t.matches("cap nhat luc", at: $0) || t.matches("ngay dang", at: $0) || t.matches("dang luc", at: $0) }) {
            return nil
        }
        j = skipWeekday(t, j)
        if let tm = DateScanner.time(t, at: j) {
            time = tm
            j = tm.tokenEnd
            while j < t.count, t[j].text == "," || t[j].text == "'" || t[j].is("cung") { j += 1 }
            j = skipWeekday(t, j)
        }
        var hit = dated(t, at: i, j, kind: kind, window: window, time: time, p: p, years: years, period: period, dayPeriod: dayPeriod)
        if var h = hit, !window, h.role == .deadline, h.deadline.kind == .through, h.deadline.date != nil, let tm = hourAfter(t, h.tokenEnd) {
            // "chậm nhất ngày 20/3/2021, trước 16 giờ", "trong ngày D (trước 16 giờ)", "ngày D lúc
            // 16 giờ": the day, then the hour on it.
            h.deadline.kind = .at
            h.deadline.time = tm.text
            h.tokenEnd = tm.tokenEnd
            h.deadline.phrase = phrase(t, i, tm.tokenEnd, p)
            hit = h
        }
        return recurringOnly && hit?.deadline.kind != .every ? nil : hit
    }

    /// The hour told right after a day: ", trước 16 giờ", "(trước 16 giờ)", "lúc 16 giờ", "vào
    /// lúc 16h00"; not an hour that opens another day ("16 giờ ngày 21/3").
    static func hourAfter(_ t: [Token], _ from: Int) -> WrittenTime? {
        var j = from
        while j < t.count, j < from + 2, t[j].text == "," || t[j].text == "(" { j += 1 }
        let marked = j
        while j < t.count, j < marked + 3, t[j].is("truoc") || t[j].is("luc") || t[j].is("vao") { j += 1 }
        guard j > marked, let tm = DateScanner.time(t, at: j) else { return nil }
        if tm.tokenEnd < t.count, t[tm.tokenEnd].is("ngay") || DateScanner.date(t, at: tm.tokenEnd) != nil { return nil }
        return tm
    }

    /// Where a marked deadline goes on after its date: "và (ngày) D", "hoặc D".
    struct Continuation: Sendable {
        var at: Int
        var kind: DraftDeadline.Kind
        var time: WrittenTime?
    }
}
